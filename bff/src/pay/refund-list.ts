import { z } from 'zod';
import type { Deps } from '../deps.js';
import { requireRole } from '../access/guards.js';
import { keyset, toPage, ZPageQuery } from '../http/params.js';

export const REFUND_STATES = ['PENDING', 'PROCESSING', 'SUCCESS', 'ABNORMAL', 'CLOSED', 'TO_MERCHANT'] as const;
export const ZRefundListQuery = ZPageQuery.extend({
  state: z.enum(REFUND_STATES, '退款状态无效').optional(),
});

/**
 * A community's refunds, newest first, with their states (docs/wechat.md §5, Refunds) and the bill and
 * unit they are for: the console's refund list. Paged by keyset with the total.
 */
export async function listRefunds(
  deps: Deps,
  userId: string,
  communityId: string,
  q: z.infer<typeof ZRefundListQuery>,
) {
  await requireRole(deps.db, userId, communityId, ['CASHIER', 'MANAGER']);
  const where = { communityId, ...(q.state ? { state: q.state } : {}) };
  const page = keyset('createdAt', q.cursor, q.limit, 'desc');
  const [total, rows] = await Promise.all([
    deps.db.refund.count({ where }),
    deps.db.refund.findMany({
      where: { ...where, ...page.where },
      include: {
        order: { select: { outTradeNo: true } },
        bill: {
          select: {
            period: true,
            feeItem: { select: { name: true } },
            unit: { select: { id: true, number: true, building: { select: { name: true } } } },
          },
        },
      },
      orderBy: page.orderBy,
      take: page.take,
    }),
  ]);
  const { items, nextCursor } = toPage(rows, q.limit, (r) => r.createdAt);
  return {
    items: items.map((r) => ({
      id: r.id,
      outRefundNo: r.outRefundNo,
      outTradeNo: r.order.outTradeNo,
      kind: r.kind,
      amountFen: r.amountFen,
      reason: r.reason,
      state: r.state,
      createdAt: r.createdAt,
      succeededAt: r.succeededAt,
      receivedAccount: r.receivedAccount,
      bill: r.bill ? { item: r.bill.feeItem.name, period: r.bill.period } : null,
      unit: r.bill ? { id: r.bill.unit.id, label: `${r.bill.unit.building.name} ${r.bill.unit.number}` } : null,
    })),
    nextCursor,
    total,
  };
}
