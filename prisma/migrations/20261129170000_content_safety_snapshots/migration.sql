-- Content safety (docs/wechat.md §7) and snapshots (随手拍, docs/domain.md §2).
ALTER TABLE "RepairRequest" ADD COLUMN "textHeld" BOOLEAN NOT NULL DEFAULT false, ADD COLUMN "ratingCommentHeld" BOOLEAN NOT NULL DEFAULT false;

CREATE TYPE "ReviewStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');
CREATE TABLE "ContentReview" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "recordId" UUID NOT NULL,
    "text" TEXT,
    "uploadId" UUID,
    "reason" TEXT NOT NULL,
    "label" INTEGER,
    "traceId" TEXT,
    "status" "ReviewStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ContentReview_pkey" PRIMARY KEY ("id")
);
-- One review per thing held back: a text (uploadId null) or one photo of a record. NULLS NOT DISTINCT (PostgreSQL 15).
CREATE UNIQUE INDEX "ContentReview_kind_recordId_uploadId_key" ON "ContentReview"("kind", "recordId", "uploadId") NULLS NOT DISTINCT;
CREATE INDEX "ContentReview_communityId_status_createdAt_idx" ON "ContentReview"("communityId", "status", "createdAt");

CREATE TYPE "MediaCheckStatus" AS ENUM ('PENDING', 'PASS', 'REVIEW', 'RISKY');
CREATE TABLE "MediaCheck" (
    "id" UUID NOT NULL,
    "uploadId" UUID NOT NULL,
    "recordKind" TEXT NOT NULL,
    "recordId" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "traceId" TEXT,
    "status" "MediaCheckStatus" NOT NULL DEFAULT 'PENDING',
    "requestedAt" TIMESTAMP(3),
    "verdictAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "MediaCheck_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "MediaCheck_uploadId_key" ON "MediaCheck"("uploadId");
CREATE UNIQUE INDEX "MediaCheck_traceId_key" ON "MediaCheck"("traceId");
CREATE INDEX "MediaCheck_status_requestedAt_idx" ON "MediaCheck"("status", "requestedAt");

CREATE TYPE "SnapshotKind" AS ENUM ('PRAISE', 'SUGGESTION', 'PROBLEM');
CREATE TYPE "SnapshotStatus" AS ENUM ('SUBMITTED', 'ACCEPTED', 'HANDLED', 'CLOSED', 'AUTO_CLOSED');
CREATE TABLE "Snapshot" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "kind" "SnapshotKind" NOT NULL,
    "text" TEXT NOT NULL,
    "place" TEXT,
    "textHeld" BOOLEAN NOT NULL DEFAULT false,
    "status" "SnapshotStatus" NOT NULL DEFAULT 'SUBMITTED',
    "wallConsent" BOOLEAN NOT NULL DEFAULT false,
    "openedAt" TIMESTAMP(3),
    "handledAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "rehandleCount" INTEGER NOT NULL DEFAULT 0,
    "autoCloseAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Snapshot_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Snapshot_wall_praise_only" CHECK (NOT "wallConsent" OR "kind" = 'PRAISE')
);
CREATE INDEX "Snapshot_communityId_status_createdAt_idx" ON "Snapshot"("communityId", "status", "createdAt");
CREATE INDEX "Snapshot_authorId_createdAt_idx" ON "Snapshot"("authorId", "createdAt");
CREATE INDEX "Snapshot_autoCloseAt_idx" ON "Snapshot"("autoCloseAt");
ALTER TABLE "Snapshot" ADD CONSTRAINT "Snapshot_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "SnapshotMessage" (
    "id" UUID NOT NULL,
    "snapshotId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "fromStaff" BOOLEAN NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "held" BOOLEAN NOT NULL DEFAULT false,
    "at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "SnapshotMessage_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "SnapshotMessage_snapshotId_at_idx" ON "SnapshotMessage"("snapshotId", "at");
ALTER TABLE "SnapshotMessage" ADD CONSTRAINT "SnapshotMessage_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "Snapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;
