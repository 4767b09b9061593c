import type { ComplaintStatus, Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { loadClocks } from '../repairs/sla.js';
import { ESCALATION_STAFF_ROLES, staffWithRoles } from '../repairs/staff-roles.js';
import { contactDue, loadComplaintSla, nextComplaintDue } from './clocks.js';
import { findVisibleComplaint, getComplaint, type ComplaintRole } from './view.js';
import type { ComplaintAction } from './schema.js';
import { pushComplaintStep } from './pushes.js';

type Rule = { from: ComplaintStatus[]; who: ComplaintRole[] };

/**
 * Who may do what, from which state (docs/domain.md §8): customer service (the office) triages; the
 * department's person (or the office) contacts, writes progress and says done; the resident's answer —
 * in the app, or taken by customer service — closes it or sends it back.
 */
export const RULES: Record<ComplaintAction['action'], Rule> = {
  triage: { from: ['SUBMITTED'], who: ['office'] },
  contact: { from: ['TRIAGED'], who: ['assignee', 'office'] },
  note: { from: ['TRIAGED', 'IN_PROGRESS'], who: ['assignee', 'office'] },
  done: { from: ['IN_PROGRESS'], who: ['assignee', 'office'] },
  confirm: { from: ['DONE'], who: ['resident', 'office'] },
};

type Effect = {
  to: ComplaintStatus;
  data: Prisma.ComplaintUncheckedUpdateManyInput;
  note: string | null;
  public: boolean;
};

async function effect(
  deps: Deps,
  userId: string,
  c: Awaited<ReturnType<typeof findVisibleComplaint>>,
  a: ComplaintAction,
  now: Date,
): Promise<Effect> {
  const { complaint, roles } = c;
  const clocks = async (urgent: boolean) => {
    const { sla: hours, calendar } = await loadClocks(deps.db, complaint.communityId);
    return contactDue({ sla: await loadComplaintSla(deps.db, complaint.communityId), calendar, hours }, urgent, now);
  };
  switch (a.action) {
    case 'triage': {
      // The person named must be the community's own staff; anyone else reads as not found (rule 4).
      if (!(await staffWithRoles(deps.db, complaint.communityId, ESCALATION_STAFF_ROLES)).includes(a.assigneeId))
        throw notFound('工作人员');
      const urgent = a.urgent ?? complaint.urgent;
      const data = { department: a.department, assigneeId: a.assigneeId, urgent, triagedAt: now, escalateDueAt: null };
      Object.assign(data, a.kind ? { kind: a.kind } : {}, a.category ? { category: a.category } : {});
      return {
        to: 'TRIAGED',
        data: { ...data, contactDueAt: await clocks(urgent) },
        note: `已分派至${a.department}`,
        public: true,
      };
    }
    case 'contact':
      return { to: 'IN_PROGRESS', data: { contactedAt: now }, note: a.note, public: true };
    case 'note':
      return { to: complaint.status, data: {}, note: a.note, public: a.public };
    case 'done': {
      const sla = await loadComplaintSla(deps.db, complaint.communityId);
      const autoCloseAt = new Date(now.getTime() + sla.autoCloseDays * 86_400_000);
      return { to: 'DONE', data: { doneAt: now, autoCloseAt }, note: a.note, public: true };
    }
    case 'confirm': {
      // In the app the resident answers yes or no, with a reason from our list when not satisfied; free
      // words are taken by customer service on the phone.
      if (a.note && !roles.has('office')) throw new AppError('VALIDATION_FAILED', '请直接选择满意或不满意');
      const why = a.reason ? `（${a.reason}）` : '';
      if (a.satisfied)
        return {
          to: 'CLOSED',
          data: { closure: 'SATISFIED', closedAt: now, autoCloseAt: null },
          note: a.note ?? '住户满意，已办结',
          public: true,
        };
      // Not satisfied: back to the department, counted as a re-handling, its contact clock started again.
      return {
        to: 'TRIAGED',
        data: {
          rehandleCount: { increment: 1 },
          contactedAt: null,
          doneAt: null,
          autoCloseAt: null,
          contactDueAt: await clocks(complaint.urgent),
        },
        note: a.note ?? `住户不满意${why}，退回部门重新处理`,
        public: true,
      };
    }
  }
}

/**
 * One step: the caller's role and the state checked, then a conditional write on the state read (two
 * answers at once: one wins, the other is told), and one history row.
 */
export async function actOnComplaint(
  deps: Deps,
  userId: string,
  id: string,
  action: ComplaintAction,
  staffSide = false,
) {
  const found = await findVisibleComplaint(deps, userId, id, staffSide);
  const { complaint, roles } = found;
  const rule = RULES[action.action];
  if (!rule.who.some((r) => roles.has(r))) throw forbidden('您不能对这条投诉执行此操作');
  if (!rule.from.includes(complaint.status))
    throw new AppError('CONFLICT', '投诉当前的状态不能执行此操作，请刷新后查看');
  const now = deps.clock.now();
  const { to, data, note, public: isPublic } = await effect(deps, userId, found, action, now);
  const after = { ...complaint, ...data, status: to, escalationStep: complaint.escalationStep } as Parameters<
    typeof nextComplaintDue
  >[0];
  await deps.db.$transaction(async (tx) => {
    const moved = await tx.complaint.updateMany({
      where: { id, status: complaint.status, rehandleCount: complaint.rehandleCount },
      data: { ...data, status: to, nextDueAt: nextComplaintDue(after), updatedAt: now },
    });
    if (moved.count === 0) throw new AppError('CONFLICT', '投诉已被他人处理，请刷新后查看');
    await tx.complaintEvent.create({
      data: {
        complaintId: id,
        action: action.action,
        fromStatus: complaint.status,
        toStatus: to,
        actorId: userId,
        note,
        public: isPublic,
        at: now,
      },
    });
    const autoCloseAt = 'autoCloseAt' in data ? (data.autoCloseAt as Date | null) : null;
    // The complaint as the step leaves it: a triage may change its kind and category.
    const kind = typeof data.kind === 'string' ? data.kind : complaint.kind;
    const category = typeof data.category === 'string' ? data.category : complaint.category;
    await pushComplaintStep(
      deps,
      tx,
      { ...complaint, kind, category },
      { action: action.action, actorId: userId, to, note, public: isPublic, at: now },
      autoCloseAt,
    );
  });
  return getComplaint(deps, userId, id, staffSide);
}
