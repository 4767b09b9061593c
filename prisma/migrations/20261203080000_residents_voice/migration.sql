-- Residents' voice (docs/domain.md §8): complaints and consultations on the repair SLA engine's clocks,
-- and return visits after repairs.
CREATE TYPE "ComplaintKind" AS ENUM ('COMPLAINT', 'CONSULTATION');
CREATE TYPE "ComplaintChannel" AS ENUM ('APP', 'PHONE', 'VISIT');
CREATE TYPE "ComplaintStatus" AS ENUM ('SUBMITTED', 'TRIAGED', 'IN_PROGRESS', 'DONE', 'CLOSED');
CREATE TYPE "ComplaintClosure" AS ENUM ('SATISFIED', 'AUTO');
CREATE TYPE "ComplaintClock" AS ENUM ('TRIAGE', 'CONTACT');
CREATE TYPE "ReturnVisitMethod" AS ENUM ('PHONE', 'RATING');
CREATE TYPE "ReturnVisitResult" AS ENUM ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED');

CREATE TABLE "Complaint" (
  "id" UUID NOT NULL,
  "communityId" UUID NOT NULL REFERENCES "Community"("id"),
  "unitId" UUID REFERENCES "Unit"("id"),
  "place" TEXT,
  "residentId" UUID REFERENCES "User"("id"),
  "filedById" UUID NOT NULL REFERENCES "User"("id"),
  "channel" "ComplaintChannel" NOT NULL,
  "callerName" TEXT,
  "callerPhone" TEXT,
  "kind" "ComplaintKind" NOT NULL,
  "category" TEXT NOT NULL,
  "text" TEXT NOT NULL,
  "anonymous" BOOLEAN NOT NULL DEFAULT false,
  "urgent" BOOLEAN NOT NULL DEFAULT false,
  "textHeld" BOOLEAN NOT NULL DEFAULT false,
  "status" "ComplaintStatus" NOT NULL DEFAULT 'SUBMITTED',
  "department" TEXT,
  "assigneeId" UUID REFERENCES "User"("id"),
  "rehandleCount" INTEGER NOT NULL DEFAULT 0,
  "closure" "ComplaintClosure",
  "filedAt" TIMESTAMP(3) NOT NULL,
  "updatedAt" TIMESTAMP(3) NOT NULL,
  "triagedAt" TIMESTAMP(3),
  "contactedAt" TIMESTAMP(3),
  "doneAt" TIMESTAMP(3),
  "closedAt" TIMESTAMP(3),
  "triageDueAt" TIMESTAMP(3) NOT NULL,
  "contactDueAt" TIMESTAMP(3),
  "autoCloseAt" TIMESTAMP(3),
  "escalationStep" INTEGER NOT NULL DEFAULT 0,
  "escalateDueAt" TIMESTAMP(3),
  "nextDueAt" TIMESTAMP(3),
  CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id"),
  -- a unit or a common place, never both; an anonymous caller still has a channel the office records
  CONSTRAINT "Complaint_where" CHECK (("unitId" IS NULL) <> ("place" IS NULL))
);
CREATE INDEX "Complaint_communityId_status_idx" ON "Complaint"("communityId", "status");
CREATE INDEX "Complaint_residentId_filedAt_idx" ON "Complaint"("residentId", "filedAt");
-- The clock sweep reads only complaints with a clock running (as for repairs).
CREATE INDEX "Complaint_nextDueAt_idx" ON "Complaint"("nextDueAt") WHERE "nextDueAt" IS NOT NULL;
-- The auto-close job reads only complaints done and waiting for the resident's answer.
CREATE INDEX "Complaint_autoCloseAt_idx" ON "Complaint"("autoCloseAt") WHERE "status" = 'DONE';

CREATE TABLE "ComplaintEvent" (
  "id" UUID NOT NULL,
  "complaintId" UUID NOT NULL REFERENCES "Complaint"("id") ON DELETE CASCADE,
  "action" TEXT NOT NULL,
  "fromStatus" "ComplaintStatus" NOT NULL,
  "toStatus" "ComplaintStatus" NOT NULL,
  "actorId" UUID REFERENCES "User"("id"),
  "note" TEXT,
  "public" BOOLEAN NOT NULL DEFAULT true,
  "at" TIMESTAMP(3) NOT NULL,
  CONSTRAINT "ComplaintEvent_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ComplaintEvent_complaintId_at_idx" ON "ComplaintEvent"("complaintId", "at");

CREATE TABLE "ComplaintBreach" (
  "id" UUID NOT NULL,
  "complaintId" UUID NOT NULL REFERENCES "Complaint"("id") ON DELETE CASCADE,
  "communityId" UUID NOT NULL,
  "clock" "ComplaintClock" NOT NULL,
  "cycle" INTEGER NOT NULL,
  "step" INTEGER NOT NULL,
  "dueAt" TIMESTAMP(3) NOT NULL,
  "at" TIMESTAMP(3) NOT NULL,
  "notifiedAt" TIMESTAMP(3),
  CONSTRAINT "ComplaintBreach_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ComplaintBreach_complaintId_clock_cycle_step_key" ON "ComplaintBreach"("complaintId", "clock", "cycle", "step");
CREATE INDEX "ComplaintBreach_communityId_at_idx" ON "ComplaintBreach"("communityId", "at");

CREATE TABLE "ComplaintSlaSettings" (
  "communityId" UUID NOT NULL REFERENCES "Community"("id"),
  "triageMinutes" INTEGER NOT NULL,
  "contactHours" INTEGER NOT NULL,
  "urgentTriageMinutes" INTEGER NOT NULL,
  "autoCloseDays" INTEGER NOT NULL,
  "escalation" JSONB NOT NULL,
  "updatedAt" TIMESTAMP(3) NOT NULL,
  CONSTRAINT "ComplaintSlaSettings_pkey" PRIMARY KEY ("communityId")
);

CREATE TABLE "ReturnVisit" (
  "id" UUID NOT NULL,
  "repairId" UUID NOT NULL REFERENCES "RepairRequest"("id") ON DELETE CASCADE,
  "cycle" INTEGER NOT NULL,
  "communityId" UUID NOT NULL REFERENCES "Community"("id"),
  "createdAt" TIMESTAMP(3) NOT NULL,
  "doneAt" TIMESTAMP(3),
  "method" "ReturnVisitMethod",
  "result" "ReturnVisitResult",
  "note" TEXT,
  "staffId" UUID REFERENCES "User"("id"),
  CONSTRAINT "ReturnVisit_pkey" PRIMARY KEY ("id"),
  -- done means how and by whom: a phone visit has its result, a rating is the resident's own answer
  CONSTRAINT "ReturnVisit_done" CHECK (("doneAt" IS NULL) = ("method" IS NULL))
);
CREATE UNIQUE INDEX "ReturnVisit_repairId_cycle_key" ON "ReturnVisit"("repairId", "cycle");
CREATE INDEX "ReturnVisit_communityId_createdAt_idx" ON "ReturnVisit"("communityId", "createdAt");
