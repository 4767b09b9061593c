-- SLA clocks of repairs (docs/domain.md §1): when each step happened, the deadlines, escalation.
CREATE TYPE "RepairClock" AS ENUM ('ACCEPT', 'CONTACT', 'ARRIVE', 'FEEDBACK');

DROP INDEX "RepairRequest_status_acceptDueAt_idx";
ALTER TABLE "RepairRequest"
    ADD COLUMN "acceptedAt" TIMESTAMP(3),
    ADD COLUMN "contactedAt" TIMESTAMP(3),
    ADD COLUMN "arrivedAt" TIMESTAMP(3),
    ADD COLUMN "resolvedAt" TIMESTAMP(3),
    ADD COLUMN "contactDueAt" TIMESTAMP(3),
    ADD COLUMN "arriveDueAt" TIMESTAMP(3),
    ADD COLUMN "feedbackDueAt" TIMESTAMP(3),
    ADD COLUMN "escalationStep" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "escalateDueAt" TIMESTAMP(3),
    ADD COLUMN "nextDueAt" TIMESTAMP(3);

-- Open repairs are filed with their accept deadline as the first one to watch.
UPDATE "RepairRequest" SET "nextDueAt" = "acceptDueAt" WHERE "status" = 'SUBMITTED';

-- The sweep reads only repairs with a running clock: a partial index keeps it small.
CREATE INDEX "RepairRequest_nextDueAt_idx" ON "RepairRequest" ("nextDueAt") WHERE "nextDueAt" IS NOT NULL;

CREATE TABLE "RepairSlaSettings" (
    "communityId" UUID NOT NULL,
    "acceptMinutes" INTEGER NOT NULL,
    "emergencyContactMinutes" INTEGER NOT NULL,
    "emergencyArriveMinutes" INTEGER NOT NULL,
    "routineContactMinutes" INTEGER NOT NULL,
    "routineArriveMinutes" INTEGER NOT NULL,
    "feedbackDays" INTEGER NOT NULL,
    "workStart" INTEGER NOT NULL,
    "workEnd" INTEGER NOT NULL,
    "escalation" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "RepairSlaSettings_pkey" PRIMARY KEY ("communityId"),
    CONSTRAINT "RepairSlaSettings_hours" CHECK ("workStart" >= 0 AND "workStart" < "workEnd" AND "workEnd" <= 1440)
);
ALTER TABLE "RepairSlaSettings" ADD CONSTRAINT "RepairSlaSettings_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "RepairBreach" (
    "id" UUID NOT NULL,
    "repairId" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "clock" "RepairClock" NOT NULL,
    "cycle" INTEGER NOT NULL,
    "step" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "notifiedAt" TIMESTAMP(3),
    CONSTRAINT "RepairBreach_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "RepairBreach_repairId_clock_cycle_step_key" ON "RepairBreach"("repairId", "clock", "cycle", "step");
CREATE INDEX "RepairBreach_communityId_at_idx" ON "RepairBreach"("communityId", "at");
ALTER TABLE "RepairBreach" ADD CONSTRAINT "RepairBreach_repairId_fkey" FOREIGN KEY ("repairId") REFERENCES "RepairRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "WorkCalendarDay" (
    "companyId" UUID NOT NULL,
    "date" TEXT NOT NULL,
    "working" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "WorkCalendarDay_pkey" PRIMARY KEY ("companyId", "date")
);
