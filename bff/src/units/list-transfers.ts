import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { requireRole } from '../access/guards.js';
import { keyset, toPage } from '../http/params.js';
import { maskName, maskPhone } from '../privacy/mask.js';
import { TRANSFER_ROLES } from './record-transfer.js';

type Owner = { name: string; phone: string; relation: string };
const masked = (v: Prisma.JsonValue) =>
  (Array.isArray(v) ? (v as Owner[]) : []).map((o) => ({
    name: maskName(o.name),
    phone: maskPhone(o.phone),
    relation: o.relation,
  }));

/** The community's transfers, newest recorded first, in keyset pages with the total; people masked. */
export async function listTransfers(
  deps: Deps,
  userId: string,
  communityId: string,
  query: { cursor?: string; limit: number },
) {
  await requireRole(deps.db, userId, communityId, [...TRANSFER_ROLES]);
  const page = keyset('recordedAt', query.cursor, query.limit, 'desc');
  const where = { communityId };
  const [total, rows] = await Promise.all([
    deps.db.ownershipTransfer.count({ where }),
    deps.db.ownershipTransfer.findMany({ where: { ...where, ...page.where }, orderBy: page.orderBy, take: page.take }),
  ]);
  const { items, nextCursor } = toPage(rows, query.limit, (t) => t.recordedAt);
  const [units, people] = await Promise.all([
    deps.db.unit.findMany({
      where: { id: { in: items.map((t) => t.unitId) } },
      select: { id: true, number: true, building: { select: { name: true } } },
    }),
    deps.db.user.findMany({
      where: { id: { in: items.map((t) => t.recordedById) } },
      select: { id: true, name: true },
    }),
  ]);
  const unitOf = new Map(units.map((u) => [u.id, `${u.building.name} ${u.number}`]));
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  return {
    total,
    nextCursor,
    items: items.map((t) => ({
      id: t.id,
      unitId: t.unitId,
      unit: unitOf.get(t.unitId) ?? '',
      onDate: t.onDate,
      sellers: masked(t.sellers),
      buyers: masked(t.buyers),
      reason: t.reason,
      evidence: t.evidence,
      recordedBy: nameOf.get(t.recordedById) ?? null,
      recordedAt: t.recordedAt,
    })),
  };
}
