import type { MemberRelation, Prisma } from '@prisma/client';
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
 * The first month that is the buyer's after a transfer on `onDate` ('YYYY-MM-DD'): a bill whose period
 * began before the date (its first month < this) was owed by the seller.
 */
export const buyerFromMonth = (onDate: string): string =>
  onDate.endsWith('-01') ? onDate.slice(0, 7) : nextMonth(onDate.slice(0, 7));

/** Per unit with a transfer: the first month of its latest owner (bills before it are a former owner's). */
export async function sellerCutoffs(db: Db, unitIds: string[]): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.ownershipTransfer.groupBy({
    by: ['unitId'],
    where: { unitId: { in: unitIds } },
    _max: { onDate: true },
  });
  return new Map(rows.filter((r) => r._max.onDate).map((r) => [r.unitId, buyerFromMonth(r._max.onDate!)]));
}

/** Whether a bill (its unit and first month) was a former owner's, given the units' `sellerCutoffs`. */
export function isSellers(cutoffs: Map<string, string>, bill: { unitId: string; firstMonth: string }): boolean {
  const from = cutoffs.get(bill.unitId);
  return from !== undefined && bill.firstMonth < from;
}
