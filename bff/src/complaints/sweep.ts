import { z } from 'zod';
import type { ComplaintClock } from '@prisma/client';
import type { Deps } from '../deps.js';
import { defineJob } from '../jobs/define.js';
import { ZId } from '../http/params.js';
import { queuePush } from '../push/outbox.js';
import { sweepClocks, type ClockSubject } from '../clocks/sweep.js';
import { staffWithRoles } from '../repairs/staff-roles.js';
import {
  COMPLAINT_CLOCK_LABEL,
  complaintDeadlines,
  complaintSlaOf,
  loadComplaintSla,
  type ComplaintSla,
  type SweptComplaint,
} from './clocks.js';
import { summaryOf } from './view.js';

/**
 * Who hears of a missed complaint clock, once: the community's managers (customer service) always; a
 * missed triage also the escalation step it reached; a missed contact also the person assigned.
 */
async function recipientsOf(
  deps: Deps,
  b: { communityId: string; clock: ComplaintClock; step: number },
  assigneeId: string | null,
) {
  const ids = new Set(await staffWithRoles(deps.db, b.communityId, ['MANAGER']));
  if (b.clock === 'TRIAGE') {
    const step = (await loadComplaintSla(deps.db, b.communityId)).escalation[b.step];
    for (const id of step ? await staffWithRoles(deps.db, b.communityId, step.roles) : []) ids.add(id);
    for (const id of step?.userIds ?? []) ids.add(id);
  } else if (assigneeId) ids.add(assigneeId);
  return [...ids];
}

/** Pushes each new breach once: marked notified in the transaction that writes its pushes (the outbox). */
export const notifyComplaintBreaches = defineJob({
  name: 'complaints.breach-notify',
  schema: z.object({ breachIds: z.array(ZId).min(1) }),
  handler: async (deps, { breachIds }) => {
    const breaches = await deps.db.complaintBreach.findMany({
      where: { id: { in: breachIds }, notifiedAt: null },
      include: { complaint: { select: { kind: true, category: true, assigneeId: true } } },
    });
    for (const b of breaches) {
      const recipients = await recipientsOf(deps, b, b.complaint.assigneeId);
      await deps.db.$transaction(async (tx) => {
        const marked = await tx.complaintBreach.updateMany({
          where: { id: b.id, notifiedAt: null },
          data: { notifiedAt: deps.clock.now() },
        });
        if (marked.count === 0) return;
        await queuePush(deps, tx, {
          template: 'complaintOverdue',
          recipients: recipients.map((userId) => ({ userId, communityId: b.communityId })),
          // The category only: the resident's text may be held for review, and never names them.
          values: { clock: `${COMPLAINT_CLOCK_LABEL[b.clock]}超时`, summary: summaryOf(b.complaint), dueAt: b.dueAt },
          event: { kind: 'complaint.overdue', id: b.id },
        });
      });
    }
  },
});

/**
 * Complaints on the repair SLA engine (clocks/sweep.ts): the triage clock climbs the community's
 * complaint escalation chain; the contact clock is missed once per re-handling.
 */
export const complaintClocks: ClockSubject<ComplaintClock, SweptComplaint, ComplaintSla> = {
  table: 'Complaint',
  breachTable: 'ComplaintBreach',
  foreignKey: 'complaintId',
  clockType: 'ComplaintClock',
  columns: `"status", "triageDueAt", "contactDueAt", "contactedAt"`,
  cycleColumn: 'rehandleCount',
  climbing: 'TRIAGE',
  running: complaintDeadlines,
  loadSettings: async (tx, communities) => {
    const rows = await tx.complaintSlaSettings.findMany({ where: { communityId: { in: communities } } });
    const byCommunity = new Map(rows.map((s) => [s.communityId, complaintSlaOf(s)]));
    return (communityId) => byCommunity.get(communityId) ?? complaintSlaOf(null);
  },
  chainOf: (sla) => sla.escalation,
  notify: notifyComplaintBreaches,
};

export const sweepComplaintClocks = (deps: Deps) => sweepClocks(deps, complaintClocks);

/** Every minute (cron), like the repairs' sweep. */
export const sweepComplaintSla = defineJob({
  name: 'complaints.sla-sweep',
  schema: z.object({}).passthrough(),
  retry: { limit: 2, delaySeconds: 10, backoff: false },
  handler: async (deps) => {
    const { subjects, breaches } = await sweepComplaintClocks(deps);
    if (breaches > 0) deps.logger.info({ complaints: subjects, breaches }, 'complaint deadlines missed');
  },
});
