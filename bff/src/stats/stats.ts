import { z } from 'zod';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { OFFICE_ROLES, staffRolesByCommunity } from '../access/scope.js';
import { requireRole } from '../access/guards.js';
import { beijingMonth } from '../beijing.js';
import { ZExportFormat, exportTable, type ExportFile } from '../fees/export.js';
import { monthFigures, ZMonth, type Figure } from './figures.js';

export const ZStatsQuery = z.object({ month: ZMonth.optional() }).strict();
export const ZStatsExport = z.object({ month: ZMonth.optional(), format: ZExportFormat }).strict();

const monthOf = (deps: Deps, q: { month?: string }) => q.month ?? beijingMonth(deps.clock.now());

/** A community's figures of a Beijing month (this month by default), for its managers and company admins. */
export async function communityStats(deps: Deps, userId: string, communityId: string, q: { month?: string }) {
  await requireRole(deps.db, userId, communityId, OFFICE_ROLES);
  const month = monthOf(deps, q);
  const [community, figures] = await Promise.all([
    deps.db.community.findUniqueOrThrow({ where: { id: communityId }, select: { name: true } }),
    monthFigures(deps, [communityId], month),
  ]);
  return { month, communityId, name: community.name, ...figures.get(communityId)! };
}

/** The same figures for every community the caller is company admin of, side by side. */
export async function companyStats(deps: Deps, userId: string, q: { month?: string }) {
  const mine = [...(await staffRolesByCommunity(deps.db, userId)).values()]
    .filter((c) => c.roles.includes('COMPANY_ADMIN'))
    .sort((a, b) => a.communityName.localeCompare(b.communityName, 'zh-CN'));
  if (mine.length === 0) throw notFound('公司');
  const month = monthOf(deps, q);
  const figures = await monthFigures(
    deps,
    mine.map((c) => c.communityId),
    month,
  );
  return {
    month,
    communities: mine.map((c) => ({ id: c.communityId, name: c.communityName, ...figures.get(c.communityId)! })),
  };
}

const shown = (f: Figure) =>
  f.value === null
    ? '—'
    : f.unit === 'permille'
      ? `${(f.value / 10).toFixed(1)}%`
      : f.unit === 'hundredths'
        ? (f.value / 100).toFixed(2)
        : String(f.value);

/** The month's figures as Excel or CSV: one row a figure, with what it counts (numerator, denominator). */
export async function exportCommunityStats(
  deps: Deps,
  userId: string,
  communityId: string,
  q: z.infer<typeof ZStatsExport>,
): Promise<ExportFile> {
  const stats = await communityStats(deps, userId, communityId, q);
  return exportTable(
    q.format,
    { file: `统计-${stats.name}-${stats.month}`, sheet: '统计' },
    [
      { header: '指标', width: 22 },
      { header: '数值', width: 12 },
      { header: '分子', width: 14 },
      { header: '分母', width: 14 },
      { header: '目标', width: 10 },
      { header: '达标', width: 8 },
    ],
    [
      ...stats.figures.map((f) => [
        f.label,
        shown(f),
        f.numerator,
        f.denominator,
        f.target === null ? '' : `≥ ${f.target / 10}%`,
        f.met === null ? '' : f.met ? '是' : '否',
      ]),
      ...stats.ratingStars.map((n, i) => [`评分 ${i + 1} 星`, String(n), n, stats.figures[3]!.denominator, '', '']),
    ],
  );
}
