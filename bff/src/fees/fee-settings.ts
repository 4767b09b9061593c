import type { z } from 'zod';
import type { Deps } from '../deps.js';
import { requireRole } from '../access/guards.js';
import type { ZFeeSettings } from './schema.js';

const OFF = { lateFeeEnabled: false, lateFeeBpsPerDay: 0, lateFeeCapBps: 0, lateFeeGraceDays: 0 };

/** The community's late-charge terms; a community without a row has none (the default the law expects). */
export async function getFeeSettings(deps: Deps, userId: string, communityId: string) {
  await requireRole(deps.db, userId, communityId, ['MANAGER', 'COMPANY_ADMIN', 'CASHIER']);
  const row = await deps.db.feeSettings.findUnique({ where: { communityId } });
  return row ?? { communityId, ...OFF };
}

/** Set by the manager or a company admin, from the property service contract. */
export async function putFeeSettings(
  deps: Deps,
  userId: string,
  communityId: string,
  input: z.infer<typeof ZFeeSettings>,
) {
  await requireRole(deps.db, userId, communityId, ['MANAGER', 'COMPANY_ADMIN']);
  return deps.db.feeSettings.upsert({ where: { communityId }, create: { communityId, ...input }, update: input });
}
