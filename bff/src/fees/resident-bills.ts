import type { Bill, FeeItem, FeeSettings } from '@prisma/client';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { requireRole } from '../access/guards.js';
import { keyset, toPage } from '../http/params.js';
import { lateCharge } from './money.js';
import type { z } from 'zod';
import type { ZBillListQuery } from './schema.js';
import { isSellers, isSellersBill, notSellersBillWhere, sellerCutoffs } from '../units/ownership.js';

const DAY = 86_400_000;
const OPEN_STATES = ['UNPAID', 'PAYING'] as const;
const SETTLED_STATES = ['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'WAIVED'] as const;

/** The late charge a bill carries today: its own line, on the principal only, capped (docs/domain.md §4). */
export function lateFeeOf(settings: FeeSettings | null, bill: Pick<Bill, 'amountFen' | 'dueAt'>, now: Date): number {
  if (!settings?.lateFeeEnabled) return 0;
  const days = Math.floor((now.getTime() - bill.dueAt.getTime()) / DAY) - settings.lateFeeGraceDays;
  return lateCharge(bill.amountFen, days, settings.lateFeeBpsPerDay, settings.lateFeeCapBps);
}

export function shapeBill(
  b: Bill & { feeItem: Pick<FeeItem, 'name' | 'kind'>; orderItems?: { orderId: string }[] },
  lateFeeFen: number,
  buyerFrom?: string,
) {
  return {
    id: b.id,
    unitId: b.unitId,
    item: { name: b.feeItem.name, kind: b.feeItem.kind },
    period: b.period,
    /** 期初: an arrear from before the system, brought in by the import (docs/import.md). */
    opening: b.opening,
    /**
     * 前业主欠费: the period began before the unit's latest transfer (docs/roles.md, Ownership
     * transfer), so it was the seller's to pay; it stays with the unit but is not the new owner's arrear.
     */
    seller: isSellersBill(buyerFrom, b),
    firstMonth: b.firstMonth,
    months: b.months,
    detail: b.detail,
    amountFen: b.amountFen,
    lateFeeFen,
    payableFen: b.amountFen + lateFeeFen,
    dueAt: b.dueAt,
    state: b.state,
    paidFen: b.paidFen,
    refundedFen: b.refundedFen,
    paidAt: b.paidAt,
    waivedReason: b.waivedReason,
    /** The pending WeChat order this bill is locked to, so the page can resume it. */
    orderId: b.lockedOrderId,
    payer: b.payer,
    /** The WeChat order that paid it: its receipt. */
    receiptOrderId: b.orderItems?.[0]?.orderId ?? null,
  };
}

/** The units a resident may pay for: verified members (owners, family, tenants who pay on their behalf). */
const myUnit = (userId: string) => ({ memberships: { some: { userId, status: 'VERIFIED' as const } } });

type Group = {
  unitId: string;
  payer: Bill['payer'];
  firstMonth: string;
  _count: number;
  _sum: { amountFen: number | null };
};

/** Open bills grouped by what the seller's rule reads (ownership.ts, isSellers). */
const BY: ['unitId', 'payer', 'firstMonth'] = ['unitId', 'payer', 'firstMonth'];

/** Groups by (unit, payer, month) added up per unit. */
function totals(groups: Group[]) {
  const out = new Map<string, { _count: number; _sum: { amountFen: number } }>();
  for (const g of groups) {
    const t = out.get(g.unitId) ?? { _count: 0, _sum: { amountFen: 0 } };
    t._count += g._count;
    t._sum.amountFen += g._sum.amountFen ?? 0;
    out.set(g.unitId, t);
  }
  return out;
}

/** Per unit: how many owner's bills are open and their total, for the fee page's header. */
export async function billSummary(deps: Deps, userId: string) {
  const units = await deps.db.unit.findMany({
    where: myUnit(userId),
    select: {
      id: true,
      number: true,
      building: { select: { name: true } },
      community: { select: { id: true, name: true, company: { select: { name: true } } } },
    },
    orderBy: [{ communityId: 'asc' }, { number: 'asc' }],
  });
  const unitIds = units.map((u) => u.id);
  const openWhere = { unitId: { in: unitIds }, payer: 'OWNER' as const, state: { in: [...OPEN_STATES] } };
  const [open, overdue, cutoffs] = await Promise.all([
    deps.db.bill.groupBy({ by: BY, where: openWhere, _count: true, _sum: { amountFen: true } }),
    deps.db.bill.groupBy({
      by: BY,
      where: { ...openWhere, dueAt: { lt: deps.clock.now() } },
      _count: true,
      _sum: { amountFen: true },
    }),
    sellerCutoffs(deps.db, unitIds),
  ]);
  // A former owner's bills (a transfer, docs/roles.md, Owners and households) are counted apart: not the owner's arrear.
  const sellers = (g: Group) => isSellers(cutoffs, g);
  const byUnit = totals(open.filter((g) => !sellers(g)));
  const overdueByUnit = totals(overdue.filter((g) => !sellers(g)));
  const sellersByUnit = totals(open.filter(sellers));
  return {
    units: units.map((u) => ({
      unitId: u.id,
      label: `${u.building.name} ${u.number}`,
      community: { id: u.community.id, name: u.community.name },
      /** 收款方: the property company that bills this home (named on the bill page and the receipt). */
      payee: u.community.company.name,
      openBills: byUnit.get(u.id)?._count ?? 0,
      openFen: byUnit.get(u.id)?._sum.amountFen ?? 0,
      /** 欠费: open bills past their due date (the home page shows it; reminders and reports only). */
      overdueBills: overdueByUnit.get(u.id)?._count ?? 0,
      overdueFen: overdueByUnit.get(u.id)?._sum.amountFen ?? 0,
      /** 前业主欠费: open bills of a former owner, shown apart and never counted as this owner's. */
      sellerBills: sellersByUnit.get(u.id)?._count ?? 0,
      sellerFen: sellersByUnit.get(u.id)?._sum.amountFen ?? 0,
    })),
  };
}

/**
 * One unit's bills of the given payers: open ones oldest first (all of them — the law's order for
 * applying a payment, art. 560), or settled ones newest first, paged.
 */
export async function unitBills(
  deps: Deps,
  unit: { id: string; communityId: string },
  payers: ('OWNER' | 'DEVELOPER')[],
  q: Omit<z.infer<typeof ZBillListQuery>, 'unitId'>,
  viewer: 'resident' | 'staff',
) {
  const settings = await deps.db.feeSettings.findUnique({ where: { communityId: unit.communityId } });
  const now = deps.clock.now();
  const buyerFrom = (await sellerCutoffs(deps.db, [unit.id])).get(unit.id);
  if (q.status === 'unpaid') {
    const bills = await deps.db.bill.findMany({
      where: { unitId: unit.id, payer: { in: payers }, state: { in: [...OPEN_STATES] } },
      include: { feeItem: { select: { name: true, kind: true } } },
      orderBy: [{ firstMonth: 'asc' }, { feeItem: { kind: 'asc' } }, { feeItem: { name: 'asc' } }, { id: 'asc' }],
    });
    const items = bills.map((b) => shapeBill(b, lateFeeOf(settings, b, now), buyerFrom));
    // A resident's total is theirs to pay: a former owner's bills are counted apart, as in billSummary. The
    // office's is the unit's whole debt, the former owner's part included (and named by sellerFen).
    const own = viewer === 'resident' ? items.filter((b) => !b.seller) : items;
    const sellers = items.filter((b) => b.seller);
    return {
      items,
      nextCursor: null,
      total: own.length,
      totalFen: own.reduce((s, b) => s + b.payableFen, 0),
      sellerBills: sellers.length,
      sellerFen: sellers.reduce((s, b) => s + b.payableFen, 0),
    };
  }
  const page = keyset('createdAt', q.cursor, q.limit, 'desc');
  // A resident's history is their own: a former owner's settled bills (their waivers, their refunds) are not shown.
  const ownOnly = viewer === 'resident' ? notSellersBillWhere(buyerFrom) : {};
  // AND, not spread: the page's keyset condition is an OR of its own.
  const settled = { unitId: unit.id, payer: { in: payers }, state: { in: [...SETTLED_STATES] }, AND: [ownOnly] };
  const total = await deps.db.bill.count({ where: settled });
  const rows = await deps.db.bill.findMany({
    where: { ...settled, ...page.where },
    include: {
      feeItem: { select: { name: true, kind: true } },
      orderItems: { where: { order: { state: 'PAID' } }, select: { orderId: true }, take: 1 },
    },
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = toPage(rows, q.limit, (b) => b.createdAt);
  return { items: items.map((b) => shapeBill(b, 0, buyerFrom)), nextCursor, total, totalFen: null };
}

/** A resident's view of one of their units: the owner's bills only (developer bills are not theirs). */
export async function listUnitBills(deps: Deps, userId: string, q: z.infer<typeof ZBillListQuery>) {
  const unit = await deps.db.unit.findFirst({
    where: { id: q.unitId, ...myUnit(userId) },
    select: { id: true, communityId: true },
  });
  if (!unit) throw notFound('房屋');
  return unitBills(deps, unit, ['OWNER'], q, 'resident');
}

/** The cashier's view of a unit of their community: every bill, the developer's too. */
export async function listStaffUnitBills(
  deps: Deps,
  userId: string,
  communityId: string,
  q: z.infer<typeof ZBillListQuery>,
) {
  await requireRole(deps.db, userId, communityId, ['CASHIER', 'MANAGER', 'COMPANY_ADMIN']);
  const unit = await deps.db.unit.findFirst({
    where: { id: q.unitId, communityId },
    select: { id: true, communityId: true },
  });
  if (!unit) throw notFound('房屋');
  return unitBills(deps, unit, ['OWNER', 'DEVELOPER'], q, 'staff');
}
