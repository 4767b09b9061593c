-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "AreaSource" AS ENUM ('REGISTERED', 'SURVEYED', 'CONTRACT');

-- CreateEnum
CREATE TYPE "ParkingKind" AS ENUM ('OWNED', 'RENTED');

-- CreateEnum
CREATE TYPE "MemberRelation" AS ENUM ('OWNER', 'CO_OWNER', 'TENANT', 'FAMILY');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('PENDING', 'VERIFIED', 'REJECTED');

-- CreateEnum
CREATE TYPE "StaffRoleKind" AS ENUM ('MANAGER', 'TECHNICIAN', 'CASHIER', 'COMMITTEE_MEMBER', 'COMPANY_ADMIN');

-- CreateEnum
CREATE TYPE "PiiField" AS ENUM ('PHONE', 'NAME');

-- CreateTable
CREATE TABLE "PropertyCompany" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PropertyCompany_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Community" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Community_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Building" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Building_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "buildingId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "floor" INTEGER NOT NULL,
    "buildingArea" DECIMAL(10,2) NOT NULL,
    "exclusiveArea" DECIMAL(10,2) NOT NULL,
    "areaSource" "AreaSource" NOT NULL DEFAULT 'REGISTERED',
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParkingSpace" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "area" DECIMAL(10,2),
    "kind" "ParkingKind",
    "unitId" UUID,

    CONSTRAINT "ParkingSpace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "name" TEXT,
    "phone" TEXT,
    "unionid" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WechatIdentity" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "appid" TEXT NOT NULL,
    "openid" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WechatIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OwnerRosterEntry" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "relation" "MemberRelation" NOT NULL DEFAULT 'OWNER',

    CONSTRAINT "OwnerRosterEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitMembership" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "relation" "MemberRelation" NOT NULL,
    "status" "MembershipStatus" NOT NULL DEFAULT 'PENDING',
    "autoApproved" BOOLEAN NOT NULL DEFAULT false,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "decidedById" UUID,
    "rejectReason" TEXT,

    CONSTRAINT "UnitMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffRole" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "communityId" UUID,
    "role" "StaffRoleKind" NOT NULL,
    "canRevealPii" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PiiRevealAudit" (
    "id" UUID NOT NULL,
    "staffUserId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "field" "PiiField" NOT NULL,
    "reason" TEXT NOT NULL,
    "requestId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PiiRevealAudit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Community_companyId_name_key" ON "Community"("companyId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Building_communityId_name_key" ON "Building"("communityId", "name");

-- CreateIndex
CREATE INDEX "Unit_communityId_idx" ON "Unit"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_buildingId_number_key" ON "Unit"("buildingId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ParkingSpace_communityId_number_key" ON "ParkingSpace"("communityId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "User_phone_key" ON "User"("phone");

-- CreateIndex
CREATE UNIQUE INDEX "User_unionid_key" ON "User"("unionid");

-- CreateIndex
CREATE INDEX "WechatIdentity_userId_idx" ON "WechatIdentity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "WechatIdentity_appid_openid_key" ON "WechatIdentity"("appid", "openid");

-- CreateIndex
CREATE INDEX "OwnerRosterEntry_phone_idx" ON "OwnerRosterEntry"("phone");

-- CreateIndex
CREATE UNIQUE INDEX "OwnerRosterEntry_unitId_phone_key" ON "OwnerRosterEntry"("unitId", "phone");

-- CreateIndex
CREATE INDEX "UnitMembership_unitId_status_idx" ON "UnitMembership"("unitId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "UnitMembership_userId_unitId_key" ON "UnitMembership"("userId", "unitId");

-- CreateIndex
CREATE INDEX "StaffRole_userId_idx" ON "StaffRole"("userId");

-- CreateIndex
-- NULLS NOT DISTINCT: a company-wide role (communityId NULL) must be unique too, which Prisma cannot express.
CREATE UNIQUE INDEX "StaffRole_userId_companyId_communityId_role_key" ON "StaffRole"("userId", "companyId", "communityId", "role") NULLS NOT DISTINCT;

-- CreateIndex
CREATE INDEX "PiiRevealAudit_subjectId_idx" ON "PiiRevealAudit"("subjectId");

-- CreateIndex
CREATE INDEX "PiiRevealAudit_communityId_createdAt_idx" ON "PiiRevealAudit"("communityId", "createdAt");

-- AddForeignKey
ALTER TABLE "Community" ADD CONSTRAINT "Community_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "PropertyCompany"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Building" ADD CONSTRAINT "Building_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkingSpace" ADD CONSTRAINT "ParkingSpace_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkingSpace" ADD CONSTRAINT "ParkingSpace_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WechatIdentity" ADD CONSTRAINT "WechatIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OwnerRosterEntry" ADD CONSTRAINT "OwnerRosterEntry_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitMembership" ADD CONSTRAINT "UnitMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitMembership" ADD CONSTRAINT "UnitMembership_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitMembership" ADD CONSTRAINT "UnitMembership_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffRole" ADD CONSTRAINT "StaffRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffRole" ADD CONSTRAINT "StaffRole_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "PropertyCompany"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffRole" ADD CONSTRAINT "StaffRole_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PiiRevealAudit" ADD CONSTRAINT "PiiRevealAudit_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PiiRevealAudit" ADD CONSTRAINT "PiiRevealAudit_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PiiRevealAudit" ADD CONSTRAINT "PiiRevealAudit_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

