import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { OFFICE_ROLES } from '../access/scope.js';
import { requireRole } from '../access/guards.js';
import { notFound } from '../errors.js';
import { DEFAULT_SLA, loadSla, type SlaSettings } from './sla.js';
import { ESCALATION_STAFF_ROLES, staffWithRoles } from './staff-roles.js';

/** The community's clocks as the office sees them, and whether they are still docs/domain.md's defaults. */
export async function getSlaSettings(deps: Deps, staffId: string, communityId: string) {
  await requireRole(deps.db, staffId, communityId, OFFICE_ROLES);
  const custom = await deps.db.repairSlaSettings.count({ where: { communityId } });
  return { settings: await loadSla(deps.db, communityId), isDefault: custom === 0, defaults: DEFAULT_SLA };
}

/**
 * The property company sets a community's clocks. They apply to clocks started from now on: a
 * deadline already computed is a promise already made.
 */
export async function putSlaSettings(deps: Deps, staffId: string, communityId: string, settings: SlaSettings) {
  await requireRole(deps.db, staffId, communityId, ['COMPANY_ADMIN']);
  // A step names people by id: only the community's own staff (docs/domain.md §1, escalation); anyone
  // else — a resident, another company's staff — reads as not found (docs/conventions.md rule 4).
  const named = new Set([...settings.escalation, ...settings.emergencyEscalation].flatMap((s) => s.userIds));
  if (named.size > 0) {
    const staff = new Set(await staffWithRoles(deps.db, communityId, ESCALATION_STAFF_ROLES));
    if ([...named].some((id) => !staff.has(id))) throw notFound('工作人员');
  }
  const data = {
    ...settings,
    escalation: settings.escalation as Prisma.InputJsonValue,
    emergencyEscalation: settings.emergencyEscalation as Prisma.InputJsonValue,
    updatedAt: deps.clock.now(),
  };
  await deps.db.repairSlaSettings.upsert({ where: { communityId }, create: { communityId, ...data }, update: data });
  return getSlaSettings(deps, staffId, communityId);
}
