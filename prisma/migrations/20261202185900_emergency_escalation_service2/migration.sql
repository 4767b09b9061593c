-- Emergency and routine repairs each escalate along their own chain (docs/domain.md §1, escalation).
-- The chain a community set before served both kinds: it is carried into both, so nothing changes until
-- the company sets them apart.
ALTER TABLE "RepairSlaSettings" ADD COLUMN "emergencyEscalation" JSONB;
UPDATE "RepairSlaSettings" SET "emergencyEscalation" = "escalation";
ALTER TABLE "RepairSlaSettings" ALTER COLUMN "emergencyEscalation" SET NOT NULL;
