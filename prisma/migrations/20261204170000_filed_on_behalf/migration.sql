-- 代客报修 / 代客登记 (issue 30): a repair or a 随手拍 the office filed for a resident who phoned or walked in.
-- The record itself stays the resident's (its reporter/author is them); this row says who typed it, how
-- the resident reached the office, and for which unit. One per record.
CREATE TYPE "FilingChannel" AS ENUM ('PHONE', 'VISIT');

CREATE TABLE "FiledOnBehalf" (
  "id" UUID NOT NULL,
  "recordKind" TEXT NOT NULL,
  "recordId" UUID NOT NULL,
  "communityId" UUID NOT NULL REFERENCES "Community"("id"),
  "unitId" UUID NOT NULL REFERENCES "Unit"("id"),
  "residentId" UUID NOT NULL REFERENCES "User"("id"),
  "filedById" UUID NOT NULL REFERENCES "User"("id"),
  "channel" "FilingChannel" NOT NULL,
  "at" TIMESTAMP(3) NOT NULL,
  CONSTRAINT "FiledOnBehalf_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "FiledOnBehalf_kind" CHECK ("recordKind" IN ('repair', 'snapshot'))
);
CREATE UNIQUE INDEX "FiledOnBehalf_recordKind_recordId_key" ON "FiledOnBehalf"("recordKind", "recordId");
CREATE INDEX "FiledOnBehalf_communityId_at_idx" ON "FiledOnBehalf"("communityId", "at");
