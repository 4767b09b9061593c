-- Review finding 1: a voter the committee admits as the unit's heir or buyer (not the same owner with
-- a new phone) casts that unit alone, under a key of its own.
ALTER TABLE "ElectionVoter" ADD COLUMN "successor" BOOLEAN NOT NULL DEFAULT false;
