import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { OFFICE_ROLES } from '../access/scope.js';
import { requireRole } from '../access/guards.js';
import { notFound } from '../errors.js';
import { ESCALATION_STAFF_ROLES, staffWithRoles } from '../repairs/staff-roles.js';
import { DEFAULT_COMPLAINT_SLA, loadComplaintSla, type ComplaintSla } from './clocks.js';

/** The community's complaint clocks as the office sees them, and whether they are still the defaults. */
export async function getComplaintSla(deps: Deps, staffId: string, communityId: string) {
  await requireRole(deps.db, staffId, communityId, OFFICE_ROLES);
  const custom = await deps.db.complaintSlaSettings.count({ where: { communityId } });
  return {
    settings: await loadComplaintSla(deps.db, communityId),
    isDefault: custom === 0,
    defaults: DEFAULT_COMPLAINT_SLA,
  };
}

/**
 * The property company sets them, as it sets the repair clocks (docs/domain.md §1, §8); they apply to
 * clocks started from now on. A step may name only the community's staff; anyone else is not found.
 */
export async function putComplaintSla(deps: Deps, staffId: string, communityId: string, settings: ComplaintSla) {
  await requireRole(deps.db, staffId, communityId, ['COMPANY_ADMIN']);
  const named = new Set(settings.escalation.flatMap((s) => s.userIds));
  if (named.size > 0) {
    const staff = new Set(await staffWithRoles(deps.db, communityId, ESCALATION_STAFF_ROLES));
    if ([...named].some((id) => !staff.has(id))) throw notFound('工作人员');
  }
  const data = { ...settings, escalation: settings.escalation as Prisma.InputJsonValue, updatedAt: deps.clock.now() };
  await deps.db.complaintSlaSettings.upsert({ where: { communityId }, create: { communityId, ...data }, update: data });
  return getComplaintSla(deps, staffId, communityId);
}
