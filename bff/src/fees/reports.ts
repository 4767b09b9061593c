import { z } from 'zod';
import type { Deps } from '../deps.js';
import { requireRole } from '../access/guards.js';
import { staffRolesByCommunity } from '../access/scope.js';
import { AppError } from '../errors.js';
import { parsePeriod } from './periods.js';
import { ZPeriod } from './schema.js';
import { dayEnd, dayStart, daysBetween } from '../beijing.js';

/** Who sees a community's money: its cashiers and managers, and company admins. */
const REPORT_ROLES = ['CASHIER', 'MANAGER', 'COMPANY_ADMIN'] as const;
export const CHANNELS = ['WECHAT', 'CASH', 'TRANSFER', 'POS'] as const;
export type Channel = (typeof CHANNELS)[number];
type ByChannel = Record<Channel, number>;
const zeroChannels = (): ByChannel => ({ WECHAT: 0, CASH: 0, TRANSFER: 0, POS: 0 });
const total = (c: ByChannel) => CHANNELS.reduce((s, k) => s + c[k], 0);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 92;
export const ZTakingsQuery = z
  .object({
    from: z.string('请选择开始日期').regex(DAY, '日期格式应为 2026-11-01'),
    to: z.string('请选择结束日期').regex(DAY, '日期格式应为 2026-11-30'),
  })
  .refine((q) => !Number.isNaN(Date.parse(q.from)) && !Number.isNaN(Date.parse(q.to)), {
    message: '日期不存在',
    path: ['from'],
  })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_DAYS, {
    message: `一次最多查询 ${MAX_DAYS} 天`,
    path: ['to'],
  });
export const ZCollectionQuery = z.object({ period: ZPeriod });

type TakingsRow = { day: string; channel: Channel; item: string; payer: Payer; fen: bigint };
export type Payer = 'OWNER' | 'DEVELOPER';
type ByPayer = Record<Payer, number>;

/**
 * Daily takings of a community by channel and by fee item, from the ledger (the one record of money):
 * WeChat payments, overpayments and refunds are the WeChat channel; counter payments and their voids
 * take their payment's channel. Waivers are no takings. Every figure is a sum of ledger entries, so
 * days, items, channels and payers (owner, developer — whose bill the money was for; an overpayment
 * came from an owner's WeChat) all add up to the same total.
 */
export async function takingsReport(deps: Deps, userId: string, communityId: string, q: { from: string; to: string }) {
  await requireRole(deps.db, userId, communityId, [...REPORT_ROLES]);
  const rows = await deps.db.$queryRaw<TakingsRow[]>`
    SELECT to_char(l."at" + interval '8 hours', 'YYYY-MM-DD') AS "day",
           CASE WHEN l."kind" IN ('COUNTER_PAYMENT', 'VOID') THEN cp."channel"::text ELSE 'WECHAT' END AS "channel",
           coalesce(f."name", '重复支付（已退回）') AS "item",
           coalesce(b."payer"::text, 'OWNER') AS "payer",
           sum(l."amountFen")::bigint AS "fen"
      FROM "LedgerEntry" l
      LEFT JOIN "Bill" b ON b."id" = l."billId"
      LEFT JOIN "FeeItem" f ON f."id" = b."feeItemId"
      LEFT JOIN "CounterPayment" cp ON cp."id" = l."counterPaymentId"
     WHERE l."communityId" = ${communityId}::uuid AND l."kind" <> 'WAIVER'
       AND l."at" >= ${dayStart(q.from)} AND l."at" < ${dayEnd(q.to)}
     GROUP BY 1, 2, 3, 4`;
  const sums = () => ({ byChannel: zeroChannels(), byPayer: { OWNER: 0, DEVELOPER: 0 } as ByPayer });
  const days = new Map(daysBetween(q.from, q.to).map((d) => [d, sums()]));
  const items = new Map<string, ReturnType<typeof sums>>();
  const totals = sums();
  for (const r of rows) {
    const fen = Number(r.fen);
    if (!items.has(r.item)) items.set(r.item, sums());
    for (const s of [days.get(r.day)!, items.get(r.item)!, totals]) {
      s.byChannel[r.channel] += fen;
      s.byPayer[r.payer] += fen;
    }
  }
  return {
    from: q.from,
    to: q.to,
    days: [...days].map(([day, s]) => ({ day, ...s, totalFen: total(s.byChannel) })),
    items: [...items]
      .map(([item, s]) => ({ item, ...s, totalFen: total(s.byChannel) }))
      .sort((a, b) => b.totalFen - a.totalFen),
    totals: { ...totals, totalFen: total(totals.byChannel) },
  };
}

type CollectionRow = {
  key: string;
  name: string;
  payer: Payer;
  billedFen: bigint;
  collectedFen: bigint;
  bills: number;
  settledBills: number;
};

/**
 * 收缴率: of what was billed for the months of `period` (bills whose first month falls in it; waived
 * bills are not receivable), how much came in — the principal still held (paid − refunded, the late
 * charge left out so a rate never passes 100 %). By amount and by count of bills, per payer: the
 * developer's bills are receivable from the developer (paid at the counter), the owners' from owners,
 * and the two add up to the total (docs/domain.md §4, Billing runs).
 */
export function collectionSql(by: 'building' | 'community') {
  const key = by === 'building' ? 'u."buildingId"' : 'b."communityId"';
  const name = by === 'building' ? 'bd."name"' : 'c."name"';
  const order = by === 'building' ? 'min(bd."sortOrder"), min(bd."name")' : 'min(c."name")';
  // By community, the unit and building are not needed: joining a million units to a month's bills
  // was most of the company report's time (docs/scale.md). Every bill has its unit (a foreign key), so
  // leaving the join out drops no row.
  const joins =
    by === 'building'
      ? 'JOIN "Unit" u ON u."id" = b."unitId" JOIN "Building" bd ON bd."id" = u."buildingId"'
      : 'JOIN "Community" c ON c."id" = b."communityId"';
  return `SELECT ${key}::text AS "key", min(${name}) AS "name", b."payer"::text AS "payer",
            coalesce(sum(b."amountFen"), 0)::bigint AS "billedFen",
            coalesce(sum(GREATEST(0, LEAST(b."amountFen", b."paidFen" - b."refundedFen"))), 0)::bigint AS "collectedFen",
            count(*)::int AS "bills",
            count(*) FILTER (WHERE b."state" IN ('PAID', 'PARTIALLY_REFUNDED'))::int AS "settledBills"
       FROM "Bill" b ${joins}
      WHERE b."communityId" = ANY($1::uuid[]) AND b."firstMonth" = ANY($2::text[]) AND b."state" <> 'WAIVED'
      GROUP BY ${key}, b."payer" ORDER BY ${order}, b."payer"`;
}
function collectionRows(deps: Deps, communityIds: string[], months: string[], by: 'building' | 'community') {
  return deps.db.$queryRawUnsafe<CollectionRow[]>(collectionSql(by), communityIds, months);
}

/** A rate in tenths of a percent, rounded half up in integers: 1 of 3 → 333 (33.3 %). Null when nothing was billed. */
export const permille = (part: number, whole: number) =>
  whole === 0 ? null : Math.floor((part * 2000 + whole) / (2 * whole));

type Counts = { billedFen: number; collectedFen: number; bills: number; settledBills: number };
const noCounts = (): Counts => ({ billedFen: 0, collectedFen: 0, bills: 0, settledBills: 0 });
const plus = (a: Counts, b: Counts): Counts => ({
  billedFen: a.billedFen + b.billedFen,
  collectedFen: a.collectedFen + b.collectedFen,
  bills: a.bills + b.bills,
  settledBills: a.settledBills + b.settledBills,
});
const rated = (c: Counts) => ({
  ...c,
  outstandingFen: c.billedFen - c.collectedFen,
  ratePermille: permille(c.collectedFen, c.billedFen),
});
export type Rate = ReturnType<typeof rated> & {
  key: string;
  name: string;
  byPayer: Record<Payer, ReturnType<typeof rated>>;
};

function rate(key: string, name: string, byPayer: Record<Payer, Counts>): Rate {
  return {
    key,
    name,
    ...rated(plus(byPayer.OWNER, byPayer.DEVELOPER)),
    byPayer: { OWNER: rated(byPayer.OWNER), DEVELOPER: rated(byPayer.DEVELOPER) },
  };
}

/** The rows of one key (a building, a community) and payer folded into one rate per key, in the query's order. */
function shapeRates(rows: CollectionRow[]): Rate[] {
  const byKey = new Map<string, { name: string; byPayer: Record<Payer, Counts> }>();
  for (const r of rows) {
    if (!byKey.has(r.key)) byKey.set(r.key, { name: r.name, byPayer: { OWNER: noCounts(), DEVELOPER: noCounts() } });
    byKey.get(r.key)!.byPayer[r.payer] = {
      billedFen: Number(r.billedFen),
      collectedFen: Number(r.collectedFen),
      bills: r.bills,
      settledBills: r.settledBills,
    };
  }
  return [...byKey].map(([key, k]) => rate(key, k.name, k.byPayer));
}

const sumRates = (rows: Rate[], name: string) =>
  rate('total', name, {
    OWNER: rows.reduce((s, r) => plus(s, r.byPayer.OWNER), noCounts()),
    DEVELOPER: rows.reduce((s, r) => plus(s, r.byPayer.DEVELOPER), noCounts()),
  });

/** The six months up to `month`, oldest first. */
function monthsUpTo(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const k = y * 12 + (m - 1) - (count - 1 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

/** A community's collection rate for a period, by building, with the community's monthly trend (six months up to the period's end). */
export async function collectionReport(deps: Deps, userId: string, communityId: string, q: { period: string }) {
  await requireRole(deps.db, userId, communityId, [...REPORT_ROLES]);
  const period = parsePeriod(q.period)!;
  const buildings = shapeRates(await collectionRows(deps, [communityId], period.months, 'building'));
  const trendMonths = monthsUpTo(period.months.at(-1)!, 6);
  const trend = await Promise.all(
    trendMonths.map(async (month) => ({
      month,
      ...sumRates(shapeRates(await collectionRows(deps, [communityId], [month], 'community')), month),
    })),
  );
  return {
    period: q.period,
    buildings,
    total: sumRates(buildings, '全小区'),
    trend: trend.map(({ month, billedFen, collectedFen, ratePermille }) => ({
      month,
      billedFen,
      collectedFen,
      ratePermille,
    })),
  };
}

/** The collection rate of each of `communityIds` for one period (a community with nothing billed has no row). */
export const collectionByCommunity = async (deps: Deps, communityIds: string[], period: string) =>
  shapeRates(await collectionRows(deps, communityIds, parsePeriod(period)!.months, 'community'));

/** For a company's office: each community the caller keeps the money of, compared for one period. */
export async function communitiesCollection(deps: Deps, userId: string, q: { period: string }) {
  const mine = [...(await staffRolesByCommunity(deps.db, userId)).values()].filter((c) =>
    c.roles.some((r) => (REPORT_ROLES as readonly string[]).includes(r)),
  );
  if (mine.length === 0) throw new AppError('NOT_FOUND', '报表不存在');
  const rows = await collectionByCommunity(
    deps,
    mine.map((c) => c.communityId),
    q.period,
  );
  return { period: q.period, communities: rows, total: sumRates(rows, '全部小区') };
}
