-- Issue 27: opening arrears (期初) imported as bills (docs/import.md, Opening arrears). The bill's
-- "runId" is the import run's id; such bills are paid like any other.
ALTER TABLE "Bill" ADD COLUMN "opening" BOOLEAN NOT NULL DEFAULT false;
