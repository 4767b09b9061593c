-- Issue 27, People and roles (docs/roles.md): invitations made in the console are revocable while
-- pending, and one into company admin waits for a second admin's confirmation before it can be
-- accepted. The audit log is read per company filtered by kind or by person.

ALTER TABLE "Invitation"
  ADD COLUMN "confirmedAt" TIMESTAMP(3),
  ADD COLUMN "confirmedById" UUID REFERENCES "User"("id"),
  ADD COLUMN "revokedAt" TIMESTAMP(3),
  ADD COLUMN "revokedById" UUID REFERENCES "User"("id"),
  ADD CONSTRAINT "Invitation_confirmed_whole" CHECK (("confirmedAt" IS NULL) = ("confirmedById" IS NULL)),
  ADD CONSTRAINT "Invitation_revoked_whole" CHECK (("revokedAt" IS NULL) = ("revokedById" IS NULL)),
  -- An invitation ends one way: accepted or revoked, never both.
  ADD CONSTRAINT "Invitation_one_end" CHECK ("acceptedAt" IS NULL OR "revokedAt" IS NULL),
  -- The second admin is another person than the one who invited.
  ADD CONSTRAINT "Invitation_four_eyes" CHECK ("confirmedById" IS DISTINCT FROM "createdById" OR "confirmedById" IS NULL);

CREATE INDEX "Invitation_companyId_createdAt_idx" ON "Invitation"("companyId", "createdAt");
CREATE INDEX "AuditEvent_companyId_kind_at_idx" ON "AuditEvent"("companyId", "kind", "at");
CREATE INDEX "AuditEvent_companyId_actorId_at_idx" ON "AuditEvent"("companyId", "actorId", "at");
