-- Owners' votes and committee elections (issue 11), counted as the Civil Code says (docs/domain.md §5).
CREATE TYPE "ElectionKind" AS ENUM ('ELECTION', 'MATTER');
CREATE TYPE "MatterClass" AS ENUM ('ORDINARY', 'SPECIAL');
CREATE TYPE "ElectionState" AS ENUM ('DRAFT', 'PUBLISHED', 'OPEN', 'CLOSED', 'TALLIED', 'RESULTS_PUBLISHED', 'ARCHIVED');
CREATE TYPE "BallotChannel" AS ENUM ('ONLINE', 'PAPER', 'PROXY');

CREATE TABLE "Election" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL REFERENCES "Community"("id"),
    "buildingId" UUID REFERENCES "Building"("id"),
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "ElectionKind" NOT NULL,
    "class" "MatterClass" NOT NULL,
    "seats" INTEGER NOT NULL CHECK ("seats" >= 1),
    "state" "ElectionState" NOT NULL DEFAULT 'DRAFT',
    "allowChange" BOOLEAN NOT NULL DEFAULT false,
    "deliveredCounts" BOOLEAN NOT NULL DEFAULT false,
    "silenceFollows" BOOLEAN NOT NULL DEFAULT false,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "createdById" UUID NOT NULL REFERENCES "User"("id"),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "result" JSONB,
    CONSTRAINT "Election_pkey" PRIMARY KEY ("id"),
    -- a committee is elected in odd numbers; a matter is one question
    CONSTRAINT "Election_seats_rule" CHECK (("kind" = 'MATTER' AND "seats" = 1) OR ("kind" = 'ELECTION' AND "seats" % 2 = 1))
);
CREATE INDEX "Election_communityId_state_idx" ON "Election"("communityId", "state");

CREATE TABLE "ElectionCandidate" (
    "id" UUID NOT NULL,
    "electionId" UUID NOT NULL REFERENCES "Election"("id"),
    "name" TEXT NOT NULL,
    "statement" TEXT NOT NULL DEFAULT '',
    "photoUploadId" UUID,
    "sex" TEXT NOT NULL DEFAULT '',
    "age" INTEGER,
    "affiliation" TEXT NOT NULL DEFAULT '',
    "occupation" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ElectionCandidate_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ElectionCandidate_electionId_idx" ON "ElectionCandidate"("electionId");

-- The roster as it stood when the candidates were published, corrected until voting opens, then frozen.
CREATE TABLE "ElectionRosterEntry" (
    "electionId" UUID NOT NULL REFERENCES "Election"("id"),
    "unitId" UUID NOT NULL REFERENCES "Unit"("id"),
    "unitLabel" TEXT NOT NULL,
    "area" DECIMAL(12,2) NOT NULL CHECK ("area" >= 0),
    "areaSource" "AreaSource" NOT NULL,
    "ownerKey" TEXT NOT NULL,
    "developerHeld" BOOLEAN NOT NULL,
    "delivered" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "ElectionRosterEntry_pkey" PRIMARY KEY ("electionId", "unitId")
);
CREATE INDEX "ElectionRosterEntry_electionId_ownerKey_idx" ON "ElectionRosterEntry"("electionId", "ownerKey");
CREATE INDEX "ElectionRosterEntry_unitId_idx" ON "ElectionRosterEntry"("unitId");

-- One ballot per owner key, whatever the channel: the database refuses a second.
CREATE TABLE "Ballot" (
    "id" UUID NOT NULL,
    "electionId" UUID NOT NULL REFERENCES "Election"("id"),
    "ownerKey" TEXT NOT NULL,
    "channel" "BallotChannel" NOT NULL,
    "choices" TEXT[] NOT NULL,
    "receiptHash" TEXT NOT NULL,
    "userId" UUID REFERENCES "User"("id"),
    "enteredById" UUID REFERENCES "User"("id"),
    "evidenceUploadId" UUID,
    "castAt" TIMESTAMP(3) NOT NULL,
    "changedAt" TIMESTAMP(3),
    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Ballot_channel_check" CHECK (("channel" = 'ONLINE' AND "userId" IS NOT NULL) OR ("channel" <> 'ONLINE' AND "enteredById" IS NOT NULL AND "evidenceUploadId" IS NOT NULL))
);
CREATE UNIQUE INDEX "Ballot_electionId_ownerKey_key" ON "Ballot"("electionId", "ownerKey");
CREATE UNIQUE INDEX "Ballot_electionId_receiptHash_key" ON "Ballot"("electionId", "receiptHash");

CREATE TABLE "ElectionEvent" (
    "id" BIGSERIAL NOT NULL,
    "electionId" UUID NOT NULL REFERENCES "Election"("id"),
    "action" TEXT NOT NULL,
    "actorId" UUID REFERENCES "User"("id"),
    "detail" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ElectionEvent_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ElectionEvent_electionId_at_idx" ON "ElectionEvent"("electionId", "at");
