import type { Deps } from '../deps.js';
import { requireRole } from '../access/guards.js';
import { AppError, isUniqueViolation, notFound } from '../errors.js';
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

const KIND_NAMES = { PROPERTY: '物业服务费', PARKING: '车位费', ONE_OFF: '一次性费用', SHARED: '公摊' } as const;

/**
 * A new standard. At most one active recurring standard per kind and scope (building type, or none):
 * a second one would bill the same months twice, so the database refuses it ("FeeItem_active_scope",
 * docs/domain.md §4, Billing runs) — retire the old one first.
 */
export async function createFeeItem(deps: Deps, userId: string, communityId: string, input: NewFeeItem) {
  await requireRole(deps.db, userId, communityId, [...EDITORS]);
  try {
    return await deps.db.feeItem.create({
      data: {
        communityId,
        kind: input.kind,
        name: input.name,
        amountFen: input.amountFen,
        cycle: input.cycle ?? null,
        buildingType: input.buildingType ?? null,
      },
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const scope =
      input.kind === 'PARKING' ? '' : input.buildingType ? `「${input.buildingType}」楼栋的` : '适用全部楼栋的';
    throw new AppError(
      'CONFLICT',
      `已有${scope}${KIND_NAMES[input.kind]}标准在用，同类收费同时只能有一项，请先停用旧标准`,
    );
  }
}

/** Bills already made keep their amounts: a standard is retired, never edited under them. */
export async function retireFeeItem(deps: Deps, userId: string, communityId: string, id: string) {
  await requireRole(deps.db, userId, communityId, [...EDITORS]);
  const { count } = await deps.db.feeItem.updateMany({ where: { id, communityId }, data: { active: false } });
  if (count === 0) throw notFound('收费项目');
  return deps.db.feeItem.findUniqueOrThrow({ where: { id } });
}
