-- Issue 25 (elections). Who may cast a slot is frozen with the roster: the owners of record by the
-- phone on the owner roster, plus the people the committee admitted (reason, evidence) — never the
-- memberships the property manager approves, which change while the vote is open.
CREATE TABLE "ElectionVoter" (
    "id" UUID NOT NULL,
    "electionId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "phone" TEXT NOT NULL,
    "admittedById" UUID,
    "reason" TEXT,
    "evidenceUploadId" UUID,
    "at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ElectionVoter_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ElectionVoter_electionId_unitId_phone_key" ON "ElectionVoter"("electionId", "unitId", "phone");
CREATE INDEX "ElectionVoter_electionId_phone_idx" ON "ElectionVoter"("electionId", "phone");
ALTER TABLE "ElectionVoter" ADD CONSTRAINT "ElectionVoter_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Elections opened before this migration: their voters are the owner roster's phones of each unit in
-- their roster as it stands now (the closest record there is of who was the owner at opening).
INSERT INTO "ElectionVoter" ("id", "electionId", "unitId", "phone", "at")
SELECT gen_random_uuid(), r."electionId", r."unitId", o."phone", COALESCE(e."openedAt", e."createdAt")
  FROM "ElectionRosterEntry" r
  JOIN "Election" e ON e."id" = r."electionId"
  JOIN "OwnerRosterEntry" o ON o."unitId" = r."unitId" AND o."relation" IN ('OWNER', 'CO_OWNER')
 WHERE r."developerHeld" = false
ON CONFLICT DO NOTHING;

-- The committee's own notices: only committee members edit or withdraw them.
ALTER TABLE "Notice" ADD COLUMN "committeeElectionId" UUID;

-- A candidate's statement waiting in the moderation queue is not shown to residents (its photo waits
-- for its MediaCheck to pass).
ALTER TABLE "ElectionCandidate" ADD COLUMN "statementHeld" BOOLEAN NOT NULL DEFAULT false;

-- The notice period (the Regulations art. 14: at least 15 days between publication and opening; the
-- rules of procedure may ask more). Elections published before this: their publication event's time.
ALTER TABLE "Election" ADD COLUMN "noticeDays" INTEGER NOT NULL DEFAULT 15;
ALTER TABLE "Election" ADD COLUMN "publishedAt" TIMESTAMP(3);
UPDATE "Election" e SET "publishedAt" = ev."at"
  FROM (SELECT "electionId", min("at") AS "at" FROM "ElectionEvent" WHERE "action" = 'PUBLISHED' GROUP BY "electionId") ev
 WHERE ev."electionId" = e."id";
ALTER TABLE "Election" ADD CONSTRAINT "Election_noticeDays_check" CHECK ("noticeDays" >= 15);
