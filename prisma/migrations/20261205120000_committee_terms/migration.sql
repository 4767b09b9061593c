-- Issue 27, the committee (docs/roles.md §The committee): terms entered with their filing evidence,
-- their members and offices; the roles end with the term.

CREATE TYPE "CommitteeOffice" AS ENUM ('DIRECTOR', 'DEPUTY', 'MEMBER');

CREATE TABLE "CommitteeTerm" (
  "id" UUID NOT NULL,
  "companyId" UUID NOT NULL REFERENCES "PropertyCompany"("id"),
  "communityId" UUID NOT NULL REFERENCES "Community"("id"),
  "startsOn" TEXT NOT NULL,
  "endsOn" TEXT NOT NULL,
  "filedOn" TEXT NOT NULL,
  "receiptUploadId" UUID NOT NULL REFERENCES "Upload"("id"),
  "electionId" UUID REFERENCES "Election"("id"),
  "confirmedById" UUID NOT NULL REFERENCES "User"("id"),
  "confirmedAt" TIMESTAMP(3) NOT NULL,
  "remindedAt" TIMESTAMP(3),
  "endedAt" TIMESTAMP(3),
  "endedReason" TEXT,
  CONSTRAINT "CommitteeTerm_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "CommitteeTerm_days" CHECK ("startsOn" < "endsOn" AND "filedOn" ~ '^\d{4}-\d{2}-\d{2}$'),
  CONSTRAINT "CommitteeTerm_ended_whole" CHECK (("endedAt" IS NULL) = ("endedReason" IS NULL))
);
CREATE UNIQUE INDEX "CommitteeTerm_receiptUploadId_key" ON "CommitteeTerm"("receiptUploadId");
CREATE UNIQUE INDEX "CommitteeTerm_electionId_key" ON "CommitteeTerm"("electionId");
CREATE INDEX "CommitteeTerm_communityId_endedAt_idx" ON "CommitteeTerm"("communityId", "endedAt");
CREATE INDEX "CommitteeTerm_endedAt_endsOn_idx" ON "CommitteeTerm"("endedAt", "endsOn");
-- One running term per community: two admins confirming at once cannot both succeed.
CREATE UNIQUE INDEX "CommitteeTerm_one_running" ON "CommitteeTerm"("communityId") WHERE "endedAt" IS NULL;

CREATE TABLE "CommitteeMember" (
  "termId" UUID NOT NULL REFERENCES "CommitteeTerm"("id"),
  "userId" UUID NOT NULL REFERENCES "User"("id"),
  "office" "CommitteeOffice" NOT NULL,
  CONSTRAINT "CommitteeMember_pkey" PRIMARY KEY ("termId", "userId")
);
CREATE INDEX "CommitteeMember_userId_idx" ON "CommitteeMember"("userId");
