import { z } from 'zod';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { staffRolesByCommunity } from '../access/scope.js';
import { beijingMonth } from '../beijing.js';
import { ZPeriod } from '../fees/schema.js';
import { collectionByCommunity, permille } from '../fees/reports.js';
import { serviceLevel } from '../repairs/service-level.js';

export const ZCompareQuery = z.object({ period: ZPeriod.optional() }).strict();

/** Repairs still in someone's hands (docs/domain.md §1): filed and not yet resolved, closed or cancelled. */
const OPEN_REPAIRS = ['SUBMITTED', 'ACCEPTED', 'ASSIGNED', 'CONTACTED', 'ARRIVED'] as const;

/**
 * A company's communities side by side (#26, the company admin's console): for each community the
 * caller is company admin of — only those, so another company's admin gets nothing of ours — the
 * collection rate of the period (this Beijing month by default; fees/reports.ts), the repair SLA
 * attainment over the last 30 days (every accept, contact and arrival clock settled on time, of all
 * settled; repairs/service-level.ts) and the repairs open now.
 */
export async function compareCommunities(deps: Deps, userId: string, q: { period?: string }) {
  const mine = [...(await staffRolesByCommunity(deps.db, userId)).values()]
    .filter((c) => c.roles.includes('COMPANY_ADMIN'))
    .sort((a, b) => a.communityName.localeCompare(b.communityName, 'zh-CN'));
  if (mine.length === 0) throw notFound('公司');
  const ids = mine.map((c) => c.communityId);
  const period = q.period ?? beijingMonth(deps.clock.now());
  const [rates, open, levels] = await Promise.all([
    collectionByCommunity(deps, ids, period),
    deps.db.repairRequest.groupBy({
      by: ['communityId'],
      where: { communityId: { in: ids }, status: { in: [...OPEN_REPAIRS] } },
      _count: { _all: true },
    }),
    Promise.all(ids.map((id) => serviceLevel(deps, userId, id))),
  ]);
  return {
    period,
    slaDays: levels[0]?.days ?? 30,
    communities: mine.map((c, i) => {
      const rate = rates.find((r) => r.key === c.communityId);
      const level = levels[i]!;
      const steps = [level.accepted, level.contacted, level.arrived];
      const onTime = steps.reduce((s, t) => s + t.onTime, 0);
      const late = steps.reduce((s, t) => s + t.late, 0);
      return {
        id: c.communityId,
        name: c.communityName,
        billedFen: rate?.billedFen ?? 0,
        collectedFen: rate?.collectedFen ?? 0,
        collectionPermille: rate?.ratePermille ?? null,
        repairsFiled: level.filed,
        slaOnTime: onTime,
        slaLate: late,
        slaPermille: permille(onTime, onTime + late),
        openRepairs: open.find((o) => o.communityId === c.communityId)?._count._all ?? 0,
      };
    }),
  };
}
