import { z } from 'zod';
import type { Deps } from '../deps.js';
import { requireRole } from '../access/guards.js';
import { keyset, toPage, ZId, ZPageQuery } from '../http/params.js';

export const ZCounterPaymentQuery = ZPageQuery.extend({
  unitId: ZId.optional(),
  state: z.enum(['RECORDED', 'VOID_REQUESTED', 'VOIDED'], '状态只能是 RECORDED、VOID_REQUESTED 或 VOIDED').optional(),
});

/**
 * A community's counter payments (receipts), newest first, for the console's bills of a unit and its
 * void requests: paged by keyset with the total. Another community's unit simply finds nothing.
 */
export async function listCounterPayments(
  deps: Deps,
  userId: string,
  communityId: string,
  q: z.infer<typeof ZCounterPaymentQuery>,
) {
  await requireRole(deps.db, userId, communityId, ['CASHIER', 'MANAGER']);
  const where = { communityId, ...(q.unitId ? { unitId: q.unitId } : {}), ...(q.state ? { state: q.state } : {}) };
  const page = keyset('takenAt', q.cursor, q.limit, 'desc');
  const [total, rows] = await Promise.all([
    deps.db.counterPayment.count({ where }),
    deps.db.counterPayment.findMany({
      where: { ...where, ...page.where },
      include: { _count: { select: { items: true } } },
      orderBy: page.orderBy,
      take: page.take,
    }),
  ]);
  const { items, nextCursor } = toPage(rows, q.limit, (r) => r.takenAt);
  const units = await deps.db.unit.findMany({
    where: { id: { in: [...new Set(items.map((p) => p.unitId))] } },
    select: { id: true, number: true, building: { select: { name: true } } },
  });
  const unitLabel = new Map(units.map((u) => [u.id, `${u.building.name} ${u.number}`]));
  const people = await deps.db.user.findMany({
    where: { id: { in: [...new Set(items.flatMap((p) => [p.takenById, p.voidRequestedById ?? p.takenById]))] } },
    select: { id: true, name: true },
  });
  const names = new Map(people.map((u) => [u.id, u.name]));
  return {
    items: items.map(({ _count, ...p }) => ({
      id: p.id,
      receiptNo: p.receiptNo,
      unitId: p.unitId,
      unit: unitLabel.get(p.unitId) ?? '',
      channel: p.channel,
      amountFen: p.amountFen,
      state: p.state,
      takenAt: p.takenAt,
      takenByName: names.get(p.takenById) ?? '收银员',
      voidReason: p.voidReason,
      /** Who asked for the void (the managers' queue, docs/console.md §Void approval). */
      voidRequestedByName: p.voidRequestedById ? (names.get(p.voidRequestedById) ?? '工作人员') : null,
      bills: _count.items,
    })),
    nextCursor,
    total,
  };
}
