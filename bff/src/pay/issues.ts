import { randomUUID } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';

/**
 * A payment for a person to look at (the cashier's issue list), recorded once per kind and order — for
 * the refund kinds, once per kind and refund: `outTradeNo` is then the refund's out_refund_no.
 */
export async function flagIssue(
  deps: Deps,
  communityId: string,
  kind:
    'AMOUNT_MISMATCH' | 'OVERPAYMENT' | 'SETTLE_FAILED' | 'REFUND_ABNORMAL' | 'REFUND_CLOSED' | 'REFUND_TO_MERCHANT',
  outTradeNo: string,
  detail: object,
  tx: Prisma.TransactionClient | Deps['db'] = deps.db,
) {
  await tx.$executeRaw`
    INSERT INTO "PaymentIssue" ("id", "communityId", "kind", "outTradeNo", "detail", "createdAt")
    VALUES (${randomUUID()}::uuid, ${communityId}::uuid, ${kind}::"PaymentIssueKind", ${outTradeNo}, ${JSON.stringify(detail)}::jsonb, ${deps.clock.now()})
    ON CONFLICT ("kind", "outTradeNo") DO NOTHING`;
}
