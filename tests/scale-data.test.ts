import { beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { generateCompany, scaleSize, unitsOf, type ScaleCompany } from '../scripts/lib/scale-data.js';
import { useHarness } from './support/use-harness.js';

/**
 * The company `BENCH_ONLY=scale` generates (#28, scripts/lib/scale-data.ts), at a tiny size: the counts
 * it promises, the months table its skipped trigger would have kept, a ledger entry per paid bill — and
 * the application's own billing run agreeing with it (the month it left out is made, the months it
 * billed are not billed again).
 */
const clock = new ManualClock(atBeijing('2026-12-03', 10 * 60)); // a fixed instant, not today
const h = useHarness({ clock });
const size = scaleSize({ SCALE_UNITS: '30', SCALE_COMMUNITIES: '3', SCALE_MONTHS: '3' });
let company: ScaleCompany;
const one = async <T>(sql: string, values: unknown[] = []) => (await h.db.$queryRawUnsafe<T[]>(sql, ...values))[0]!;

beforeAll(async () => {
  const connect = async () => {
    const c = new pg.Client({ connectionString: h.deps.config.databaseUrl });
    await c.connect();
    return c;
  };
  company = await generateCompany(connect, size, '2026-12', () => {}, 2);
});

describe('the scale company', () => {
  it('has the communities, units and bills asked for', async () => {
    expect(size).toEqual({ communities: 3, units: 30, big: 6, months: 3 });
    expect([0, 1, 2].map((k) => unitsOf(size, k))).toEqual([6, 12, 12]);
    const units = await h.db.unit.groupBy({
      by: ['communityId'],
      where: { communityId: { in: company.communityIds } },
      _count: true,
    });
    expect(new Map(units.map((u) => [u.communityId, u._count]))).toEqual(
      new Map(company.communityIds.map((id, k) => [id, unitsOf(size, k)])),
    );
    const bills = await one<{ n: number; units: number; months: string[]; wrong: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT "unitId")::int AS units, array_agg(DISTINCT "firstMonth" ORDER BY "firstMonth") AS months,
              count(*) FILTER (WHERE "amountFen" <> round(u."buildingArea" * 235))::int AS wrong
         FROM "Bill" b JOIN "Unit" u ON u."id" = b."unitId" WHERE b."communityId" = ANY($1::uuid[])`,
      [company.communityIds],
    );
    expect(bills).toEqual({ n: 90, units: 30, months: ['2026-09', '2026-10', '2026-11'], wrong: 0 });
  });

  it('writes a month row per bill and a ledger entry per paid bill', async () => {
    const months = await one<{ n: number; orphans: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE b."id" IS NULL OR bill_month_number(b."firstMonth") <> m."month")::int AS orphans
         FROM "BillMonth" m LEFT JOIN "Bill" b ON b."id" = m."billId"`,
    );
    expect(months).toEqual({ n: 90, orphans: 0 });
    const paid = await one<{ n: number; fen: number; open: number }>(
      `SELECT count(*)::int AS n, sum("paidFen")::int AS fen, count(*) FILTER (WHERE "state" = 'UNPAID')::int AS open
         FROM "Bill" WHERE "state" = 'PAID' OR "state" = 'UNPAID'`,
    );
    const ledger = await one<{ n: number; fen: number }>(
      `SELECT count(*)::int AS n, sum("amountFen")::int AS fen FROM "LedgerEntry" WHERE "kind" = 'WECHAT_PAYMENT'`,
    );
    expect(ledger).toEqual({ n: paid.n - paid.open, fen: paid.fen });
  });

  it('agrees with the billing run: the next month is made, a billed one is not billed again', async () => {
    const admin = await h.loginAs('scale-test-admin');
    const user = await h.db.wechatIdentity.findFirstOrThrow({ where: { openid: 'scale-test-admin' } });
    await h.db.staffRole.create({ data: { userId: user.userId, companyId: company.companyId, role: 'COMPANY_ADMIN' } });
    const run = (period: string) =>
      h.call('POST', `/api/staff/communities/${company.communityIds[1]}/billing/runs`, {
        token: admin,
        body: { period },
      });
    const fresh = await run('2026-12');
    expect(fresh.status).toBe(200);
    expect(fresh.body.created.bills).toBe(12);
    const again = await run('2026-11');
    expect(again.status).toBe(200);
    expect(again.body.created.bills).toBe(0);
    expect(again.body.conflicts).toBe(0);
  });
});
