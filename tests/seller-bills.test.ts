import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { makeCommunity } from './support/factories/index.js';
import { buyerFromMonth, isSellersBill, notSellersBillWhere, sellersBillSql } from '../bff/src/units/ownership.js';

/**
 * The seller's-bill rule (docs/roles.md, Ownership transfer) is written once in units/ownership.ts, for
 * TypeScript (`isSellersBill` over `buyerFromMonth`), for SQL (`sellersBillSql`, the arrears list and
 * the reminders) and as a Prisma filter (`notSellersBillWhere`, one unit's bills). Here PostgreSQL evaluates
 * the SQL over every kind of date, and the filter over bills of every month and payer, and each answer is
 * compared with the TypeScript one, so the three can never drift.
 */
const h = useHarness();

// The 1st, the 2nd, a month's last day, February's, a year's turn; and a unit never transferred (null).
const DATES = ['2026-03-01', '2026-03-02', '2026-03-31', '2026-02-28', '2024-02-29', '2026-12-31', '2027-01-01', null];
const MONTHS = ['2024-02', '2026-01', '2026-02', '2026-03', '2026-04', '2026-12', '2027-01', '2027-02'];
const PAYERS = ['OWNER', 'DEVELOPER'] as const;

describe('one rule for a former owner’s bill', () => {
  it('SQL and TypeScript agree on every date, month and payer', async () => {
    const cases = DATES.flatMap((onDate) =>
      MONTHS.flatMap((firstMonth) => PAYERS.map((payer) => ({ onDate, firstMonth, payer }))),
    );
    const rows = await h.db.$queryRawUnsafe<{ i: number; seller: boolean }[]>(
      `SELECT c.i, ${sellersBillSql('b', 'c."onDate"')} AS seller
         FROM jsonb_to_recordset($1::jsonb) AS c(i int, "onDate" text, "firstMonth" text, "payer" text),
              LATERAL (SELECT c."firstMonth" AS "firstMonth", c."payer" AS "payer") b
        ORDER BY c.i`,
      JSON.stringify(cases.map((c, i) => ({ i, ...c }))),
    );
    const fromTs = cases.map((c) => isSellersBill(c.onDate === null ? undefined : buyerFromMonth(c.onDate), c));
    expect(rows.map((r) => r.seller)).toEqual(fromTs);
    expect(await fromPrismaFilter(cases)).toEqual(fromTs);
    // The rule itself, spelled out: a transfer on the 1st leaves that month to the buyer, on any other day
    // the month is the seller's; a developer's bill never is; nothing is before a transfer that never was.
    const seller = (onDate: string | null, firstMonth: string, payer: 'OWNER' | 'DEVELOPER' = 'OWNER') =>
      fromTs[cases.findIndex((c) => c.onDate === onDate && c.firstMonth === firstMonth && c.payer === payer)];
    expect([seller('2026-03-01', '2026-02'), seller('2026-03-01', '2026-03')]).toEqual([true, false]);
    expect([seller('2026-03-02', '2026-03'), seller('2026-03-31', '2026-04')]).toEqual([true, false]);
    expect([seller('2026-12-31', '2026-12'), seller('2026-12-31', '2027-01')]).toEqual([true, false]);
    expect([seller('2026-03-02', '2026-01', 'DEVELOPER'), seller(null, '2024-02')]).toEqual([false, false]);
    expect(fromTs.filter(Boolean).length).toBeGreaterThan(10);
  });
});

type Case = { onDate: string | null; firstMonth: string; payer: 'OWNER' | 'DEVELOPER' };

/**
 * The Prisma filter over real bills: one bill per month and payer (a unit per payer, as a month of one unit
 * and slot is billed once whoever pays), each date's filter applied to them; a bill it leaves out is a seller's.
 */
async function fromPrismaFilter(cases: Case[]) {
  const site = await makeCommunity(h.db, { units: 2 });
  const item = await h.db.feeItem.create({
    data: { communityId: site.community.id, kind: 'ONE_OFF', name: '装修垃圾清运费', amountFen: 100 },
  });
  const unitOf = { OWNER: site.units[0]!.id, DEVELOPER: site.units[1]!.id };
  const bills = new Map<string, string>();
  const runId = randomUUID();
  for (const firstMonth of MONTHS)
    for (const payer of PAYERS) {
      const bill = await h.db.bill.create({
        data: {
          communityId: site.community.id,
          unitId: unitOf[payer],
          feeItemId: item.id,
          period: firstMonth,
          firstMonth,
          months: 1,
          payer,
          amountFen: 100,
          detail: '规则对照',
          dueAt: new Date('2027-03-01T00:00:00Z'),
          runId,
        },
      });
      bills.set(`${firstMonth}|${payer}`, bill.id);
    }
  const kept = new Map<string | null, Set<string>>();
  for (const onDate of DATES) {
    const found = await h.db.bill.findMany({
      where: {
        id: { in: [...bills.values()] },
        ...notSellersBillWhere(onDate === null ? undefined : buyerFromMonth(onDate)),
      },
      select: { id: true },
    });
    kept.set(onDate, new Set(found.map((b) => b.id)));
  }
  return cases.map((c) => !kept.get(c.onDate)!.has(bills.get(`${c.firstMonth}|${c.payer}`)!));
}
