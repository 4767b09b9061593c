import type { BillPayer, MemberRelation, Prisma } from '@prisma/client';
import type { Db } from '../db.js';
import { nextMonth } from '../fees/periods.js';

/** The roster's owners of record: 业主 and 共有人. Family and tenants are never owners of record. */
export const OWNER_RELATIONS: MemberRelation[] = ['OWNER', 'CO_OWNER'];
/** Who an owner of record approves and removes (docs/roles.md, Households). */
export const HOUSEHOLD_RELATIONS: MemberRelation[] = ['FAMILY', 'TENANT'];

/**
 * A membership of an owner of record in the app: verified as an owner because the roster confirmed
 * the phone (a roster match, or bound by a transfer) — not an owner claim the office approved by hand.
 */
export const ROSTER_OWNER = {
  status: 'VERIFIED',
  relation: { in: OWNER_RELATIONS },
  autoApproved: true,
} satisfies Prisma.UnitMembershipWhereInput;

/** Whether the user is an owner of record of the unit in the app, and still on its roster. */
export async function isOwnerOfRecord(db: Db | Prisma.TransactionClient, userId: string, unitId: string) {
  const m = await db.unitMembership.findFirst({
    where: { userId, unitId, ...ROSTER_OWNER },
    select: { user: { select: { phone: true } } },
  });
  if (!m?.user.phone) return false;
  const onRoster = await db.ownerRosterEntry.count({
    where: { unitId, phone: m.user.phone, relation: { in: OWNER_RELATIONS } },
  });
  return onRoster > 0;
}

/**
 * The cutoff rule, the only copy (docs/roles.md, Ownership transfer): a bill whose period began before
 * the unit's latest transfer date was the seller's to pay. A bill of several months follows its first
 * month; a developer's bill is never the seller's. `isSellersBill` decides it in TypeScript from
 * `buyerFromMonth`, `sellersBillSql` in SQL from the transfer date itself; tests/seller-bills.test.ts
 * runs both over every kind of date and checks they agree.
 */

/**
 * The first month that is the buyer's after a transfer on `onDate` ('YYYY-MM-DD'): a bill whose period
 * began before the date (its first month < this) was owed by the seller.
 */
export const buyerFromMonth = (onDate: string): string =>
  onDate.endsWith('-01') ? onDate.slice(0, 7) : nextMonth(onDate.slice(0, 7));

/** Whether a bill was a former owner's, given its unit's buyer's first month (undefined: never transferred). */
export function isSellersBill(buyerFrom: string | undefined, bill: { payer: BillPayer; firstMonth: string }): boolean {
  return bill.payer === 'OWNER' && buyerFrom !== undefined && bill.firstMonth < buyerFrom;
}

/**
 * The same rule as SQL: `bill` is the alias of a "Bill" row, `onDate` an expression for the unit's latest
 * transfer date ('YYYY-MM-DD', NULL when none). "The period's first day is before the date" is exactly
 * "its first month is before buyerFromMonth(date)". Both arguments are written by our code, never input.
 */
export const sellersBillSql = (bill: string, onDate: string): string =>
  `(${bill}."payer" = 'OWNER' AND ${onDate} IS NOT NULL AND ${bill}."firstMonth" || '-01' < ${onDate})`;

/** The same rule as a Prisma filter for one unit's bills: those that are NOT a former owner's. */
export const notSellersBillWhere = (buyerFrom: string | undefined): Prisma.BillWhereInput =>
  buyerFrom === undefined ? {} : { OR: [{ payer: { not: 'OWNER' } }, { firstMonth: { gte: buyerFrom } }] };

/** Per unit with a transfer: the first month of its latest owner (bills before it are a former owner's). */
export async function sellerCutoffs(
  db: Db | Prisma.TransactionClient,
  unitIds: string[],
): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.ownershipTransfer.groupBy({
    by: ['unitId'],
    where: { unitId: { in: unitIds } },
    _max: { onDate: true },
  });
  return new Map(rows.filter((r) => r._max.onDate).map((r) => [r.unitId, buyerFromMonth(r._max.onDate!)]));
}

/** Whether a bill (its unit, payer and first month) was a former owner's, given the units' `sellerCutoffs`. */
export function isSellers(
  cutoffs: Map<string, string>,
  bill: { unitId: string; payer: BillPayer; firstMonth: string },
): boolean {
  return isSellersBill(cutoffs.get(bill.unitId), bill);
}
