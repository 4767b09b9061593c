import { z } from 'zod';
import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { requireOtherPerson } from '../access/guards.js';
import { AppError } from '../errors.js';
import { ZText } from '../http/params.js';
import { writeCommunityAudit } from '../roles/audit-write.js';
import { counterView, paymentOf } from './counter-payments.js';

/**
 * The second person's decision on a void request (docs/console.md §Void approval): a MANAGER of the
 * community who neither took the payment nor asked for the void approves (the money is reversed) or
 * rejects with a reason (the receipt stands again). Each is one conditional state change, so of two
 * decisions at once, or a repeat, only the first takes effect; the others answer ALREADY_DECIDED.
 */
export const ZVoidRejection = z.object({ reason: ZText({ min: 4, max: 200, label: '驳回原因' }) });

type Payment = Awaited<ReturnType<typeof paymentOf>>;

/** The audit trail of a decision (AuditEvent: never updated), written in the decision's transaction. */
async function audit(
  tx: Prisma.TransactionClient,
  p: Payment,
  actorId: string,
  at: Date,
  approved: boolean,
  reason: string,
) {
  await writeCommunityAudit(tx, {
    communityId: p.communityId,
    actorId,
    kind: approved ? 'COUNTER_VOID_APPROVED' : 'COUNTER_VOID_REJECTED',
    subjectId: p.id,
    before: { state: 'VOID_REQUESTED', voidReason: p.voidReason, voidRequestedById: p.voidRequestedById },
    after: { state: approved ? 'VOIDED' : 'RECORDED' },
    reason,
    at,
  });
}

async function decidable(deps: Deps, userId: string, id: string) {
  const p = await paymentOf(deps, userId, id, ['MANAGER']);
  if (p.state !== 'VOID_REQUESTED') throw new AppError('ALREADY_DECIDED', '这笔收款没有待审批的作废申请');
  requireOtherPerson(userId, p.voidRequestedById ?? userId);
  requireOtherPerson(userId, p.takenById);
  return p;
}

/** Approve: bills go back to unpaid (unless refunded or paid again meanwhile), the ledger records VOID entries. */
export async function approveVoid(deps: Deps, userId: string, id: string) {
  const p = await decidable(deps, userId, id);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const moved = await tx.counterPayment.updateMany({
      // The very request checked above: one rejected and asked again meanwhile (perhaps by this caller) is not it.
      where: { id, state: 'VOID_REQUESTED', voidRequestedById: p.voidRequestedById, voidReason: p.voidReason },
      data: { state: 'VOIDED', voidApprovedById: userId, voidedAt: now },
    });
    if (moved.count === 0) throw new AppError('ALREADY_DECIDED', '这笔收款没有待审批的作废申请');
    // Locked in the counter's order (counter-payments.ts, openBillsOf), as a billing-run undo does, so the two never deadlock.
    await tx.$queryRaw`
      SELECT 1 FROM "Bill" b JOIN "FeeItem" f ON f."id" = b."feeItemId"
        JOIN "CounterPaymentItem" i ON i."billId" = b."id"
       WHERE i."paymentId" = ${id}::uuid
       ORDER BY b."firstMonth", f."kind", f."name", b."id" FOR UPDATE OF b`;
    const items = await tx.counterPaymentItem.findMany({ where: { paymentId: id } });
    for (const i of items) {
      const back = await tx.bill.updateMany({
        where: { id: i.billId, state: 'PAID', refundedFen: 0, paidFen: i.amountFen },
        data: { state: 'UNPAID', paidFen: 0, paidAt: null },
      });
      if (back.count === 0)
        throw new AppError('CONFLICT', '账单在收款后已有变动（退款或再次缴费），不能直接作废，请先处理账单');
      await tx.ledgerEntry.create({
        data: {
          communityId: p.communityId,
          kind: 'VOID',
          billId: i.billId,
          amountFen: -i.amountFen,
          actorId: userId,
          at: now,
          counterPaymentId: id,
          note: `作废 ${p.receiptNo}：${p.voidReason}`,
        },
      });
    }
    await audit(tx, p, userId, now, true, p.voidReason ?? '');
    return counterView(tx, id);
  });
}

/** Reject: the receipt is valid again (RECORDED), no money moves; the request and the reason stay in the audit trail. */
export async function rejectVoid(deps: Deps, userId: string, id: string, reason: string) {
  const p = await decidable(deps, userId, id);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const moved = await tx.counterPayment.updateMany({
      // The very request checked above: one rejected and asked again meanwhile (perhaps by this caller) is not it.
      where: { id, state: 'VOID_REQUESTED', voidRequestedById: p.voidRequestedById, voidReason: p.voidReason },
      data: { state: 'RECORDED', voidReason: null, voidRequestedById: null },
    });
    if (moved.count === 0) throw new AppError('ALREADY_DECIDED', '这笔收款没有待审批的作废申请');
    await audit(tx, p, userId, now, false, reason);
    return counterView(tx, id);
  });
}
