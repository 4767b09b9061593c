import type { Deps } from '../deps.js';
import { requireRole } from '../access/guards.js';
import { AppError, notFound } from '../errors.js';
import { writeCommunityAudit } from '../roles/audit-write.js';

/**
 * A manager waives an unpaid bill (a published discount rule or a settlement), with the reason and who
 * decided it kept on the bill, in the ledger and in the
 * company's audit log (docs/roles.md, Audit log). A bill in payment or already paid cannot be waived.
 */
export async function waiveBill(deps: Deps, userId: string, billId: string, reason: string) {
  const bill = await deps.db.bill.findUnique({ where: { id: billId }, select: { communityId: true, amountFen: true } });
  if (!bill) throw notFound('账单');
  await requireRole(deps.db, userId, bill.communityId, ['MANAGER'], '账单');
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const moved = await tx.bill.updateMany({
      where: { id: billId, state: 'UNPAID' },
      data: { state: 'WAIVED', waivedReason: reason, waivedById: userId },
    });
    if (moved.count === 0) throw new AppError('BILLS_NOT_PAYABLE', '只有未缴的账单可以减免（正在支付或已缴清的不行）');
    await tx.ledgerEntry.create({
      data: {
        communityId: bill.communityId,
        kind: 'WAIVER',
        billId,
        amountFen: bill.amountFen,
        actorId: userId,
        note: reason,
        at: now,
      },
    });
    await writeCommunityAudit(tx, {
      communityId: bill.communityId,
      actorId: userId,
      kind: 'BILL_WAIVED',
      subjectId: billId,
      before: { state: 'UNPAID', amountFen: bill.amountFen },
      after: { state: 'WAIVED', amountFen: bill.amountFen },
      reason,
      at: now,
    });
    return tx.bill.findUniqueOrThrow({ where: { id: billId } });
  });
}
