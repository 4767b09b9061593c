-- Fees, bills, WeChat Pay orders, refunds and the money ledger (docs/domain.md §4, docs/wechat.md §5).
ALTER TABLE "Building" ADD COLUMN "buildingType" TEXT;

CREATE TYPE "FeeKind" AS ENUM ('PROPERTY', 'PARKING', 'ONE_OFF', 'SHARED');
CREATE TYPE "BillingCycle" AS ENUM ('MONTH', 'QUARTER', 'YEAR');
CREATE TABLE "FeeItem" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL REFERENCES "Community"("id"),
    "kind" "FeeKind" NOT NULL,
    "name" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL CHECK ("amountFen" > 0),
    "cycle" "BillingCycle",
    "buildingType" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FeeItem_pkey" PRIMARY KEY ("id"),
    -- recurring items have a cycle, one-off and shared ones do not
    CONSTRAINT "FeeItem_cycle_check" CHECK (("kind" IN ('PROPERTY', 'PARKING')) = ("cycle" IS NOT NULL))
);
CREATE INDEX "FeeItem_communityId_idx" ON "FeeItem"("communityId");

CREATE TABLE "FeeSettings" (
    "communityId" UUID NOT NULL REFERENCES "Community"("id"),
    "lateFeeEnabled" BOOLEAN NOT NULL DEFAULT false,
    "lateFeeBpsPerDay" INTEGER NOT NULL DEFAULT 0 CHECK ("lateFeeBpsPerDay" BETWEEN 0 AND 100),
    "lateFeeCapBps" INTEGER NOT NULL DEFAULT 0 CHECK ("lateFeeCapBps" BETWEEN 0 AND 10000),
    "lateFeeGraceDays" INTEGER NOT NULL DEFAULT 0 CHECK ("lateFeeGraceDays" >= 0),
    CONSTRAINT "FeeSettings_pkey" PRIMARY KEY ("communityId")
);

CREATE TYPE "BillPayer" AS ENUM ('OWNER', 'DEVELOPER');
CREATE TYPE "BillState" AS ENUM ('UNPAID', 'PAYING', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'WAIVED');
CREATE TABLE "Bill" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL REFERENCES "Community"("id"),
    "unitId" UUID NOT NULL REFERENCES "Unit"("id"),
    "feeItemId" UUID NOT NULL REFERENCES "FeeItem"("id"),
    "parkingSpaceId" UUID REFERENCES "ParkingSpace"("id"),
    "period" TEXT NOT NULL,
    "firstMonth" TEXT NOT NULL,
    "months" INTEGER NOT NULL CHECK ("months" BETWEEN 1 AND 12),
    "payer" "BillPayer" NOT NULL,
    "amountFen" INTEGER NOT NULL CHECK ("amountFen" > 0),
    "detail" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "state" "BillState" NOT NULL DEFAULT 'UNPAID',
    "paidFen" INTEGER NOT NULL DEFAULT 0,
    "refundedFen" INTEGER NOT NULL DEFAULT 0,
    "lockedOrderId" UUID,
    "paidAt" TIMESTAMP(3),
    "waivedReason" TEXT,
    "waivedById" UUID,
    "runId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Bill_pkey" PRIMARY KEY ("id"),
    -- refunds never exceed what was paid; a bill in payment is locked to exactly one order
    CONSTRAINT "Bill_money_check" CHECK ("paidFen" >= 0 AND "refundedFen" >= 0 AND "refundedFen" <= "paidFen"),
    CONSTRAINT "Bill_lock_check" CHECK (("state" = 'PAYING') = ("lockedOrderId" IS NOT NULL))
);
-- Generating a period twice creates nothing new: one bill per unit, item, space, period and payer.
-- Led by the unit, it also serves every "this unit's bills" query (a unit has tens of bills a year).
CREATE UNIQUE INDEX "Bill_generation_key" ON "Bill"("unitId", "feeItemId", "parkingSpaceId", "period", "payer") NULLS NOT DISTINCT;
CREATE INDEX "Bill_communityId_period_idx" ON "Bill"("communityId", "period");
CREATE INDEX "Bill_lockedOrderId_idx" ON "Bill"("lockedOrderId") WHERE "lockedOrderId" IS NOT NULL;

CREATE TABLE "BillingRun" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL REFERENCES "Community"("id"),
    "period" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "billCount" INTEGER NOT NULL,
    "totalFen" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BillingRun_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "BillingRun_communityId_createdAt_idx" ON "BillingRun"("communityId", "createdAt");

CREATE TYPE "PayOrderState" AS ENUM ('PENDING', 'PAID', 'CLOSED');
CREATE TABLE "PayOrder" (
    "id" UUID NOT NULL,
    "outTradeNo" TEXT NOT NULL,
    "communityId" UUID NOT NULL REFERENCES "Community"("id"),
    "userId" UUID NOT NULL REFERENCES "User"("id"),
    "openid" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL CHECK ("amountFen" > 0),
    "description" TEXT NOT NULL,
    "state" "PayOrderState" NOT NULL DEFAULT 'PENDING',
    "prepayId" TEXT,
    "prepayAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "paidAt" TIMESTAMP(3),
    "transactionId" TEXT,
    "closedAt" TIMESTAMP(3),
    "receiptNo" TEXT,
    "settledAt" TIMESTAMP(3),
    CONSTRAINT "PayOrder_pkey" PRIMARY KEY ("id")
);
-- Paid orders whose receipt, push and any overpayment refund are still to be done (the settle job's queue).
CREATE INDEX "PayOrder_unsettled_idx" ON "PayOrder"("communityId", "paidAt") WHERE "state" = 'PAID' AND "settledAt" IS NULL;
CREATE UNIQUE INDEX "PayOrder_outTradeNo_key" ON "PayOrder"("outTradeNo");
CREATE UNIQUE INDEX "PayOrder_transactionId_key" ON "PayOrder"("transactionId");
-- Partial where the column is mostly null or changes once: an update that leaves such an index does not
-- write to it (the credit statement is the payment hot path).
CREATE UNIQUE INDEX "PayOrder_receiptNo_key" ON "PayOrder"("receiptNo") WHERE "receiptNo" IS NOT NULL;
CREATE INDEX "PayOrder_pending_idx" ON "PayOrder"("expiresAt") WHERE "state" = 'PENDING';

CREATE TABLE "PayOrderItem" (
    "orderId" UUID NOT NULL REFERENCES "PayOrder"("id"),
    "billId" UUID NOT NULL REFERENCES "Bill"("id"),
    "amountFen" INTEGER NOT NULL CHECK ("amountFen" > 0),
    "lateFeeFen" INTEGER NOT NULL DEFAULT 0 CHECK ("lateFeeFen" >= 0),
    CONSTRAINT "PayOrderItem_pkey" PRIMARY KEY ("orderId", "billId")
);
CREATE INDEX "PayOrderItem_billId_idx" ON "PayOrderItem"("billId");

CREATE TABLE "ReceiptCounter" (
    "communityId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,
    CONSTRAINT "ReceiptCounter_pkey" PRIMARY KEY ("communityId", "year")
);

CREATE TYPE "RefundKind" AS ENUM ('CASHIER', 'OVERPAYMENT');
CREATE TYPE "RefundState" AS ENUM ('PENDING', 'PROCESSING', 'SUCCESS', 'CLOSED', 'ABNORMAL');
CREATE TABLE "Refund" (
    "id" UUID NOT NULL,
    "outRefundNo" TEXT NOT NULL,
    "orderId" UUID NOT NULL REFERENCES "PayOrder"("id"),
    "billId" UUID REFERENCES "Bill"("id"),
    "communityId" UUID NOT NULL,
    "kind" "RefundKind" NOT NULL,
    "amountFen" INTEGER NOT NULL CHECK ("amountFen" > 0),
    "reason" TEXT NOT NULL,
    "state" "RefundState" NOT NULL DEFAULT 'PENDING',
    "refundId" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "succeededAt" TIMESTAMP(3),
    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Refund_outRefundNo_key" ON "Refund"("outRefundNo");
CREATE INDEX "Refund_orderId_idx" ON "Refund"("orderId");

CREATE TYPE "LedgerKind" AS ENUM ('WECHAT_PAYMENT', 'REFUND', 'OVERPAYMENT', 'COUNTER_PAYMENT', 'VOID', 'WAIVER');
CREATE TABLE "LedgerEntry" (
    "id" BIGSERIAL NOT NULL,
    "communityId" UUID NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "billId" UUID,
    "orderId" UUID,
    "refundId" UUID,
    "amountFen" INTEGER NOT NULL,
    "actorId" UUID,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "LedgerEntry_communityId_at_idx" ON "LedgerEntry"("communityId", "at");
CREATE INDEX "LedgerEntry_billId_idx" ON "LedgerEntry"("billId");
-- Append-only: a money record is corrected by a new entry, never by editing or deleting an old one.
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RAISE EXCEPTION ''LedgerEntry is append-only''; END';
CREATE TRIGGER "LedgerEntry_append_only" BEFORE UPDATE OR DELETE ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

CREATE TYPE "PaymentIssueKind" AS ENUM ('AMOUNT_MISMATCH', 'OVERPAYMENT');
CREATE TABLE "PaymentIssue" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "kind" "PaymentIssueKind" NOT NULL,
    "outTradeNo" TEXT NOT NULL,
    "detail" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedBy" UUID,
    "note" TEXT,
    CONSTRAINT "PaymentIssue_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "PaymentIssue_kind_outTradeNo_key" ON "PaymentIssue"("kind", "outTradeNo");
CREATE INDEX "PaymentIssue_communityId_resolvedAt_idx" ON "PaymentIssue"("communityId", "resolvedAt");
