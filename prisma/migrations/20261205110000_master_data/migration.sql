-- Issue 27, master data: communities, buildings, units and parking are edited at the desk, and retired rather than deleted.
ALTER TABLE "Community" ADD COLUMN "district" TEXT, ADD COLUMN "totalBuildingArea" DECIMAL(12,2);
ALTER TABLE "Building" ADD COLUMN "floors" INTEGER, ADD COLUMN "retiredAt" TIMESTAMP(3);
ALTER TABLE "Unit" ADD COLUMN "developerHeld" BOOLEAN NOT NULL DEFAULT false, ADD COLUMN "retiredAt" TIMESTAMP(3);
ALTER TABLE "ParkingSpace" ADD COLUMN "retiredAt" TIMESTAMP(3);
