import { Prisma } from '@prisma/client';
import type { z } from 'zod';
import { beijingDay, dayStart } from '../beijing.js';
import type { Deps } from '../deps.js';
import { AppError, isUniqueViolation, notFound } from '../errors.js';
import { editorAt, retiredAlready, stateWhere, textKeyset, textPage } from './access.js';
import { diff, writeMasterAudit, type Who } from './audit.js';
import type { ZCreateUnit, ZEditUnit, ZUnitListQuery } from './schema.js';

const numberTaken = () => new AppError('MASTER_DUPLICATE', '这栋楼已有这个房号');
const SELECT = {
  id: true,
  communityId: true,
  buildingId: true,
  building: { select: { name: true } },
  number: true,
  floor: true,
  buildingArea: true,
  exclusiveArea: true,
  areaSource: true,
  deliveredAt: true,
  developerHeld: true,
  retiredAt: true,
} as const;
type Row = Prisma.UnitGetPayload<{ select: typeof SELECT }>;
/** What decides a vote's and a fee's weight (docs/master-data.md): changing any of them needs a reason. */
const AREA_FIELDS = ['buildingArea', 'exclusiveArea', 'areaSource'];

/** Areas leave as exact decimal text, never as numbers. */
const shape = (u: Row) => ({
  id: u.id,
  buildingId: u.buildingId,
  building: u.building.name,
  number: u.number,
  floor: u.floor,
  buildingArea: u.buildingArea.toFixed(2),
  exclusiveArea: u.exclusiveArea.toFixed(2),
  areaSource: u.areaSource,
  deliveredAt: u.deliveredAt ? beijingDay(u.deliveredAt) : null,
  developerHeld: u.developerHeld,
  retiredAt: u.retiredAt?.toISOString() ?? null,
});

/** A delivery day is the start of that day in Beijing, as the import stores it (import/plan.ts). */
const day = (d: string | null | undefined) => (d === undefined ? undefined : d === null ? null : dayStart(d));

export async function listUnits(deps: Deps, userId: string, q: z.infer<typeof ZUnitListQuery>) {
  await editorAt(deps.db, userId, q.communityId, '小区', deps.clock.now(), false);
  const where = {
    communityId: q.communityId,
    ...(q.buildingId ? { buildingId: q.buildingId } : {}),
    ...stateWhere(q.state),
  };
  const page = textKeyset('number', q.cursor, q.limit);
  const [rows, total] = await Promise.all([
    deps.db.unit.findMany({ ...page, where: { ...where, ...page.where }, select: SELECT }),
    deps.db.unit.count({ where }),
  ]);
  const { items, nextCursor } = textPage(rows, q.limit, (u) => u.number);
  return { items: items.map(shape), nextCursor, total };
}

/** The building, in the caller's community and in use, held FOR SHARE so it cannot be retired under the new unit. */
async function openBuilding(tx: Prisma.TransactionClient, buildingId: string, communityId: string) {
  const rows = await tx.$queryRaw<{ retiredAt: Date | null }[]>`
    SELECT "retiredAt" FROM "Building" WHERE id = ${buildingId}::uuid AND "communityId" = ${communityId}::uuid FOR SHARE`;
  if (rows.length === 0) throw notFound('楼栋');
  if (rows[0]!.retiredAt) throw retiredAlready('楼栋');
}

export async function createUnit(deps: Deps, userId: string, input: z.infer<typeof ZCreateUnit>) {
  const building = await deps.db.building.findUnique({
    where: { id: input.buildingId },
    select: { communityId: true },
  });
  if (!building) throw notFound('楼栋');
  const who = await editorAt(deps.db, userId, building.communityId, '楼栋', deps.clock.now());
  try {
    return await deps.db.$transaction(async (tx) => {
      await openBuilding(tx, input.buildingId, who.communityId);
      const u = await tx.unit.create({
        data: { ...input, communityId: who.communityId, deliveredAt: day(input.deliveredAt) },
        select: SELECT,
      });
      await writeMasterAudit(tx, who, { kind: 'UNIT_ADD', subjectId: u.id, after: shape(u), reason: '新建房屋' });
      return shape(u);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? numberTaken() : err;
  }
}

async function editable(deps: Deps, userId: string, id: string) {
  const u = await deps.db.unit.findUnique({ where: { id }, select: SELECT });
  if (!u) throw notFound('房屋');
  const who = await editorAt(deps.db, userId, u.communityId, '房屋', deps.clock.now());
  if (u.retiredAt) throw retiredAlready('房屋');
  return { u, who };
}

/**
 * Edits a unit. An area (or its source) changed is one UNIT_AREA event with the reason the editor gave
 * (required); anything else one UNIT_CHANGE event. The old values are compared in the update's
 * condition, so an edit made meanwhile by someone else is refused rather than overwritten.
 */
export async function editUnit(deps: Deps, userId: string, id: string, input: z.infer<typeof ZEditUnit>) {
  const { u, who } = await editable(deps, userId, id);
  const { reason, ...fields } = input;
  const prev = { ...u, deliveredAt: u.deliveredAt ? beijingDay(u.deliveredAt) : null };
  const { before, after, changed } = diff(prev, fields);
  if (changed.length === 0) return shape(u);
  const areaChanged = changed.filter((f) => AREA_FIELDS.includes(f));
  if (areaChanged.length > 0 && !reason)
    throw new AppError('VALIDATION_FAILED', '修改面积须填写变更原因', [{ path: 'reason', message: '请填写变更原因' }]);
  const merged = {
    buildingArea: fields.buildingArea ?? u.buildingArea,
    exclusiveArea: fields.exclusiveArea ?? u.exclusiveArea,
  };
  if (new Prisma.Decimal(merged.exclusiveArea).gt(merged.buildingArea))
    throw new AppError('VALIDATION_FAILED', '专有面积不能大于建筑面积', [
      { path: 'exclusiveArea', message: '专有面积不能大于建筑面积' },
    ]);
  const data = Object.fromEntries(
    changed.map((f) => [f, f === 'deliveredAt' ? day(fields.deliveredAt) : (fields as Record<string, unknown>)[f]]),
  );
  try {
    return await deps.db.$transaction(async (tx) => {
      if (fields.buildingId && fields.buildingId !== u.buildingId)
        await openBuilding(tx, fields.buildingId, who.communityId);
      const n = await tx.unit.updateMany({
        where: {
          id,
          retiredAt: null,
          buildingArea: u.buildingArea,
          exclusiveArea: u.exclusiveArea,
          areaSource: u.areaSource,
        },
        data,
      });
      if (n.count === 0) throw new AppError('CONFLICT', '房屋刚刚被修改或停用，请刷新后再试');
      await auditEdit(tx, who, id, { before, after, areaChanged, reason });
      return shape(await tx.unit.findUniqueOrThrow({ where: { id }, select: SELECT }));
    });
  } catch (err) {
    throw isUniqueViolation(err) ? numberTaken() : err;
  }
}

async function auditEdit(
  tx: Prisma.TransactionClient,
  who: Who,
  id: string,
  e: { before: Record<string, unknown>; after: Record<string, unknown>; areaChanged: string[]; reason?: string },
) {
  const pick = (o: Record<string, unknown>, area: boolean) =>
    Object.fromEntries(Object.entries(o).filter(([k]) => AREA_FIELDS.includes(k) === area));
  if (e.areaChanged.length > 0)
    await writeMasterAudit(tx, who, {
      kind: 'UNIT_AREA',
      subjectId: id,
      before: pick(e.before, true),
      after: pick(e.after, true),
      reason: e.reason!,
    });
  const rest = pick(e.after, false);
  if (Object.keys(rest).length > 0)
    await writeMasterAudit(tx, who, {
      kind: 'UNIT_CHANGE',
      subjectId: id,
      before: pick(e.before, false),
      after: rest,
      reason: e.reason ?? '修改房屋',
    });
}

/**
 * Retires a unit: never deleted, since bills, ballots, repairs and memberships point at it. From then on
 * it is out of billing runs, the bind pickers and the arrears list; its history stays readable.
 */
export async function retireUnit(deps: Deps, userId: string, id: string, reason: string) {
  const { who } = await editable(deps, userId, id);
  return deps.db.$transaction(async (tx) => {
    const n = await tx.unit.updateMany({ where: { id, retiredAt: null }, data: { retiredAt: who.at } });
    if (n.count === 0) throw retiredAlready('房屋');
    await writeMasterAudit(tx, who, {
      kind: 'UNIT_RETIRE',
      subjectId: id,
      after: { retiredAt: who.at.toISOString() },
      reason,
    });
    return shape(await tx.unit.findUniqueOrThrow({ where: { id }, select: SELECT }));
  });
}
