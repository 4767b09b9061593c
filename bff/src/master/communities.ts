import type { z } from 'zod';
import type { Deps } from '../deps.js';
import { AppError, forbidden, isUniqueViolation, notFound } from '../errors.js';
import { hasStaffRole, staffRolesByCommunity } from '../access/scope.js';
import { isCompanyAdmin } from '../roles/authority.js';
import { communityRetired } from './access.js';
import { diff, writeMasterAudit } from './audit.js';
import type { ZCreateCommunity, ZEditCommunity } from './schema.js';

const nameTaken = () => new AppError('MASTER_DUPLICATE', '公司里已有同名小区');
const SELECT = {
  id: true,
  companyId: true,
  name: true,
  address: true,
  district: true,
  totalBuildingArea: true,
  retiredAt: true,
  company: { select: { name: true } },
} as const;
type Row = {
  id: string;
  companyId: string;
  name: string;
  address: string;
  district: string | null;
  totalBuildingArea: { toFixed(n: number): string } | null;
  retiredAt: Date | null;
  company: { name: string };
};

const shape = (c: Row, admin: boolean) => ({
  id: c.id,
  companyId: c.companyId,
  companyName: c.company.name,
  name: c.name,
  address: c.address,
  district: c.district,
  totalBuildingArea: c.totalBuildingArea?.toFixed(2) ?? null,
  retiredAt: c.retiredAt?.toISOString() ?? null,
  /** Only a company admin edits the community itself; its manager edits what is in it. Nobody a retired one. */
  editable: admin && !c.retiredAt,
});

/**
 * The communities whose master data the caller edits (manager or company admin), and the companies in
 * which they may add one (company admin only). Not paged: a company has tens of communities.
 */
export async function listMasterCommunities(deps: Deps, userId: string) {
  const roles = [...(await staffRolesByCommunity(deps.db, userId)).values()].filter((r) =>
    r.roles.some((x) => x === 'MANAGER' || x === 'COMPANY_ADMIN'),
  );
  const rows = await deps.db.community.findMany({
    where: { id: { in: roles.map((r) => r.communityId) } },
    select: SELECT,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  const adminOf = await deps.db.staffRole.findMany({
    where: { userId, communityId: null, role: 'COMPANY_ADMIN' },
    select: { company: { select: { id: true, name: true } } },
  });
  const admin = new Set(adminOf.map((a) => a.company.id));
  return {
    items: rows.map((c) => shape(c, admin.has(c.companyId))),
    companies: adminOf.map((a) => a.company),
  };
}

export async function createCommunity(deps: Deps, userId: string, input: z.infer<typeof ZCreateCommunity>) {
  if (!(await isCompanyAdmin(deps.db, userId, input.companyId))) {
    const staff = await deps.db.staffRole.count({ where: { userId, companyId: input.companyId } });
    throw staff > 0 ? forbidden('只有公司管理员可以新建小区') : notFound('公司');
  }
  const at = deps.clock.now();
  try {
    return await deps.db.$transaction(async (tx) => {
      const c = await tx.community.create({ data: input, select: SELECT });
      const who = { companyId: c.companyId, communityId: c.id, actorId: userId, at };
      const { companyId: _, ...after } = input;
      await writeMasterAudit(tx, who, { kind: 'COMMUNITY_ADD', subjectId: c.id, after, reason: '新建小区' });
      return shape(c, true);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? nameTaken() : err;
  }
}

/** The community, for its company's admin; its manager is told it is not theirs to change, anyone else finds nothing. */
async function adminsCommunity(deps: Deps, userId: string, id: string, refusal: string) {
  const c = await deps.db.community.findUnique({ where: { id }, select: SELECT });
  if (!c) throw notFound('小区');
  if (!(await isCompanyAdmin(deps.db, userId, c.companyId))) {
    const manager = await hasStaffRole(deps.db, userId, id, ['MANAGER']);
    throw manager ? forbidden(refusal) : notFound('小区');
  }
  if (c.retiredAt) throw communityRetired();
  return c;
}

/** A company admin edits the community itself; its manager sees it but is told it is not theirs to change. */
export async function editCommunity(deps: Deps, userId: string, id: string, input: z.infer<typeof ZEditCommunity>) {
  const c = await adminsCommunity(deps, userId, id, '只有公司管理员可以修改小区信息');
  const { reason, ...fields } = input;
  const { before, after, changed } = diff(c, fields);
  if (changed.length === 0) return shape(c, true);
  if (changed.includes('totalBuildingArea') && !reason)
    throw new AppError('VALIDATION_FAILED', '修改面积须填写变更原因', [{ path: 'reason', message: '请填写变更原因' }]);
  const who = { companyId: c.companyId, communityId: id, actorId: userId, at: deps.clock.now() };
  try {
    return await deps.db.$transaction(async (tx) => {
      // Conditional: a community retired meanwhile is not edited.
      const n = await tx.community.updateMany({ where: { id, retiredAt: null }, data: after });
      if (n.count === 0) throw communityRetired();
      const updated = await tx.community.findUniqueOrThrow({ where: { id }, select: SELECT });
      await writeMasterAudit(tx, who, {
        kind: 'COMMUNITY_CHANGE',
        subjectId: id,
        before,
        after,
        reason: reason ?? '修改小区',
      });
      return shape(updated, true);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? nameTaken() : err;
  }
}

/** Elections under way: published (notice period), open for ballots, or closed and not yet tallied. */
const UNDER_WAY = ['PUBLISHED', 'OPEN', 'CLOSED'] as const;

/**
 * A community leaving the company is retired, never deleted (docs/master-data.md, Retiring a community):
 * only by an admin of its company, with a reason, audited, and only once nothing is left open in it —
 * no unpaid bill (settle or waive them first) and no election under way. The billing runs' lock is taken
 * first, so a run either commits its bills before (and they are counted) or starts after and finds the
 * community retired.
 */
export async function retireCommunity(deps: Deps, userId: string, id: string, reason: string) {
  const c = await adminsCommunity(deps, userId, id, '只有公司管理员可以停用小区');
  const who = { companyId: c.companyId, communityId: id, actorId: userId, at: deps.clock.now() };
  return deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`billing:${id}`}, 0))`;
    await tx.$executeRaw`SELECT 1 FROM "Community" WHERE id = ${id}::uuid FOR UPDATE`;
    const [unpaid, elections] = await Promise.all([
      tx.bill.count({ where: { communityId: id, state: { in: ['UNPAID', 'PAYING'] } } }),
      tx.election.count({ where: { communityId: id, state: { in: [...UNDER_WAY] } } }),
    ]);
    if (unpaid > 0) throw new AppError('MASTER_IN_USE', `小区还有 ${unpaid} 笔未缴账单，请先收齐或减免后再停用`);
    if (elections > 0)
      throw new AppError('MASTER_IN_USE', `小区还有 ${elections} 项进行中的表决，请在计票结束后再停用`);
    const n = await tx.community.updateMany({ where: { id, retiredAt: null }, data: { retiredAt: who.at } });
    if (n.count === 0) throw communityRetired();
    await writeMasterAudit(tx, who, { kind: 'COMMUNITY_RETIRE', subjectId: id, after: { retiredAt: who.at }, reason });
    return shape(await tx.community.findUniqueOrThrow({ where: { id }, select: SELECT }), true);
  });
}
