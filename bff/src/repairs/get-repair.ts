import type { RepairRequest } from '@prisma/client';
import type { Deps } from '../deps.js';
import { maskName, maskPhone } from '../privacy/mask.js';
import { viewUpload } from '../uploads/view.js';
import { findVisibleRepair } from './access.js';
import { CLOCK_LABEL, runningDeadlines } from './sla.js';
import { HELD_TEXT, shownText } from './held-text.js';
import { proposalView } from './proposal-view.js';

/**
 * A repair with its timeline and photos. The contact phone is shown in full to the reporter and to the
 * technician who must call them; the office sees it masked (revealing it is its own audited step).
 */
export async function getRepair(deps: Deps, userId: string, id: string, asStaff = false) {
  const { repair, roles } = await findVisibleRepair(deps, userId, id, asStaff);
  const [events, uploads, unit, assignee, onBehalf] = await Promise.all([
    deps.db.repairEvent.findMany({
      where: { repairId: id },
      orderBy: { at: 'asc' },
      include: { actor: { select: { id: true, name: true } } },
    }),
    deps.db.upload.findMany({ where: { claimKind: 'repair', claimId: id }, orderBy: { createdAt: 'asc' } }),
    repair.unitId
      ? deps.db.unit.findUnique({
          where: { id: repair.unitId },
          select: { number: true, building: { select: { name: true } } },
        })
      : null,
    repair.assigneeId
      ? deps.db.user.findUnique({ where: { id: repair.assigneeId }, select: { id: true, name: true } })
      : null,
    deps.db.filedOnBehalf.findUnique({
      where: { recordKind_recordId: { recordKind: 'repair', recordId: id } },
      select: { channel: true },
    }),
  ]);
  const fullPhone = roles.has('reporter') || roles.has('assignee');
  // Held text (content safety) is for its author and the office, who moderate it (docs/domain.md §1).
  const seesHeld = roles.has('reporter') || roles.has('office');
  const text = shownText(repair, seesHeld);
  return {
    id: repair.id,
    number: repair.number,
    communityId: repair.communityId,
    place: unit ? `${unit.building.name} ${unit.number}室` : (text.commonArea ?? ''),
    unitId: repair.unitId,
    faultType: repair.faultType,
    part: text.part,
    phenomenon: text.phenomenon,
    emergency: repair.emergency,
    description: text.description,
    textHeld: repair.textHeld,
    contactPhone: fullPhone ? repair.contactPhone : maskPhone(repair.contactPhone),
    preferredTime: text.preferredTime,
    status: repair.status,
    assignee: assignee
      ? { id: assignee.id, name: roles.has('reporter') ? maskName(assignee.name) : assignee.name }
      : null,
    appointmentAt: repair.appointmentAt,
    proposedAppointmentAt: repair.proposedAppointmentAt,
    appointmentProposal: proposalView(repair, events),
    returnReason: repair.returnReason,
    extensionCount: repair.extensionCount,
    extensionDays: repair.extensionDays,
    reopenCount: repair.reopenCount,
    urgentAt: repair.urgentAt,
    rating: repair.ratingAttitude
      ? {
          attitude: repair.ratingAttitude,
          quality: repair.ratingQuality,
          comment: repair.ratingCommentHeld && !seesHeld ? HELD_TEXT : repair.ratingComment,
          held: repair.ratingCommentHeld,
        }
      : null,
    filedAt: repair.filedAt,
    /** 代客报修: the office filed it for the reporter, who phoned (PHONE) or came in (VISIT). */
    filedByOffice: onBehalf ? { channel: onBehalf.channel } : null,
    sla: slaView(repair, deps.clock.now()),
    myRoles: [...roles],
    photos: await Promise.all(uploads.map((u) => viewUpload(deps, u))),
    timeline: events.map((e) => ({
      action: e.action,
      from: e.fromStatus,
      to: e.toStatus,
      at: e.at,
      note: e.note,
      by: e.actor.id === userId ? '我' : (maskName(e.actor.name) ?? '工作人员'),
    })),
  };
}

/**
 * The repair's deadlines as its reporter and its staff see them: each step's deadline and when it was
 * done, and the next one still running (overdue when passed). Escalation steps stay internal: an
 * unaccepted repair shows its acceptance deadline.
 */
function slaView(r: RepairRequest, now: Date) {
  const steps = [
    { clock: 'ACCEPT', dueAt: r.acceptDueAt, doneAt: r.acceptedAt },
    { clock: 'CONTACT', dueAt: r.contactDueAt, doneAt: r.contactedAt },
    { clock: 'ARRIVE', dueAt: r.arriveDueAt, doneAt: r.arrivedAt },
    { clock: 'FEEDBACK', dueAt: r.feedbackDueAt, doneAt: r.resolvedAt },
  ] as const;
  const runningAll = runningDeadlines(r);
  const running = runningAll[0];
  const nextDue = running && (running.clock === 'ACCEPT' ? r.acceptDueAt : running.dueAt);
  return {
    deadlines: steps
      .filter((s) => s.dueAt)
      .map((s) => ({
        ...s,
        label: CLOCK_LABEL[s.clock],
        late: Boolean(s.doneAt ? s.doneAt > s.dueAt! : s.dueAt! <= now && runningAll.some((d) => d.clock === s.clock)),
      })),
    next: running
      ? { clock: running.clock, label: CLOCK_LABEL[running.clock], dueAt: nextDue, overdue: nextDue! <= now }
      : null,
  };
}
