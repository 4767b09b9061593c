import { z } from 'zod';
import type { Deps } from '../deps.js';
import { monthStart } from '../beijing.js';
import { nextMonth } from '../fees/periods.js';
import { collectionByCommunity, permille } from '../fees/reports.js';
import { repairClockTallies, type Tally } from '../repairs/clock-tally.js';
import { RETURN_VISIT_TARGET, floorPermille, returnVisitCounts } from '../return-visits/visits.js';
import { complaintCounts, ratingCounts, snapshotCounts, surveyCounts } from './counts.js';

export const ZMonth = z.string('请选择月份').regex(/^20\d\d-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

/** Survey coverage the standards ask for (docs/stats.md): at least 90 % of households. */
export const SURVEY_COVERAGE_TARGET = 900;

export type FigureKey =
  | 'repairAccept'
  | 'repairContact'
  | 'repairArrive'
  | 'rating'
  | 'returnVisit'
  | 'complaintTriage'
  | 'complaintContact'
  | 'complaintRehandle'
  | 'surveySatisfaction'
  | 'surveyCoverage'
  | 'collection'
  | 'snapshotAutoClosed';

/**
 * One figure: `value` is a rate in tenths of a percent (`permille`), an average in hundredths of a star
 * (`hundredths`) or a count; null when there is nothing to count (no rate rather than 0 %). `target`
 * and `met` only for the figures a standard sets a floor for.
 */
export type Figure = {
  key: FigureKey;
  label: string;
  unit: 'permille' | 'hundredths' | 'count';
  numerator: number;
  denominator: number;
  value: number | null;
  target: number | null;
  met: boolean | null;
};

const rate = (key: FigureKey, label: string, numerator: number, denominator: number, target?: number): Figure => {
  // A figure with a floor to meet is rounded down, so it never rounds up to the target.
  const value = target === undefined ? permille(numerator, denominator) : floorPermille(numerator, denominator);
  return {
    key,
    label,
    unit: 'permille',
    numerator,
    denominator,
    value,
    target: target ?? null,
    met: target === undefined || value === null ? null : value >= target,
  };
};
const clock = (key: FigureKey, label: string, t: Tally) => rate(key, label, t.onTime, t.onTime + t.late);

/**
 * One figure's queries in a transaction of their own with JIT off (as db-cursor.ts does for exports):
 * these are one-off aggregates over a month, whose estimated cost passes PostgreSQL's jit_above_cost,
 * and compiling them took longer than running them (150 ms of 240 in the benchmark). Each in its own
 * transaction, so the figures are still counted side by side on the pool's connections.
 */
export function withoutJit<T>(deps: Deps, count: (d: Deps) => Promise<T>): Promise<T> {
  return deps.db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SET LOCAL jit = off');
    return count({ ...deps, db: tx as unknown as Deps['db'] });
  });
}

export type MonthFigures = { figures: Figure[]; ratingStars: number[] };

/**
 * Every figure a manager is judged by (#31; docs/stats.md), for each of `ids`, for one Beijing month:
 * each counts what was filed, opened or billed in that month, as it stands now. One query per figure
 * for all the communities, so the company's comparison costs what one community's does.
 */
export async function monthFigures(deps: Deps, ids: string[], month: string): Promise<Map<string, MonthFigures>> {
  const w = { from: monthStart(month), to: monthStart(nextMonth(month)) };
  const [clocks, ratings, visits, complaints, surveys, collection, snapshots] = await Promise.all([
    withoutJit(deps, (d) => repairClockTallies(d.db, ids, w.from, w.to)),
    withoutJit(deps, (d) => ratingCounts(d, ids, w)),
    withoutJit(deps, (d) => returnVisitCounts(d, ids, w.from, w.to)),
    withoutJit(deps, (d) => complaintCounts(d, ids, w)),
    withoutJit(deps, (d) => surveyCounts(d, ids, w)),
    withoutJit(deps, (d) => collectionByCommunity(d, ids, month)),
    withoutJit(deps, (d) => snapshotCounts(d, ids, w)),
  ]);
  return new Map(
    ids.map((id) => {
      const c = clocks.get(id)!;
      const r = ratings.get(id)!;
      const v = visits.get(id)!;
      const k = complaints.get(id)!;
      const s = surveys.get(id)!;
      const money = collection.find((x) => x.key === id);
      const snap = snapshots.get(id)!;
      const figures: Figure[] = [
        clock('repairAccept', '报修按时接单率', c.accepted),
        clock('repairContact', '报修按时联系率', c.contacted),
        clock('repairArrive', '报修按时到场率', c.arrived),
        {
          key: 'rating',
          label: '平均评分',
          unit: 'hundredths',
          numerator: r.starSum,
          denominator: r.rated,
          value: r.rated === 0 ? null : Math.floor((r.starSum * 200 + r.rated) / (2 * r.rated)),
          target: null,
          met: null,
        },
        rate('returnVisit', '回访率', v.phone + v.rating, v.due, RETURN_VISIT_TARGET),
        rate('complaintTriage', '投诉按时分派率', k.triageOnTime, k.triageOnTime + k.triageLate),
        rate('complaintContact', '投诉按时联系率', k.contactOnTime, k.contactOnTime + k.contactLate),
        rate('complaintRehandle', '投诉重新处理率', k.rehandled, k.filed),
        rate('surveySatisfaction', '问卷满意率', s.satisfied, s.starAnswers),
        rate('surveyCoverage', '问卷覆盖率', s.answered, s.targeted, SURVEY_COVERAGE_TARGET),
        // The collection report's own rate (fees/reports.ts), not a second formula.
        {
          ...rate('collection', '收缴率', money?.collectedFen ?? 0, money?.billedFen ?? 0),
          value: money?.ratePermille ?? null,
        },
        {
          key: 'snapshotAutoClosed',
          label: '随手拍超时自动办结',
          unit: 'count',
          numerator: snap.autoClosed,
          denominator: snap.filed,
          value: snap.autoClosed,
          target: null,
          met: null,
        },
      ];
      return [id, { figures, ratingStars: r.stars }];
    }),
  );
}
