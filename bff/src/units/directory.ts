import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';

/**
 * The address directory a resident walks to find their unit (community → building → unit).
 * It holds no personal information, so any signed-in user may read it. Retired buildings and units
 * are left out, and so is a retired community with all it holds (docs/master-data.md): nobody binds to them
 * any more.
 */
export async function listCommunities(deps: Deps) {
  const rows = await deps.db.community.findMany({
    where: { retiredAt: null },
    select: { id: true, name: true, address: true, company: { select: { name: true } } },
    orderBy: { name: 'asc' },
  });
  return rows.map((c) => ({ id: c.id, name: c.name, address: c.address, companyName: c.company.name }));
}

export async function listBuildings(deps: Deps, communityId: string) {
  const community = await deps.db.community.findFirst({
    where: { id: communityId, retiredAt: null },
    select: { id: true },
  });
  if (!community) throw notFound('小区');
  return deps.db.building.findMany({
    where: { communityId, retiredAt: null },
    select: { id: true, name: true },
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
  });
}

export async function listUnits(deps: Deps, buildingId: string) {
  const building = await deps.db.building.findFirst({
    where: { id: buildingId, community: { retiredAt: null } },
    select: { id: true },
  });
  if (!building) throw notFound('楼栋');
  return deps.db.unit.findMany({
    where: { buildingId, retiredAt: null },
    select: { id: true, number: true, floor: true },
    orderBy: [{ floor: 'asc' }, { number: 'asc' }],
  });
}
