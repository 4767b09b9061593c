-- A community leaving the company is retired, never deleted (docs/master-data.md, Retiring a community).
ALTER TABLE "Community" ADD COLUMN "retiredAt" TIMESTAMP(3);
