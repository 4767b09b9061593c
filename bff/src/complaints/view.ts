import type { Complaint, ComplaintEvent, Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { OFFICE_ROLES, staffRolesByCommunity } from '../access/scope.js';
import { maskName, maskPhone } from '../privacy/mask.js';
import { HELD_TEXT } from '../repairs/held-text.js';
import { viewUpload } from '../uploads/view.js';
import { COMPLAINT_CLOCK_LABEL, complaintDeadlines } from './clocks.js';
import type { ComplaintListQuery } from './schema.js';

export type ComplaintRole = 'resident' | 'office' | 'assignee';

/**
 * How the caller stands to a complaint; nobody → it "does not exist" (docs/conventions.md rule 4).
 * `staffSide` (the desk console's routes): only the caller's staff side counts, as at a desk for repairs.
 */
export async function findVisibleComplaint(deps: Deps, userId: string, id: string, staffSide = false) {
  const complaint = await deps.db.complaint.findUnique({ where: { id } });
  if (!complaint) throw notFound('投诉');
  const roles = new Set<ComplaintRole>();
  if (complaint.residentId === userId && !staffSide) roles.add('resident');
  if (complaint.assigneeId === userId) roles.add('assignee');
  const staff = (await staffRolesByCommunity(deps.db, userId)).get(complaint.communityId);
  if (staff?.roles.some((r) => OFFICE_ROLES.includes(r))) roles.add('office');
  if (roles.size === 0) throw notFound('投诉');
  return { complaint, roles };
}

export const maySeeComplaint = (deps: Deps, userId: string, id: string) =>
  findVisibleComplaint(deps, userId, id).then(
    () => true,
    () => false,
  );

/** The push's summary: kind and category only — the text may be held, and never names anyone. */
export const summaryOf = (c: Pick<Complaint, 'kind' | 'category'>) =>
  `${c.kind === 'COMPLAINT' ? '投诉' : '咨询'}：${c.category}`;

type Row = Complaint & {
  events: ComplaintEvent[];
  unit: { building: { name: string }; number: string } | null;
  resident: { name: string | null; phone: string | null } | null;
};

/**
 * A complaint as `roles` may see it. Staff never see who an anonymous complaint is from — name, phone or
 * unit (docs/domain.md §8); held text is shown only to its author and the office, which moderates it.
 * The resident sees the public progress notes only.
 */
export function complaintView(c: Row, roles: Set<ComplaintRole>, now: Date) {
  const isResident = roles.has('resident');
  const hidden = c.anonymous && !isResident;
  const seesHeld = isResident || roles.has('office');
  const text = c.textHeld && !seesHeld ? HELD_TEXT : c.text;
  const from = hidden
    ? { anonymous: true, name: '匿名住户', phone: null, unit: null }
    : {
        anonymous: c.anonymous,
        name: isResident ? (c.resident?.name ?? c.callerName) : maskName(c.resident?.name ?? c.callerName),
        phone: isResident ? (c.resident?.phone ?? c.callerPhone) : maskPhone(c.resident?.phone ?? c.callerPhone),
        unit: c.unit ? `${c.unit.building.name}${c.unit.number}` : null,
      };
  // The promises made, whichever escalation step the sweep has reached since.
  const deadlines = complaintDeadlines({ ...c, escalationStep: 0 }).map((d) => ({
    clock: d.clock,
    label: COMPLAINT_CLOCK_LABEL[d.clock],
    dueAt: d.dueAt.toISOString(),
    overdue: d.dueAt <= now,
  }));
  return {
    id: c.id,
    communityId: c.communityId,
    kind: c.kind,
    category: c.category,
    text,
    place: hidden && c.unitId ? null : (c.place ?? null),
    channel: c.channel,
    urgent: c.urgent,
    status: c.status,
    department: c.department,
    assigneeId: isResident ? null : c.assigneeId,
    rehandleCount: c.rehandleCount,
    escalationStep: isResident ? null : c.escalationStep,
    closure: c.closure,
    closureLabel: c.closure === 'AUTO' ? '自动办结（住户未答复）' : c.closure === 'SATISFIED' ? '住户满意' : null,
    from,
    filedAt: c.filedAt.toISOString(),
    doneAt: c.doneAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    autoCloseAt: c.status === 'DONE' ? (c.autoCloseAt?.toISOString() ?? null) : null,
    deadlines,
    events: c.events
      .filter((e) => e.public || !isResident || roles.size > 1)
      .map((e) => ({
        action: e.action,
        toStatus: e.toStatus,
        note: e.note,
        public: e.public,
        at: e.at.toISOString(),
        bySystem: !e.actorId,
      })),
  };
}

export const include = {
  events: { orderBy: { at: 'asc' } },
} satisfies Prisma.ComplaintInclude;

/** Complaint rows with their unit and resident, read separately: the models carry no relations to them. */
export async function withPeople(deps: Deps, rows: (Complaint & { events: ComplaintEvent[] })[]): Promise<Row[]> {
  const [units, users] = await Promise.all([
    deps.db.unit.findMany({
      where: { id: { in: rows.flatMap((r) => (r.unitId ? [r.unitId] : [])) } },
      select: { id: true, number: true, building: { select: { name: true } } },
    }),
    deps.db.user.findMany({
      where: { id: { in: rows.flatMap((r) => (r.residentId ? [r.residentId] : [])) } },
      select: { id: true, name: true, phone: true },
    }),
  ]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const userById = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => ({
    ...r,
    unit: r.unitId ? (unitById.get(r.unitId) ?? null) : null,
    resident: r.residentId ? (userById.get(r.residentId) ?? null) : null,
  }));
}

/** One complaint with the photos filed with it (signed links; whoever may see the complaint may see them). */
export async function getComplaint(deps: Deps, userId: string, id: string, staffSide = false) {
  const { roles } = await findVisibleComplaint(deps, userId, id, staffSide);
  const [row, uploads] = await Promise.all([
    deps.db.complaint.findUniqueOrThrow({ where: { id }, include }),
    deps.db.upload.findMany({ where: { claimKind: 'complaint', claimId: id }, orderBy: { createdAt: 'asc' } }),
  ]);
  const [full] = await withPeople(deps, [row]);
  return {
    ...complaintView(full!, roles, deps.clock.now()),
    photos: await Promise.all(uploads.map((u) => viewUpload(deps, u))),
  };
}

export async function listMyComplaints(deps: Deps, userId: string, q: ComplaintListQuery) {
  const rows = await deps.db.complaint.findMany({
    where: { residentId: userId, ...(q.status ? { status: q.status } : {}) },
    orderBy: { filedAt: 'desc' },
    take: q.limit,
    include,
  });
  const now = deps.clock.now();
  return { items: (await withPeople(deps, rows)).map((r) => complaintView(r, new Set(['resident']), now)) };
}
