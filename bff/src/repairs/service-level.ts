import type { Prisma, RepairClock } from '@prisma/client';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { OFFICE_ROLES, hasStaffRole } from '../access/scope.js';
import { requireRole } from '../access/guards.js';
import { isResidentOf } from '../units/resident-cache.js';
import { loadCalendar } from '../calendar/work-calendar.js';
import { CLOCK_LABEL, loadSla, runningDeadlines, urgentDueAt } from './sla.js';
import { repairClockTallies, type Tally } from './clock-tally.js';

export const SERVICE_WINDOW_DAYS = 30;

const share = (t: Tally) => ({
  ...t,
  rate: t.onTime + t.late === 0 ? null : Math.round((1000 * t.onTime) / (t.onTime + t.late)) / 10,
});

/**
 * A community's service level over the last 30 days, for its residents: of the repairs filed, the
 * share accepted, contacted and arrived on time. A step counts once its clock has settled: done (on
 * time or late), or missed and recorded as a breach by the sweep. What the promise is goes with it.
 */
export async function serviceLevel(deps: Deps, userId: string, communityId: string) {
  const mayRead =
    (await isResidentOf(deps, userId, communityId)) || (await hasStaffRole(deps.db, userId, communityId, OFFICE_ROLES));
  if (!mayRead) throw notFound('小区');
  const now = deps.clock.now();
  const since = new Date(now.getTime() - SERVICE_WINDOW_DAYS * 86_400_000);
  const tally = (await repairClockTallies(deps.db, [communityId], since)).get(communityId)!;
  const inWindow = { communityId, createdAt: { gte: since } };
  const [sla, snapshotsFiled, snapshotsHandled, snapshotsAutoClosed] = await Promise.all([
    loadSla(deps.db, communityId),
    deps.db.snapshot.count({ where: inWindow }),
    deps.db.snapshot.count({ where: { ...inWindow, handledAt: { not: null } } }),
    deps.db.snapshot.count({ where: { ...inWindow, status: 'AUTO_CLOSED' } }),
  ]);
  return {
    days: SERVICE_WINDOW_DAYS,
    filed: tally.filed,
    accepted: share(tally.accepted),
    contacted: share(tally.contacted),
    arrived: share(tally.arrived),
    // 随手拍 closed by the clock because nobody acted count against the community (docs/domain.md §2).
    snapshots: { filed: snapshotsFiled, handled: snapshotsHandled, autoClosed: snapshotsAutoClosed },
    promise: {
      acceptMinutes: sla.acceptMinutes,
      emergencyContactMinutes: sla.emergencyContactMinutes,
      emergencyArriveMinutes: sla.emergencyArriveMinutes,
      routineContactMinutes: sla.routineContactMinutes,
      routineArriveMinutes: sla.routineArriveMinutes,
      feedbackDays: sla.feedbackDays,
      workStart: sla.workStart,
      workEnd: sla.workEnd,
    },
  };
}

const OPEN = ['SUBMITTED', 'ACCEPTED', 'ASSIGNED', 'CONTACTED', 'ARRIVED'] as const;

/**
 * The overdue board of a community: open repairs with a deadline passed and not met, and every open
 * urgent appeal (加急) from the moment it is raised, with its same-day deadline (docs/domain.md §1);
 * urgent ones first, then the most overdue, with which clocks are late and how far the escalation has
 * climbed.
 */
export async function overdueBoard(deps: Deps, staffId: string, communityId: string) {
  await requireRole(deps.db, staffId, communityId, OFFICE_ROLES);
  const now = deps.clock.now();
  const late: Prisma.RepairRequestWhereInput[] = [
    { status: 'SUBMITTED', acceptDueAt: { lte: now } },
    { status: { in: ['ACCEPTED', 'ASSIGNED'] }, contactedAt: null, contactDueAt: { lte: now } },
    { status: { in: ['ACCEPTED', 'ASSIGNED', 'CONTACTED'] }, arrivedAt: null, arriveDueAt: { lte: now } },
    { status: { in: [...OPEN] }, resolvedAt: null, feedbackDueAt: { lte: now } },
    { urgentAt: { not: null } },
  ];
  const rows = await deps.db.repairRequest.findMany({
    where: { communityId, status: { in: [...OPEN] }, OR: late },
    include: {
      unit: { select: { number: true, building: { select: { name: true } } } },
      assignee: { select: { name: true } },
      events: { where: { action: 'urgent' }, select: { note: true }, take: 1 },
    },
    take: 500,
  });
  const items = rows
    .map((r) => {
      // An unaccepted repair is late from its first deadline, whichever escalation step it is at.
      const overdue = runningDeadlines(r)
        .map((d) => (d.clock === 'ACCEPT' ? { ...d, dueAt: r.acceptDueAt } : d))
        .filter((d) => d.dueAt <= now)
        .map((d): { clock: RepairClock | 'URGENT'; label: string; dueAt: Date; lateMinutes: number } => ({
          clock: d.clock,
          label: CLOCK_LABEL[d.clock],
          dueAt: d.dueAt,
          lateMinutes: Math.floor((now.getTime() - d.dueAt.getTime()) / 60_000),
        }));
      const urgent = r.urgentAt && {
        at: r.urgentAt,
        dueAt: urgentDueAt(r.urgentAt),
        reason: r.events[0]?.note ?? null,
      };
      if (urgent && urgent.dueAt <= now)
        overdue.unshift({
          clock: 'URGENT',
          label: '加急反馈',
          dueAt: urgent.dueAt,
          lateMinutes: Math.floor((now.getTime() - urgent.dueAt.getTime()) / 60_000),
        });
      return {
        id: r.id,
        number: r.number,
        status: r.status,
        emergency: r.emergency,
        place: r.unit ? `${r.unit.building.name} ${r.unit.number}室` : (r.commonArea ?? ''),
        summary: `${r.part}：${r.phenomenon}`,
        assignee: r.assignee?.name ?? null,
        escalationStep: r.escalationStep,
        urgent: urgent || null,
        overdue,
      };
    })
    .filter((r) => r.urgent || r.overdue.length > 0)
    .sort(
      (a, b) =>
        Number(Boolean(b.urgent)) - Number(Boolean(a.urgent)) ||
        (b.overdue[0]?.lateMinutes ?? -1) - (a.overdue[0]?.lateMinutes ?? -1),
    );
  const community = await deps.db.community.findUniqueOrThrow({
    where: { id: communityId },
    select: { companyId: true },
  });
  // The calendar's run-out warning shows here too, where the office looks each day (docs/domain.md §1).
  const calendarWarning = (await loadCalendar(deps.db, community.companyId)).runOutWarning(now);
  return { total: items.length, items, calendarWarning };
}
