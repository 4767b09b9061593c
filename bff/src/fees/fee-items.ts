import type { Deps } from '../deps.js';
import { requireRole } from '../access/guards.js';
import { notFound } from '../errors.js';
import type { NewFeeItem } from './schema.js';

/** Who sets fee standards: the community's manager, or a company admin. Cashiers apply them. */
const EDITORS = ['MANAGER', 'COMPANY_ADMIN'] as const;
const READERS = ['MANAGER', 'COMPANY_ADMIN', 'CASHIER'] as const;

export async function listFeeItems(deps: Deps, userId: string, communityId: string) {
  await requireRole(deps.db, userId, communityId, [...READERS]);
  return {
    items: await deps.db.feeItem.findMany({
      where: { communityId },
      orderBy: [{ active: 'desc' }, { createdAt: 'asc' }],
    }),
  };
}

export async function createFeeItem(deps: Deps, userId: string, communityId: string, input: NewFeeItem) {
  await requireRole(deps.db, userId, communityId, [...EDITORS]);
  return deps.db.feeItem.create({
    data: {
      communityId,
      kind: input.kind,
      name: input.name,
      amountFen: input.amountFen,
      cycle: input.cycle ?? null,
      buildingType: input.buildingType ?? null,
    },
  });
}

/** Bills already made keep their amounts: a standard is retired, never edited under them. */
export async function retireFeeItem(deps: Deps, userId: string, communityId: string, id: string) {
  await requireRole(deps.db, userId, communityId, [...EDITORS]);
  const { count } = await deps.db.feeItem.updateMany({ where: { id, communityId }, data: { active: false } });
  if (count === 0) throw notFound('收费项目');
  return deps.db.feeItem.findUniqueOrThrow({ where: { id } });
}
