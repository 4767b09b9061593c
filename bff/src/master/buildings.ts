import type { z } from 'zod';
import type { Deps } from '../deps.js';
import { AppError, isUniqueViolation, notFound } from '../errors.js';
import { editorAt, retiredAlready, stateWhere, textKeyset, textPage } from './access.js';
import { diff, writeMasterAudit } from './audit.js';
import type { ZBuildingListQuery, ZCreateBuilding, ZEditBuilding } from './schema.js';

const nameTaken = () => new AppError('MASTER_DUPLICATE', '本小区已有同名楼栋');
const SELECT = { id: true, name: true, buildingType: true, floors: true, retiredAt: true, communityId: true } as const;

const shape = (
  b: { id: string; name: string; buildingType: string | null; floors: number | null; retiredAt: Date | null },
  units = 0,
) => ({
  id: b.id,
  name: b.name,
  buildingType: b.buildingType,
  floors: b.floors,
  retiredAt: b.retiredAt?.toISOString() ?? null,
  units,
});

export async function listBuildings(deps: Deps, userId: string, q: z.infer<typeof ZBuildingListQuery>) {
  await editorAt(deps.db, userId, q.communityId, '小区', deps.clock.now(), false);
  const where = { communityId: q.communityId, ...stateWhere(q.state) };
  const page = textKeyset('name', q.cursor, q.limit);
  const [rows, total] = await Promise.all([
    deps.db.building.findMany({
      ...page,
      where: { ...where, ...page.where },
      select: { ...SELECT, _count: { select: { units: { where: { retiredAt: null } } } } },
    }),
    deps.db.building.count({ where }),
  ]);
  const { items, nextCursor } = textPage(rows, q.limit, (b) => b.name);
  return { items: items.map((b) => shape(b, b._count.units)), nextCursor, total };
}

export async function createBuilding(deps: Deps, userId: string, input: z.infer<typeof ZCreateBuilding>) {
  const who = await editorAt(deps.db, userId, input.communityId, '小区', deps.clock.now());
  const { communityId, ...fields } = input;
  try {
    return await deps.db.$transaction(async (tx) => {
      const sortOrder = (await tx.building.count({ where: { communityId } })) + 1;
      const b = await tx.building.create({ data: { communityId, ...fields, sortOrder }, select: SELECT });
      await writeMasterAudit(tx, who, { kind: 'BUILDING_ADD', subjectId: b.id, after: fields, reason: '新建楼栋' });
      return shape(b);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? nameTaken() : err;
  }
}

async function editable(deps: Deps, userId: string, id: string) {
  const b = await deps.db.building.findUnique({ where: { id }, select: SELECT });
  if (!b) throw notFound('楼栋');
  const who = await editorAt(deps.db, userId, b.communityId, '楼栋', deps.clock.now());
  if (b.retiredAt) throw retiredAlready('楼栋');
  return { b, who };
}

export async function editBuilding(deps: Deps, userId: string, id: string, input: z.infer<typeof ZEditBuilding>) {
  const { b, who } = await editable(deps, userId, id);
  const { before, after, changed } = diff(b, input);
  if (changed.length === 0) return shape(b);
  try {
    return await deps.db.$transaction(async (tx) => {
      // Conditional: a building retired meanwhile is not edited.
      const n = await tx.building.updateMany({ where: { id, retiredAt: null }, data: after });
      if (n.count === 0) throw retiredAlready('楼栋');
      await writeMasterAudit(tx, who, { kind: 'BUILDING_CHANGE', subjectId: id, before, after, reason: '修改楼栋' });
      return shape(await tx.building.findUniqueOrThrow({ where: { id }, select: SELECT }));
    });
  } catch (err) {
    throw isUniqueViolation(err) ? nameTaken() : err;
  }
}

/** A building is retired only once none of its units is in use: retire (or move) them first. */
export async function retireBuilding(deps: Deps, userId: string, id: string, reason: string) {
  const { who } = await editable(deps, userId, id);
  return deps.db.$transaction(async (tx) => {
    // Locked: a unit being added to it (which takes the same row FOR SHARE) either lands first and is counted, or waits.
    await tx.$queryRaw`SELECT 1 FROM "Building" WHERE id = ${id}::uuid FOR UPDATE`;
    if ((await tx.unit.count({ where: { buildingId: id, retiredAt: null } })) > 0)
      throw new AppError('MASTER_IN_USE', '楼栋里还有在用的房屋，请先停用这些房屋');
    const n = await tx.building.updateMany({ where: { id, retiredAt: null }, data: { retiredAt: who.at } });
    if (n.count === 0) throw retiredAlready('楼栋');
    await writeMasterAudit(tx, who, { kind: 'BUILDING_RETIRE', subjectId: id, after: { retiredAt: who.at }, reason });
    return shape(await tx.building.findUniqueOrThrow({ where: { id }, select: SELECT }));
  });
}
