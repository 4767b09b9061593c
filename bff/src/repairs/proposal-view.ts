import type { RepairEvent, RepairRequest } from '@prisma/client';

export type ProposalState = 'PENDING' | 'AGREED' | 'DECLINED' | 'LAPSED';

const ANSWERS: Record<string, ProposalState> = { 'appointment-agreed': 'AGREED', 'appointment-declined': 'DECLINED' };

/**
 * The latest appointment proposed in the app (docs/domain.md §1, appointments) as whoever sees the repair
 * reads it: when, why, and where it stands — waiting for the resident, agreed, declined, or lapsed (the
 * technician arrived before an answer). Read back from the repair's history, oldest first.
 */
export function proposalView(
  repair: Pick<RepairRequest, 'proposedAppointmentAt'>,
  events: Pick<RepairEvent, 'action' | 'at' | 'data'>[],
) {
  const at = events.findLastIndex((e) => e.action === 'propose');
  if (at < 0) return null;
  const proposed = events[at]!;
  const data = (proposed.data ?? {}) as { appointmentAt?: string; reason?: string };
  const answer = events.slice(at + 1).find((e) => ANSWERS[e.action]);
  const appointmentAt = data.appointmentAt ?? repair.proposedAppointmentAt?.toISOString();
  if (!appointmentAt) return null; // a proposal from before its time was kept in the history
  const state: ProposalState = answer ? ANSWERS[answer.action]! : repair.proposedAppointmentAt ? 'PENDING' : 'LAPSED';
  return {
    appointmentAt,
    reason: data.reason ?? null,
    state,
    proposedAt: proposed.at,
    answeredAt: answer?.at ?? null,
  };
}
