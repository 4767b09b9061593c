import type { Prisma, StaffRoleKind } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { maskPhone } from '../privacy/mask.js';
import { ROLE_NAMES } from '../invitations/invitations.js';
import { authorityAt, MANAGER_GRANTS, STAFF_ROLES, type Authority } from './authority.js';
import { writeAudit } from './audit-write.js';
import { endDeskSessionsWithoutRole } from './end-access.js';

/** A company's staff fits one screen: bounded, not paged (docs/roles.md). */
const PEOPLE_MAX = 2000;

/**
 * Where the caller may manage people: each company they administer (and its communities), and each
 * community they manage. The console's place picker.
 */
export async function placesOf(deps: Deps, userId: string) {
  const rows = await deps.db.staffRole.findMany({
    where: { userId, role: { in: ['COMPANY_ADMIN', 'MANAGER'] } },
    select: {
      role: true,
      communityId: true,
      company: { select: { id: true, name: true, communities: { select: { id: true, name: true } } } },
    },
  });
  const places = new Map<
    string,
    { companyId: string; companyName: string; communityId: string | null; name: string; admin: boolean }
  >();
  const add = (p: {
    companyId: string;
    companyName: string;
    communityId: string | null;
    name: string;
    admin: boolean;
  }) => {
    const key = p.communityId ?? `company:${p.companyId}`;
    if (!places.get(key)?.admin) places.set(key, p);
  };
  for (const r of rows) {
    const c = r.company;
    const admin = r.role === 'COMPANY_ADMIN';
    if (admin && r.communityId === null)
      add({ companyId: c.id, companyName: c.name, communityId: null, name: c.name, admin });
    const communities = r.communityId ? c.communities.filter((x) => x.id === r.communityId) : c.communities;
    for (const x of communities) add({ companyId: c.id, companyName: c.name, communityId: x.id, name: x.name, admin });
  }
  return {
    items: [...places.values()].sort(
      (a, b) =>
        a.companyName.localeCompare(b.companyName, 'zh-CN') ||
        Number(a.communityId !== null) - Number(b.communityId !== null) ||
        a.name.localeCompare(b.name, 'zh-CN'),
    ),
  };
}

/** Whether this authority may take away a role row (a company admin: any in the company; a manager: MANAGER_GRANTS of theirs). */
function mayRemove(a: Authority, row: { communityId: string | null; role: StaffRoleKind }) {
  if (a.communityId === null) return a.admin;
  return row.communityId === a.communityId && (a.admin || MANAGER_GRANTS.includes(row.role));
}

/** The people holding staff roles at a place: a community's, or (company admins) the whole company's. */
export async function listPeople(deps: Deps, userId: string, q: { communityId?: string; companyId?: string }) {
  const a = await authorityAt(
    deps.db,
    userId,
    q.communityId ? { communityId: q.communityId } : { companyId: q.companyId! },
  );
  const where: Prisma.StaffRoleWhereInput = {
    companyId: a.companyId,
    role: { in: [...STAFF_ROLES] },
    ...(a.communityId ? { communityId: a.communityId } : {}),
  };
  const rows = await deps.db.staffRole.findMany({
    where,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: PEOPLE_MAX,
    select: {
      id: true,
      role: true,
      communityId: true,
      createdAt: true,
      community: { select: { name: true } },
      user: { select: { id: true, name: true, phone: true } },
    },
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      userId: r.user.id,
      name: r.user.name ?? '未填写姓名',
      phone: maskPhone(r.user.phone),
      role: r.role,
      roleName: ROLE_NAMES[r.role],
      communityId: r.communityId,
      communityName: r.community?.name ?? null,
      since: r.createdAt.toISOString(),
      removable: r.user.id !== userId && mayRemove(a, r),
    })),
  };
}

/**
 * Takes a role away at once (docs/roles.md, Removing a role). Roles are read from PostgreSQL on every
 * request (access/scope.ts), never kept in a session, so the next request of the person on any API
 * instance is refused. Nobody removes their own role, and a company keeps at least one admin: the
 * company's admin rows are locked while one of them is removed, so two admins removing each other at
 * once cannot both succeed. A person left without any staff role loses their desk sessions too.
 */
export async function removeRole(deps: Deps, userId: string, roleId: string, reason: string | undefined) {
  const row = await deps.db.staffRole.findUnique({
    where: { id: roleId },
    select: {
      id: true,
      userId: true,
      companyId: true,
      communityId: true,
      role: true,
      canRevealPii: true,
      createdAt: true,
    },
  });
  if (!row || !(STAFF_ROLES as readonly StaffRoleKind[]).includes(row.role)) throw notFound('角色');
  let a: Authority;
  try {
    a = await authorityAt(
      deps.db,
      userId,
      row.communityId ? { communityId: row.communityId } : { companyId: row.companyId },
    );
  } catch (err) {
    if (err instanceof AppError) throw notFound('角色');
    throw err;
  }
  if (!mayRemove(a, row)) throw notFound('角色');
  if (row.userId === userId) throw new AppError('OWN_ROLE', '不能移除自己的角色，请由其他管理员操作');
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const admins = await tx.$queryRaw<{ userId: string }[]>`
      SELECT "userId" FROM "StaffRole"
       WHERE "companyId" = ${row.companyId}::uuid AND "communityId" IS NULL AND role = 'COMPANY_ADMIN'
       ORDER BY id FOR UPDATE`;
    // The remover's own admin row may have gone meanwhile (two admins removing each other).
    if (a.communityId === null && !admins.some((x) => x.userId === userId)) throw notFound('角色');
    if (row.role === 'COMPANY_ADMIN' && row.communityId === null && admins.length <= 1)
      throw new AppError('LAST_ADMIN', '公司至少需要保留一位管理员');
    const gone = await tx.staffRole.deleteMany({ where: { id: row.id } });
    if (gone.count === 0) throw notFound('角色');
    await writeAudit(tx, {
      companyId: row.companyId,
      communityId: row.communityId,
      actorId: userId,
      kind: 'ROLE_REMOVED',
      subjectId: row.userId,
      before: { role: row.role, canRevealPii: row.canRevealPii, since: row.createdAt.toISOString() },
      reason: reason ?? '移除角色',
      at: now,
    });
  });
  const deskEnded = await endDeskSessionsWithoutRole(deps, row.userId);
  deps.logger.info({ userId, removed: row.userId, role: row.role, deskEnded }, 'staff role removed');
  return { id: row.id, removed: true, deskSessionsEnded: deskEnded };
}
