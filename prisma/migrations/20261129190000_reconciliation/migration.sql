-- Daily reconciliation against WeChat Pay's trade bill (issue 10, docs/wechat.md §5).
CREATE TABLE "ReconcileRun" (
    "day" TEXT NOT NULL,
    "matchedCount" INTEGER NOT NULL DEFAULT 0,
    "matchedFen" BIGINT NOT NULL DEFAULT 0,
    "refundMatchedCount" INTEGER NOT NULL DEFAULT 0,
    "refundMatchedFen" BIGINT NOT NULL DEFAULT 0,
    "differenceCount" INTEGER NOT NULL DEFAULT 0,
    "wechatFeeFen" BIGINT NOT NULL DEFAULT 0,
    "wechatRows" INTEGER NOT NULL DEFAULT 0,
    "completedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ReconcileRun_pkey" PRIMARY KEY ("day")
);

CREATE TYPE "ReconcileKind" AS ENUM ('ONLY_WECHAT', 'ONLY_OURS', 'AMOUNT_MISMATCH', 'STATUS_MISMATCH');
CREATE TABLE "ReconcileDifference" (
    "id" UUID NOT NULL,
    "day" TEXT NOT NULL REFERENCES "ReconcileRun"("day"),
    "kind" "ReconcileKind" NOT NULL,
    "outTradeNo" TEXT NOT NULL,
    "outRefundNo" TEXT,
    "communityId" UUID,
    "wechatFen" INTEGER,
    "ourFen" INTEGER,
    "detail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" UUID,
    "note" TEXT,
    CONSTRAINT "ReconcileDifference_pkey" PRIMARY KEY ("id")
);
-- A re-run finds the same differences again: one row each (a payment has no refund number: NULLS NOT DISTINCT).
CREATE UNIQUE INDEX "ReconcileDifference_key" ON "ReconcileDifference"("day", "kind", "outTradeNo", "outRefundNo") NULLS NOT DISTINCT;
CREATE INDEX "ReconcileDifference_communityId_resolvedAt_idx" ON "ReconcileDifference"("communityId", "resolvedAt");
