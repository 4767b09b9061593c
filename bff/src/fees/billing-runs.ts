import { z } from 'zod';
import type { BillingRun } from '@prisma/client';
import type { Deps } from '../deps.js';
import { requireRole } from '../access/guards.js';
import { AppError, notFound } from '../errors.js';
import { writeCommunityAudit } from '../roles/audit-write.js';
import { keyset, toPage, ZPageQuery, ZText } from '../http/params.js';

export const ZUndoRun = z.object({ reason: ZText({ min: 4, max: 200, label: '撤销原因' }) });
export const ZRunListQuery = ZPageQuery;

/** Undo deletes a whole run's bills (tens of thousands in a large community) in one transaction. */
const UNDO_TRANSACTION = { timeout: 60_000, maxWait: 10_000 } as const;

const shapeRun = (r: BillingRun) => ({ ...r, totalFen: Number(r.totalFen) });

/** A community's billing runs, newest first, with any undo (who, when, why); paged by keyset. */
export async function listBillingRuns(
  deps: Deps,
  userId: string,
  communityId: string,
  q: z.infer<typeof ZRunListQuery>,
) {
  await requireRole(deps.db, userId, communityId, ['CASHIER', 'MANAGER', 'COMPANY_ADMIN']);
  const page = keyset('createdAt', q.cursor, q.limit, 'desc');
  const [total, rows] = await Promise.all([
    deps.db.billingRun.count({ where: { communityId } }),
    deps.db.billingRun.findMany({ where: { communityId, ...page.where }, orderBy: page.orderBy, take: page.take }),
  ]);
  const { items, nextCursor } = toPage(rows, q.limit, (r) => r.createdAt);
  // The total is the console's "paging with a total" (docs/console.md §Billing runs).
  return { items: items.map(shapeRun), nextCursor, total };
}

/**
 * A manager undoes a billing run (docs/domain.md §4, Billing runs): only while every bill of it is
 * untouched — unpaid, never in a WeChat order or a counter payment, no ledger entry (the ledger is
 * append-only, so a bill with money or a waiver recorded against it stays). Its bills are deleted and
 * the period can be generated again; the run is kept, with who undid it, when and why. Under the
 * community's billing lock (as generation), the run's bills locked first, so a payment starting now
 * waits and then finds them gone; a reference the check missed fails the delete and rolls back.
 */
export async function undoBillingRun(deps: Deps, userId: string, communityId: string, runId: string, reason: string) {
  await requireRole(deps.db, userId, communityId, ['MANAGER'], '账单生成记录');
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(${`billing:${communityId}`}, 0))) AS locked`;
    const run = await tx.billingRun.findFirst({ where: { id: runId, communityId } });
    if (!run) throw notFound('账单生成记录');
    if (run.undoneAt) throw new AppError('ALREADY_DECIDED', '这次账单生成已经撤销');
    // Locked in the counter's order (counter-payments.ts, openBillsOf), so the two never deadlock.
    await tx.$queryRaw`
      SELECT 1 FROM "Bill" b JOIN "FeeItem" f ON f."id" = b."feeItemId" WHERE b."runId" = ${runId}::uuid
       ORDER BY b."firstMonth", f."kind", f."name", b."id" FOR UPDATE OF b`;
    const [touched] = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS "n" FROM "Bill" b
       WHERE b."runId" = ${runId}::uuid
         AND (b."state" <> 'UNPAID' OR b."paidFen" <> 0 OR b."refundedFen" <> 0
              OR EXISTS (SELECT 1 FROM "LedgerEntry" l WHERE l."billId" = b."id")
              OR EXISTS (SELECT 1 FROM "PayOrderItem" i WHERE i."billId" = b."id")
              OR EXISTS (SELECT 1 FROM "CounterPaymentItem" i WHERE i."billId" = b."id")
              OR EXISTS (SELECT 1 FROM "Refund" r WHERE r."billId" = b."id"))`;
    if (touched!.n > 0)
      throw new AppError(
        'CONFLICT',
        `这次生成的账单中有 ${touched!.n} 笔已缴费、已减免或发起过支付（账目已记录），这次生成已不能撤销`,
      );
    await tx.$executeRaw`DELETE FROM "Bill" WHERE "runId" = ${runId}::uuid`;
    await writeCommunityAudit(tx, {
      communityId,
      actorId: userId,
      kind: 'BILLING_RUN_UNDONE',
      subjectId: runId,
      before: { period: run.period, billCount: run.billCount, totalFen: Number(run.totalFen) },
      after: { undone: true, billsDeleted: run.billCount },
      reason,
      at: now,
    });
    return shapeRun(
      await tx.billingRun.update({
        where: { id: runId },
        data: { undoneAt: now, undoneById: userId, undoReason: reason },
      }),
    );
    // A large run deletes many bills: the default 5 s interactive transaction is too short.
  }, UNDO_TRANSACTION);
}
