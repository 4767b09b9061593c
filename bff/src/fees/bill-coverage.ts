import type { BillPayer } from '@prisma/client';
import { monthNumber, type Period } from './periods.js';

/**
 * Which months are billed already (docs/domain.md §4, Billing runs): no two bills of one unit, charge
 * slot and parking space cover the same month, whoever pays them; a waived bill no longer counts. The database enforces it (the
 * key "Bill_month_once" on the months of BillMonth); generation reads what exists and judges each line before
 * it is made, so a run skips what is billed and reports what would now be split otherwise.
 */

/** A bill already made that covers some month of the period. */
export type BilledRange = {
  id: string;
  feeItemId: string;
  slot: string;
  unitId: string;
  parkingSpaceId: string | null;
  payer: BillPayer;
  firstMonth: string;
  months: number;
  amountFen: number;
  state: string;
};

type Covering = { slot: string; unitId: string; parkingSpaceId: string | null };
/** One unit, charge slot (chargeSlot in bill-lines.ts) and space: the months of a group are billed once. */
export const groupKey = (l: Covering) => `${l.slot}|${l.unitId}|${l.parkingSpaceId ?? ''}`;

/** The longest bill covers a year: a bill starting 11 months before the period may still reach into it. */
const LONGEST_BILL_MONTHS = 12;
const monthLabel = (n: number) => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;

/**
 * The bills of a community covering any month of `period`, in two indexed reads: those starting in the
 * period, and those of several months starting up to 11 months before it that still reach into it. The
 * second read has an index of its own ("Bill_communityId_firstMonth_long_idx", only bills of more than
 * one month): a monthly run of a community billed monthly for a year no longer reads its eleven earlier
 * months to keep none of them (docs/scale.md, Figures).
 */
export function overlappingBills(period: Period): { text: string; values: (communityId: string) => unknown[] } {
  const first = monthNumber(period.months[0]!);
  return {
    text: `SELECT "id", "feeItemId", "slot", "unitId", "parkingSpaceId", "payer"::text AS "payer", "firstMonth", "months", "amountFen", "state"::text AS "state"
             FROM "Bill"
            WHERE "communityId" = $1::uuid AND "state" <> 'WAIVED'
              AND (("firstMonth" >= $5 AND "firstMonth" <= $3)
                OR ("months" > 1 AND "firstMonth" >= $2 AND "firstMonth" < $5 AND bill_month_number("firstMonth") + "months" > $4))`,
    values: (communityId) => [
      communityId,
      monthLabel(first - LONGEST_BILL_MONTHS + 1),
      period.months.at(-1)!,
      first,
      period.months[0]!,
    ],
  };
}

/**
 * A line is `billed` when a bill of the same payer covers exactly its months (a re-run), `fresh` when
 * no month of it is billed, and a `conflict` otherwise: the payer split has changed since (a delivery
 * date recorded or corrected), which the cashier settles by hand — never by billing a month twice.
 */
export type Verdict = 'billed' | 'fresh' | 'conflict';

export function coverage(existing: BilledRange[]) {
  const byGroup = new Map<string, BilledRange[]>();
  for (const b of existing) {
    const key = groupKey(b);
    const list = byGroup.get(key);
    if (list) list.push(b);
    else byGroup.set(key, [b]);
  }
  const covering = (l: Covering & { firstMonth: string; months: number }) => {
    const from = monthNumber(l.firstMonth);
    const to = from + l.months;
    return (byGroup.get(groupKey(l)) ?? []).filter((b) => {
      const start = monthNumber(b.firstMonth);
      return start < to && start + b.months > from;
    });
  };
  const judge = (l: Covering & { payer: BillPayer; firstMonth: string; months: number }): Verdict => {
    const over = covering(l);
    if (over.length === 0) return 'fresh';
    const [b] = over;
    return over.length === 1 && b!.payer === l.payer && b!.firstMonth === l.firstMonth && b!.months === l.months
      ? 'billed'
      : 'conflict';
  };
  return { judge, billedIn: (key: string) => byGroup.get(key) ?? [], items: new Set(existing.map((b) => b.feeItemId)) };
}
