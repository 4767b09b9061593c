import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { authorityAt } from '../roles/authority.js';

/**
 * Who sees the committee screen: the company's admins and the community's manager (it tells them
 * whom the office deals with). Anyone else finds no such community (docs/conventions.md rule 4).
 */
export async function viewerAt(deps: Deps, userId: string, communityId: string) {
  const a = await authorityAt(deps.db, userId, { communityId });
  return { companyId: a.companyId, communityId, admin: a.admin };
}

/**
 * Who enters a term: company admins only (docs/roles.md §The committee). It grants the role that runs
 * the owners' votes, on the company's word that the filing happened, so the company answers for it —
 * not the manager, who works with the committee day to day.
 */
export async function adminAt(deps: Deps, userId: string, communityId: string) {
  const v = await viewerAt(deps, userId, communityId);
  if (!v.admin) throw new AppError('ROLE_NOT_GRANTABLE', '只有公司管理员可以录入业委会');
  return { companyId: v.companyId, communityId };
}
