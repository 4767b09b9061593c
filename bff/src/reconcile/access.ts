import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { staffRolesByCommunity } from '../access/scope.js';

const MONEY_ROLES = ['CASHIER', 'MANAGER', 'COMPANY_ADMIN'] as const;

/**
 * Who may see reconciliation, and which of its differences: the communities where the user handles
 * money; company admins also see differences no community can be named for (an order not ours).
 */
export async function reconcileScope(deps: Deps, userId: string): Promise<{ communityIds: string[]; all: boolean }> {
  const roles = [...(await staffRolesByCommunity(deps.db, userId)).values()].filter((c) =>
    c.roles.some((r) => (MONEY_ROLES as readonly string[]).includes(r)),
  );
  if (roles.length === 0) throw notFound('对账记录');
  return { communityIds: roles.map((c) => c.communityId), all: roles.some((c) => c.roles.includes('COMPANY_ADMIN')) };
}
