import type { Prisma } from '@prisma/client';
import type { z } from 'zod';
import type { Deps } from '../deps.js';
import { AppError, isUniqueViolation, notFound } from '../errors.js';
import { editorAt, retiredAlready, stateWhere, textKeyset, textPage } from './access.js';
import { diff, writeMasterAudit } from './audit.js';
import type { ZCreateParking, ZEditParking, ZParkingListQuery } from './schema.js';

const numberTaken = () => new AppError('MASTER_DUPLICATE', '本小区已有这个车位号');
const SELECT = {
  id: true,
  communityId: true,
  number: true,
  kind: true,
  area: true,
  unitId: true,
  unit: { select: { number: true, building: { select: { name: true } } } },
  retiredAt: true,
} as const;
type Row = Prisma.ParkingSpaceGetPayload<{ select: typeof SELECT }>;

const shape = (p: Row) => ({
  id: p.id,
  number: p.number,
  kind: p.kind,
  area: p.area?.toFixed(2) ?? null,
  unitId: p.unitId,
  unit: p.unit ? `${p.unit.building.name} ${p.unit.number}` : null,
  retiredAt: p.retiredAt?.toISOString() ?? null,
});

export async function listParking(deps: Deps, userId: string, q: z.infer<typeof ZParkingListQuery>) {
  await editorAt(deps.db, userId, q.communityId, '小区', deps.clock.now(), false);
  const where = { communityId: q.communityId, ...stateWhere(q.state) };
  const page = textKeyset('number', q.cursor, q.limit);
  const [rows, total] = await Promise.all([
    deps.db.parkingSpace.findMany({ ...page, where: { ...where, ...page.where }, select: SELECT }),
    deps.db.parkingSpace.count({ where }),
  ]);
  const { items, nextCursor } = textPage(rows, q.limit, (p) => p.number);
  return { items: items.map(shape), nextCursor, total };
}

/** The owner's or renter's unit: one of this community's units in use (another community's is "not found"). */
async function requireUnit(tx: Prisma.TransactionClient, unitId: string | null | undefined, communityId: string) {
  if (!unitId) return;
  const unit = await tx.unit.findFirst({ where: { id: unitId, communityId }, select: { retiredAt: true } });
  if (!unit) throw notFound('房屋');
  if (unit.retiredAt) throw retiredAlready('房屋');
}

export async function createParking(deps: Deps, userId: string, input: z.infer<typeof ZCreateParking>) {
  const who = await editorAt(deps.db, userId, input.communityId, '小区', deps.clock.now());
  try {
    return await deps.db.$transaction(async (tx) => {
      await requireUnit(tx, input.unitId, who.communityId);
      const p = await tx.parkingSpace.create({ data: input, select: SELECT });
      await writeMasterAudit(tx, who, { kind: 'PARKING_ADD', subjectId: p.id, after: shape(p), reason: '新建车位' });
      return shape(p);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? numberTaken() : err;
  }
}

async function editable(deps: Deps, userId: string, id: string) {
  const p = await deps.db.parkingSpace.findUnique({ where: { id }, select: SELECT });
  if (!p) throw notFound('车位');
  const who = await editorAt(deps.db, userId, p.communityId, '车位', deps.clock.now());
  if (p.retiredAt) throw retiredAlready('车位');
  return { p, who };
}

/** Its number, kind, area, owner or renter: one PARKING_CHANGE event; an area changed needs a reason. */
export async function editParking(deps: Deps, userId: string, id: string, input: z.infer<typeof ZEditParking>) {
  const { p, who } = await editable(deps, userId, id);
  const { reason, ...fields } = input;
  const { before, after, changed } = diff(p, fields);
  if (changed.length === 0) return shape(p);
  if (changed.includes('area') && !reason)
    throw new AppError('VALIDATION_FAILED', '修改面积须填写变更原因', [{ path: 'reason', message: '请填写变更原因' }]);
  const data = Object.fromEntries(changed.map((f) => [f, (fields as Record<string, unknown>)[f]]));
  try {
    return await deps.db.$transaction(async (tx) => {
      if (changed.includes('unitId')) await requireUnit(tx, fields.unitId, who.communityId);
      const n = await tx.parkingSpace.updateMany({
        where: { id, retiredAt: null, area: p.area, unitId: p.unitId, kind: p.kind },
        data,
      });
      if (n.count === 0) throw new AppError('CONFLICT', '车位刚刚被修改或停用，请刷新后再试');
      await writeMasterAudit(tx, who, {
        kind: 'PARKING_CHANGE',
        subjectId: id,
        before,
        after,
        reason: reason ?? '修改车位',
      });
      return shape(await tx.parkingSpace.findUniqueOrThrow({ where: { id }, select: SELECT }));
    });
  } catch (err) {
    throw isUniqueViolation(err) ? numberTaken() : err;
  }
}

/** Retired, never deleted: out of billing from then on; its bills stay. */
export async function retireParking(deps: Deps, userId: string, id: string, reason: string) {
  const { who } = await editable(deps, userId, id);
  return deps.db.$transaction(async (tx) => {
    const n = await tx.parkingSpace.updateMany({ where: { id, retiredAt: null }, data: { retiredAt: who.at } });
    if (n.count === 0) throw retiredAlready('车位');
    await writeMasterAudit(tx, who, {
      kind: 'PARKING_RETIRE',
      subjectId: id,
      after: { retiredAt: who.at.toISOString() },
      reason,
    });
    return shape(await tx.parkingSpace.findUniqueOrThrow({ where: { id }, select: SELECT }));
  });
}
