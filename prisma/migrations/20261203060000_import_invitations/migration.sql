-- Issue 27 (go live without SQL): invitations into a role, master-data imports (dry run, then apply),
-- and the audit of what an import changed. docs/import.md.

-- A one-time invitation: only the SHA-256 of its token is kept, so a database dump invites nobody.
CREATE TABLE "Invitation" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "companyId" UUID NOT NULL REFERENCES "PropertyCompany"("id"),
  "communityId" UUID REFERENCES "Community"("id"),
  "role" "StaffRoleKind" NOT NULL,
  "phone" TEXT NOT NULL,
  "tokenHash" TEXT NOT NULL,
  "createdById" UUID REFERENCES "User"("id"),
  "createdAt" TIMESTAMP(3) NOT NULL,
  "expiresAt" TIMESTAMP(3) NOT NULL,
  "acceptedAt" TIMESTAMP(3),
  "acceptedById" UUID REFERENCES "User"("id"),
  CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Invitation_accepted_whole" CHECK (("acceptedAt" IS NULL) = ("acceptedById" IS NULL))
);
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");
CREATE INDEX "Invitation_companyId_idx" ON "Invitation"("companyId");

-- A dry run of an import and, once applied, its record. The plan is what applying writes; the
-- fingerprint is the community's master data when the dry run read it (apply refuses if it moved).
CREATE TABLE "ImportRun" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "communityId" UUID NOT NULL REFERENCES "Community"("id"),
  "createdById" UUID NOT NULL REFERENCES "User"("id"),
  "createdAt" TIMESTAMP(3) NOT NULL,
  "fileName" TEXT NOT NULL,
  "fileSha256" TEXT NOT NULL,
  "fingerprint" TEXT NOT NULL,
  "errorCount" INTEGER NOT NULL,
  "report" JSONB NOT NULL,
  "plan" JSONB,
  "appliedAt" TIMESTAMP(3),
  CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ImportRun_communityId_createdAt_idx" ON "ImportRun"("communityId", "createdAt");

-- Who changed master data (an area, an owner of record), when and why: kept, never updated.
CREATE TABLE "AuditEvent" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "companyId" UUID NOT NULL REFERENCES "PropertyCompany"("id"),
  "communityId" UUID REFERENCES "Community"("id"),
  "actorId" UUID REFERENCES "User"("id"),
  "kind" TEXT NOT NULL,
  "subjectId" UUID,
  "before" JSONB,
  "after" JSONB,
  "reason" TEXT NOT NULL,
  "at" TIMESTAMP(3) NOT NULL,
  CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AuditEvent_companyId_at_idx" ON "AuditEvent"("companyId", "at");
CREATE INDEX "AuditEvent_subjectId_idx" ON "AuditEvent"("subjectId");
