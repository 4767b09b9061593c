import type { Prisma, RepairRequest, RepairStatus } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { hasStaffRole } from '../access/scope.js';
import { claimUploads } from '../uploads/claim-uploads.js';
import { findVisibleRepair, type RepairRole } from './access.js';
import type { RepairAction } from './schema.js';
import { getRepair } from './get-repair.js';
import { beijingMinute } from '../beijing.js';
import { pushAppointmentProposal, pushRepairEvent, pushUrgentAppeal } from './push.js';
import { holdForReview, screenText } from '../moderation/screen-text.js';
import { answerReturnVisit, openReturnVisit, resultOfRating } from '../return-visits/hooks.js';
import {
  checkAppointment,
  loadClocks,
  loadSla,
  nextDueOf,
  onAccept,
  onContact,
  phoneAgreementNote,
  type ClockState,
} from './sla.js';

type Rule = { from: RepairStatus[]; who: RepairRole[]; to?: RepairStatus };
const OPEN: RepairStatus[] = ['SUBMITTED', 'ACCEPTED', 'ASSIGNED', 'CONTACTED', 'ARRIVED', 'DEFERRED'];

/**
 * Who may do what from which state (docs/domain.md §1). `to` absent: the state stays (an extension, an
 * urgent appeal). Viewing is never accepting: only `accept` moves a repair out of SUBMITTED.
 */
export const RULES: Record<RepairAction['action'], Rule> = {
  accept: { from: ['SUBMITTED'], who: ['office'], to: 'ACCEPTED' },
  assign: { from: ['ACCEPTED', 'ASSIGNED'], who: ['office'], to: 'ASSIGNED' },
  contact: { from: ['ASSIGNED'], who: ['assignee', 'office'], to: 'CONTACTED' },
  propose: { from: ['CONTACTED'], who: ['assignee', 'office'] },
  arrive: { from: ['CONTACTED'], who: ['assignee'], to: 'ARRIVED' },
  resolve: { from: ['ARRIVED', 'DEFERRED'], who: ['assignee'], to: 'RESOLVED' },
  rate: { from: ['RESOLVED'], who: ['reporter'], to: 'CLOSED' },
  reopen: { from: ['RESOLVED'], who: ['reporter'], to: 'ACCEPTED' },
  cancel: { from: ['SUBMITTED'], who: ['reporter'], to: 'CANCELLED' },
  return: { from: ['SUBMITTED', 'ACCEPTED', 'ASSIGNED', 'CONTACTED'], who: ['office'], to: 'RETURNED' },
  extend: { from: ['ACCEPTED', 'ASSIGNED', 'CONTACTED', 'ARRIVED'], who: ['office', 'assignee'] },
  defer: { from: ['ASSIGNED', 'CONTACTED', 'ARRIVED'], who: ['office'], to: 'DEFERRED' },
  urgent: { from: OPEN, who: ['reporter'] },
};

type Effect = {
  data: Prisma.RepairRequestUncheckedUpdateManyInput;
  /** The clock fields the action sets (plain values), from which the sweep's next deadline follows. */
  clocks?: Partial<ClockState>;
  where?: Prisma.RepairRequestWhereInput;
  note?: string;
  limit?: string;
  /** What the history row keeps besides its note, for the views that read it back (proposal-view.ts). */
  event?: Prisma.InputJsonObject;
  /** Text held for the moderation queue by this action. */
  held?: { kind: string; text: string; reason: string; label: number | null; traceId: string | null };
};

/** What an action writes besides the state, and the extra condition its write must meet. */
async function effect(deps: Deps, userId: string, repair: RepairRequest, a: RepairAction, now: Date): Promise<Effect> {
  const communityId = repair.communityId;
  switch (a.action) {
    case 'accept': {
      const { sla, calendar } = await loadClocks(deps.db, communityId);
      return { data: {}, clocks: { acceptedAt: now, ...onAccept(sla, calendar, repair.emergency, now) } };
    }
    case 'assign':
      if (!(await hasStaffRole(deps.db, a.technicianId, communityId, ['TECHNICIAN']))) throw notFound('维修工');
      return { data: { assigneeId: a.technicianId } };
    case 'contact': {
      const appointmentAt = new Date(a.appointmentAt);
      checkAppointment(now, appointmentAt, Boolean(a.phoneAgreement));
      const sla = await loadSla(deps.db, communityId);
      const staffName = a.phoneAgreement
        ? ((await deps.db.user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? '工作人员')
        : '';
      return {
        data: { appointmentAt },
        clocks: { contactedAt: now, ...onContact(sla, repair, now, appointmentAt) },
        note: [a.phoneAgreement && phoneAgreementNote(appointmentAt, staffName, a.phoneAgreement), a.note]
          .filter(Boolean)
          .join('；'),
      };
    }
    case 'propose': {
      // Any date up to 90 days; it waits for the resident's answer and moves nothing until then.
      const proposedAppointmentAt = new Date(a.appointmentAt);
      if (proposedAppointmentAt <= now) throw new AppError('VALIDATION_FAILED', '提议的上门时间须晚于现在');
      checkAppointment(now, proposedAppointmentAt, true);
      return {
        data: { proposedAppointmentAt },
        note: `提议上门时间 ${beijingMinute(proposedAppointmentAt)}，待住户确认：${a.reason}`,
        event: { appointmentAt: proposedAppointmentAt.toISOString(), reason: a.reason },
      };
    }
    case 'arrive':
      return { data: { proposedAppointmentAt: null }, clocks: { arrivedAt: now } };
    case 'resolve':
      return {
        data: {},
        clocks: { resolvedAt: now },
        note: [a.workDone, a.parts ? `更换：${a.parts}` : ''].filter(Boolean).join('；'),
      };
    case 'rate': {
      // A comment WeChat wants reviewed is kept, shown to its author, and waits for a manager.
      const screened = await screenText(deps, repair.reporterId, [a.comment], 2);
      return {
        data: {
          ratingAttitude: a.attitude,
          ratingQuality: a.quality,
          ratingComment: a.comment || null,
          ratingCommentHeld: screened.held,
        },
        held: screened.held ? { kind: 'repair-rating', text: a.comment!, ...screened } : undefined,
        note: screened.held ? '（评价内容审核中）' : a.comment,
      };
    }
    case 'reopen': {
      // An unsatisfied resident may have it done again, once; the clocks start again as at acceptance.
      const { sla, calendar } = await loadClocks(deps.db, communityId);
      return {
        data: { reopenCount: { increment: 1 }, assigneeId: null },
        clocks: {
          contactedAt: null,
          arrivedAt: null,
          resolvedAt: null,
          ...onAccept(sla, calendar, repair.emergency, now),
        },
        where: { reopenCount: 0 },
        note: a.reason,
        limit: '每个报修只能重新处理一次',
      };
    }
    case 'cancel':
      return { data: {}, note: a.reason };
    case 'return':
      return { data: { returnReason: a.reason }, note: a.note };
    case 'extend':
      // At most 2 extensions, at most 14 days in all (docs/domain.md §1); the database checks it too. The
      // result is then due that much later; the write is conditional on the count read.
      if (repair.extensionCount >= 2 || repair.extensionDays + a.days > 14)
        throw new AppError('CONFLICT', '延期最多 2 次、合计不超过 14 天');
      return {
        data: { extensionCount: repair.extensionCount + 1, extensionDays: repair.extensionDays + a.days },
        clocks: {
          feedbackDueAt: repair.feedbackDueAt && new Date(repair.feedbackDueAt.getTime() + a.days * 86_400_000),
        },
        where: { extensionCount: repair.extensionCount },
        note: `延期 ${a.days} 天：${a.reason}`,
        limit: '延期最多 2 次、合计不超过 14 天',
      };
    case 'defer':
      return { data: {}, note: `缓办计划：${a.plan}（已征得住户同意）` };
    case 'urgent':
      return { data: { urgentAt: now }, where: { urgentAt: null }, note: a.reason, limit: '已经加急过了' };
    default:
      return { data: {} };
  }
}

/**
 * One transition: the caller's role and the repair's state checked, then a conditional write on the
 * state read (two managers accepting at once: one wins, the other is told), and one history row.
 */
export async function actOnRepair(deps: Deps, userId: string, id: string, action: RepairAction, asStaff = false) {
  const { repair, roles } = await findVisibleRepair(deps, userId, id, asStaff);
  const rule = RULES[action.action];
  if (!rule.who.some((r) => roles.has(r))) throw forbidden('您不能对这个报修执行此操作');
  if (!rule.from.includes(repair.status)) throw new AppError('CONFLICT', '报修当前的状态不能执行此操作，请刷新后查看');
  if (action.action === 'urgent') {
    if (repair.urgentAt) throw new AppError('CONFLICT', '已经加急过了');
    // A resident's reminder (加急) per user per day, charged only once it is valid and theirs (docs/conventions.md, Rate limits).
    await deps.limits.urgentPerUser.consume(userId);
  }
  const now = deps.clock.now();
  const { data, clocks, where, note, limit, held, event } = await effect(deps, userId, repair, action, now);
  const to = rule.to ?? repair.status;
  const nextDueAt = nextDueOf({ ...repair, ...clocks, status: to });
  await deps.db.$transaction(async (tx) => {
    const moved = await tx.repairRequest.updateMany({
      where: { id, status: repair.status, ...where },
      data: { ...data, ...clocks, nextDueAt, status: to, updatedAt: now },
    });
    if (moved.count === 0) {
      const current = await tx.repairRequest.findUniqueOrThrow({ where: { id }, select: { status: true } });
      throw new AppError(
        'CONFLICT',
        current.status !== repair.status ? '报修已被他人处理，请刷新后查看' : (limit ?? '当前不能执行此操作'),
      );
    }
    await tx.repairEvent.create({
      data: {
        repairId: id,
        action: action.action,
        fromStatus: repair.status,
        toStatus: to,
        actorId: userId,
        note: note || null,
        ...(event ? { data: event } : {}),
        at: now,
      },
    });
    if (held)
      await holdForReview(tx, { communityId: repair.communityId, authorId: userId, recordId: id, now, ...held });
    if (action.action === 'resolve') {
      await claimUploads(tx, { uploaderId: userId, ids: action.uploadIds, kind: 'repair', recordId: id, now });
      await openReturnVisit(tx, repair, now);
    }
    if (action.action === 'rate') await answerReturnVisit(tx, id, resultOfRating(action.attitude, action.quality), now);
    if (action.action === 'reopen') await answerReturnVisit(tx, id, 'UNSATISFIED', now);
    await pushRepairEvent(deps, tx, repair, action.action, now);
    if (action.action === 'urgent') await pushUrgentAppeal(deps, tx, repair, now);
    if (action.action === 'propose')
      await pushAppointmentProposal(deps, tx, repair, new Date(action.appointmentAt), action.reason);
  });
  return getRepair(deps, userId, id, asStaff);
}

/**
 * The reporter answers a proposed appointment in the app (docs/domain.md §1, appointments): agreeing
 * makes it the appointment and, when later, the arrival deadline; declining leaves both as they were.
 * Only the repair's author answers; to anyone else the proposal does not exist (conventions rule 4).
 */
export async function answerAppointment(deps: Deps, userId: string, id: string, agree: boolean) {
  const repair = await deps.db.repairRequest.findUnique({ where: { id } });
  if (!repair || repair.reporterId !== userId) throw notFound('报修');
  const proposed = repair.proposedAppointmentAt;
  if (repair.status !== 'CONTACTED' || !proposed) throw new AppError('CONFLICT', '没有待确认的上门时间');
  const now = deps.clock.now();
  const clocks: Partial<ClockState> = agree
    ? { arriveDueAt: !repair.arriveDueAt || repair.arriveDueAt < proposed ? proposed : repair.arriveDueAt }
    : {};
  const nextDueAt = nextDueOf({ ...repair, ...clocks });
  await deps.db.$transaction(async (tx) => {
    const moved = await tx.repairRequest.updateMany({
      where: { id, status: 'CONTACTED', proposedAppointmentAt: proposed },
      data: {
        ...clocks,
        ...(agree ? { appointmentAt: proposed } : {}),
        proposedAppointmentAt: null,
        nextDueAt,
        updatedAt: now,
      },
    });
    if (moved.count === 0) throw new AppError('CONFLICT', '上门时间已有变化，请刷新后查看');
    await tx.repairEvent.create({
      data: {
        repairId: id,
        action: agree ? 'appointment-agreed' : 'appointment-declined',
        fromStatus: repair.status,
        toStatus: repair.status,
        actorId: userId,
        note: `住户在小程序中${agree ? '同意' : '不同意'}上门时间 ${beijingMinute(proposed)}`,
        data: { appointmentAt: proposed.toISOString() },
        at: now,
      },
    });
  });
  return getRepair(deps, userId, id);
}
