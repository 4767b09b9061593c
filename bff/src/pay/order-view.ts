import type { Prisma } from '@prisma/client';

export const orderInclude = {
  items: {
    include: {
      bill: {
        include: {
          feeItem: { select: { name: true, kind: true } },
          unit: {
            select: {
              number: true,
              building: { select: { name: true } },
              community: { select: { name: true, company: { select: { name: true } } } },
            },
          },
        },
      },
    },
  },
} as const;

export type OrderWithItems = Prisma.PayOrderGetPayload<{ include: typeof orderInclude }>;

/**
 * A WeChat order as the resident sees it; once paid it is the receipt: receipt number, the payer's
 * unit, items with periods, amount, time and WeChat's transaction id.
 */
export function shapeOrder(o: OrderWithItems) {
  return {
    id: o.id,
    outTradeNo: o.outTradeNo,
    state: o.state,
    amountFen: o.amountFen,
    description: o.description,
    createdAt: o.createdAt,
    expiresAt: o.expiresAt,
    paidAt: o.paidAt,
    closedAt: o.closedAt,
    transactionId: o.transactionId,
    receiptNo: o.receiptNo,
    /** 收款方: the property company of the bills' community (an order is for one community's bills). */
    payee: payeeOf(o),
    items: o.items.map((i) => ({
      billId: i.billId,
      unit: `${i.bill.unit.building.name} ${i.bill.unit.number}`,
      name: i.bill.feeItem.name,
      period: i.bill.period,
      opening: i.bill.opening,
      detail: i.bill.detail,
      amountFen: i.amountFen,
      lateFeeFen: i.lateFeeFen,
    })),
  };
}

function payeeOf(o: OrderWithItems) {
  const community = o.items[0]?.bill.unit.community;
  return community ? { company: community.company.name, community: community.name } : null;
}

export type OrderView = ReturnType<typeof shapeOrder>;
