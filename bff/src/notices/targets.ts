import type { Deps } from '../deps.js';
import { forbidden, notFound } from '../errors.js';
import { staffRolesByCommunity, OFFICE_ROLES } from '../access/scope.js';

/**
 * The communities a notice goes to, all of them run by the author: a manager publishes for the
 * communities they manage; a company admin may publish for every community of the company. A notice
 * never spans two companies. Someone else's community looks like one that does not exist.
 */
export async function resolveTargets(
  deps: Deps,
  staffId: string,
  input: { communityIds: string[]; allCommunities: boolean },
) {
  const offices = [...(await staffRolesByCommunity(deps.db, staffId)).values()].filter((r) =>
    r.roles.some((role) => OFFICE_ROLES.includes(role)),
  );
  const allowed = new Set(offices.map((o) => o.communityId));
  let ids: string[];
  if (input.allCommunities) {
    const adminCompanies = await deps.db.staffRole.findMany({
      where: { userId: staffId, role: 'COMPANY_ADMIN', communityId: null },
      select: { companyId: true },
    });
    if (adminCompanies.length !== 1) throw notFound('小区');
    const all = await deps.db.community.findMany({
      where: { companyId: adminCompanies[0]!.companyId },
      select: { id: true },
    });
    ids = all.map((c) => c.id);
  } else {
    ids = [...new Set(input.communityIds)];
    if (ids.some((id) => !allowed.has(id))) throw notFound('小区');
  }
  const communities = await deps.db.community.findMany({
    where: { id: { in: ids } },
    select: { id: true, companyId: true },
  });
  const companies = new Set(communities.map((c) => c.companyId));
  if (communities.length !== ids.length || companies.size !== 1) throw notFound('小区');
  return { companyId: [...companies][0]!, communityIds: ids };
}

/**
 * The notice for an office holder: to read it (and its read rates) an office in one of its
 * communities is enough; to change it the caller must run every community it goes to, so a manager
 * cannot rewrite the company's notice to all communities. Otherwise: "not found".
 */
export async function findStaffNotice(deps: Deps, staffId: string, id: string, purpose: 'read' | 'edit') {
  const notice = await deps.db.notice.findUnique({
    where: { id },
    include: { targets: { select: { communityId: true } } },
  });
  if (!notice) throw notFound('公告');
  const offices = await staffRolesByCommunity(deps.db, staffId);
  const runs = (communityId: string) => offices.get(communityId)?.roles.some((r) => OFFICE_ROLES.includes(r)) ?? false;
  const ok =
    purpose === 'read'
      ? notice.targets.some((t) => runs(t.communityId))
      : notice.targets.every((t) => runs(t.communityId));
  if (!ok) throw notFound('公告');
  // The committee's own notices are the committee's (docs/domain.md §5, The committee): staff read them, never change them.
  if (purpose === 'edit' && notice.committeeElectionId) throw forbidden('业委会发布的公告只能由业委会委员修改或撤回');
  return { ...notice, officeCommunityIds: notice.targets.map((t) => t.communityId).filter(runs) };
}
