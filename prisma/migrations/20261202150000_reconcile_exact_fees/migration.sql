-- WeChat writes fees (手续费, 手续费总金额) with five decimals: the day's fee total is kept exactly, in
-- 1/1000 fen (10⁻⁵ yuan), no longer in fen. Earlier runs could only have read whole-fen fees.
ALTER TABLE "ReconcileRun" RENAME COLUMN "wechatFeeFen" TO "wechatFeeMilliFen";
UPDATE "ReconcileRun" SET "wechatFeeMilliFen" = "wechatFeeMilliFen" * 1000;

-- A refund row's 退款状态 is a snapshot taken when the bill was cut (PROCESSING for a refund that
-- succeeded later): with equal amounts it is a note for the cashier, not a difference.
ALTER TYPE "ReconcileKind" ADD VALUE 'STATUS_NOTE';

-- WeChat dates a refund's trade-bill row by when it accepted the refund (create_time of the refund
-- answer), not when we recorded it: a refund recorded before midnight and accepted after it is in the
-- next day's bill. Refunds recorded before this have none; reconciliation falls back to createdAt.
ALTER TABLE "Refund" ADD COLUMN "acceptedAt" TIMESTAMP(3);
