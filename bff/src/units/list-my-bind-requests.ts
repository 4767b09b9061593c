import type { Deps } from '../deps.js';
import { shapeBindRequest, unitLabel } from './shape.js';

export async function listMyBindRequests(deps: Deps, userId: string) {
  const rows = await deps.db.unitMembership.findMany({
    where: { userId },
    include: { unit: unitLabel },
    orderBy: { requestedAt: 'desc' },
  });
  return rows.map(shapeBindRequest);
}
