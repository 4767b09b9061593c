/** A routine repair body for `unitId`, to be overridden field by field. */
export const repairBody = (unitId: string, extra: Record<string, unknown> = {}) => ({
  unitId,
  faultType: 'WATER',
  part: '厨房水龙头',
  phenomenon: '关不紧，一直滴水',
  emergency: false,
  ...extra,
});

/**
 * `n` repairs written straight to the database in `status`, for tests that need many repairs in a
 * given state (the transition matrix); numbers are unique placeholders.
 */
export async function makeRepairs(
  db: import('../../../bff/src/db.js').Db,
  at: {
    communityId: string;
    unitId: string;
    reporterId: string;
    assigneeId: string | null;
    status: import('@prisma/client').RepairStatus;
  },
  n: number,
) {
  const now = new Date();
  const rows = Array.from({ length: n }, () => ({
    id: crypto.randomUUID(),
    number: `T-${crypto.randomUUID()}`,
    communityId: at.communityId,
    unitId: at.unitId,
    reporterId: at.reporterId,
    assigneeId: at.assigneeId,
    status: at.status,
    faultType: 'WATER' as const,
    part: '水龙头',
    phenomenon: '漏水',
    emergency: false,
    description: '',
    contactPhone: '+8613800000000',
    acceptDueAt: new Date(now.getTime() + 15 * 60_000),
    filedAt: now,
    updatedAt: now,
  }));
  await db.repairRequest.createMany({ data: rows });
  return rows.map((r) => r.id);
}
