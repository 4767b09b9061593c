-- Issue 27, Owners and households (docs/roles.md, Owners and households): a sale is recorded as a transfer of the unit on a
-- date; the seller's memberships end (kept, marked ENDED, not deleted: who belonged when stays known),
-- and an owner of record may end a family member's or tenant's membership.

ALTER TYPE "MembershipStatus" ADD VALUE 'ENDED';

ALTER TABLE "UnitMembership"
  ADD COLUMN "endedAt" TIMESTAMP(3),
  ADD COLUMN "endedById" UUID,
  ADD COLUMN "endReason" TEXT;

CREATE TABLE "OwnershipTransfer" (
  "id" UUID NOT NULL,
  "communityId" UUID NOT NULL REFERENCES "Community"("id"),
  "unitId" UUID NOT NULL REFERENCES "Unit"("id"),
  "onDate" TEXT NOT NULL CHECK ("onDate" ~ '^\d{4}-\d{2}-\d{2}$'),
  "sellers" JSONB NOT NULL,
  "buyers" JSONB NOT NULL,
  "reason" TEXT NOT NULL,
  "evidence" TEXT NOT NULL,
  "recordedById" UUID NOT NULL REFERENCES "User"("id"),
  "recordedAt" TIMESTAMP(3) NOT NULL,
  CONSTRAINT "OwnershipTransfer_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "OwnershipTransfer_communityId_recordedAt_idx" ON "OwnershipTransfer"("communityId", "recordedAt");
CREATE INDEX "OwnershipTransfer_unitId_onDate_idx" ON "OwnershipTransfer"("unitId", "onDate");
