-- Payments taken at the desk (cash, bank transfer, POS) with receipts from the community's one series, and voids (issue 10).
CREATE TYPE "CounterChannel" AS ENUM ('CASH', 'TRANSFER', 'POS');
CREATE TYPE "CounterPaymentState" AS ENUM ('RECORDED', 'VOID_REQUESTED', 'VOIDED');
CREATE TABLE "CounterPayment" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL REFERENCES "Community"("id"),
    "unitId" UUID NOT NULL REFERENCES "Unit"("id"),
    "channel" "CounterChannel" NOT NULL,
    "amountFen" INTEGER NOT NULL CHECK ("amountFen" > 0),
    "payerName" TEXT,
    "receiptNo" TEXT NOT NULL,
    "state" "CounterPaymentState" NOT NULL DEFAULT 'RECORDED',
    "takenById" UUID NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,
    "voidReason" TEXT,
    "voidRequestedById" UUID,
    "voidApprovedById" UUID,
    "voidedAt" TIMESTAMP(3),
    CONSTRAINT "CounterPayment_pkey" PRIMARY KEY ("id"),
    -- four eyes: the approver of a void is never the one who asked for it
    CONSTRAINT "CounterPayment_void_check" CHECK ("voidApprovedById" IS NULL OR "voidApprovedById" <> "voidRequestedById")
);
CREATE UNIQUE INDEX "CounterPayment_receiptNo_key" ON "CounterPayment"("receiptNo");
CREATE INDEX "CounterPayment_communityId_takenAt_idx" ON "CounterPayment"("communityId", "takenAt");

CREATE TABLE "CounterPaymentItem" (
    "paymentId" UUID NOT NULL REFERENCES "CounterPayment"("id"),
    "billId" UUID NOT NULL REFERENCES "Bill"("id"),
    "amountFen" INTEGER NOT NULL CHECK ("amountFen" > 0),
    CONSTRAINT "CounterPaymentItem_pkey" PRIMARY KEY ("paymentId", "billId")
);
CREATE INDEX "CounterPaymentItem_billId_idx" ON "CounterPaymentItem"("billId");
