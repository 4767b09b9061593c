-- Review finding 8: the committee confirms the posted roster and its voters before the vote may open.
ALTER TABLE "Election" ADD COLUMN "rosterConfirmedAt" TIMESTAMP(3), ADD COLUMN "rosterConfirmedById" UUID;
