-- Reports (issue 10): a counter payment's ledger entries (and their voids) name the payment, so takings split by channel.
ALTER TABLE "LedgerEntry" ADD COLUMN "counterPaymentId" UUID REFERENCES "CounterPayment"("id");

-- Arrears reminders (issue 10): the record kept as evidence that a unit was reminded, and of what.
CREATE TABLE "ArrearsReminder" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL REFERENCES "Community"("id"),
    "unitId" UUID NOT NULL REFERENCES "Unit"("id"),
    "amountFen" INTEGER NOT NULL CHECK ("amountFen" > 0),
    "bills" INTEGER NOT NULL,
    "oldestPeriod" TEXT NOT NULL,
    "items" TEXT NOT NULL,
    "payBy" TEXT NOT NULL,
    "recipients" INTEGER NOT NULL,
    "pushed" INTEGER NOT NULL,
    "sentById" UUID NOT NULL REFERENCES "User"("id"),
    "sentAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ArrearsReminder_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ArrearsReminder_unitId_sentAt_idx" ON "ArrearsReminder"("unitId", "sentAt");
CREATE INDEX "ArrearsReminder_communityId_sentAt_idx" ON "ArrearsReminder"("communityId", "sentAt");
