-- CreateEnum
CREATE TYPE "RepairFaultType" AS ENUM ('WATER', 'ELECTRIC', 'DOOR_WINDOW', 'PIPE', 'ELEVATOR', 'PUBLIC_FACILITY', 'OTHER');

-- CreateEnum
CREATE TYPE "RepairStatus" AS ENUM ('SUBMITTED', 'ACCEPTED', 'ASSIGNED', 'CONTACTED', 'ARRIVED', 'DEFERRED', 'RESOLVED', 'CLOSED', 'RETURNED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RepairReturnReason" AS ENUM ('WRONG_INFORMATION', 'OUT_OF_SCOPE', 'SOLVED_BY_RESIDENT');

-- CreateTable
CREATE TABLE "RepairRequest" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "communityId" UUID NOT NULL,
    "unitId" UUID,
    "commonArea" TEXT,
    "reporterId" UUID NOT NULL,
    "faultType" "RepairFaultType" NOT NULL,
    "part" TEXT NOT NULL,
    "phenomenon" TEXT NOT NULL,
    "emergency" BOOLEAN NOT NULL,
    "description" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "preferredTime" TEXT,
    "status" "RepairStatus" NOT NULL DEFAULT 'SUBMITTED',
    "assigneeId" UUID,
    "appointmentAt" TIMESTAMP(3),
    "returnReason" "RepairReturnReason",
    "extensionCount" INTEGER NOT NULL DEFAULT 0,
    "extensionDays" INTEGER NOT NULL DEFAULT 0,
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "urgentAt" TIMESTAMP(3),
    "ratingAttitude" INTEGER,
    "ratingQuality" INTEGER,
    "ratingComment" TEXT,
    "acceptDueAt" TIMESTAMP(3) NOT NULL,
    "filedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RepairRequest_pkey" PRIMARY KEY ("id"),
    -- docs/domain.md §1: at most 2 extensions, at most 14 days in all. A unit or a common area, not neither.
    CONSTRAINT "RepairRequest_extension_limits" CHECK ("extensionCount" <= 2 AND "extensionDays" <= 14),
    CONSTRAINT "RepairRequest_place" CHECK ("unitId" IS NOT NULL OR "commonArea" IS NOT NULL)
);

-- CreateTable
CREATE TABLE "RepairEvent" (
    "id" UUID NOT NULL,
    "repairId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" "RepairStatus" NOT NULL,
    "toStatus" "RepairStatus" NOT NULL,
    "actorId" UUID NOT NULL,
    "note" TEXT,
    "data" JSONB,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RepairEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepairCounter" (
    "communityId" UUID NOT NULL,
    "day" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "RepairCounter_pkey" PRIMARY KEY ("communityId","day")
);

-- CreateIndex
CREATE UNIQUE INDEX "RepairRequest_communityId_number_key" ON "RepairRequest"("communityId", "number");

-- CreateIndex
CREATE INDEX "RepairRequest_communityId_status_idx" ON "RepairRequest"("communityId", "status");

-- CreateIndex
CREATE INDEX "RepairRequest_reporterId_filedAt_idx" ON "RepairRequest"("reporterId", "filedAt");

-- CreateIndex
CREATE INDEX "RepairRequest_assigneeId_status_idx" ON "RepairRequest"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "RepairRequest_status_acceptDueAt_idx" ON "RepairRequest"("status", "acceptDueAt");

-- CreateIndex
CREATE INDEX "RepairEvent_repairId_at_idx" ON "RepairEvent"("repairId", "at");

-- AddForeignKey
ALTER TABLE "RepairRequest" ADD CONSTRAINT "RepairRequest_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairRequest" ADD CONSTRAINT "RepairRequest_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairRequest" ADD CONSTRAINT "RepairRequest_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairRequest" ADD CONSTRAINT "RepairRequest_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairEvent" ADD CONSTRAINT "RepairEvent_repairId_fkey" FOREIGN KEY ("repairId") REFERENCES "RepairRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairEvent" ADD CONSTRAINT "RepairEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
