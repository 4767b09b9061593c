-- Where a refund's money went (docs/wechat.md §5, Refunds): the merchant's own account is not the resident's.
ALTER TYPE "RefundState" ADD VALUE 'TO_MERCHANT';
ALTER TABLE "Refund" ADD COLUMN "channel" TEXT, ADD COLUMN "receivedAccount" TEXT;
ALTER TYPE "PaymentIssueKind" ADD VALUE 'REFUND_ABNORMAL';
ALTER TYPE "PaymentIssueKind" ADD VALUE 'REFUND_CLOSED';
ALTER TYPE "PaymentIssueKind" ADD VALUE 'REFUND_TO_MERCHANT';
