-- Issue 6: phones in E.164, and reveal audit rows that say on what basis and under which server-made id.

-- CreateEnum
CREATE TYPE "RevealBasis" AS ENUM ('VERIFIED_MEMBER', 'PENDING_REQUESTER');

-- AlterTable
ALTER TABLE "PiiRevealAudit" ADD COLUMN "basis" "RevealBasis",
ADD COLUMN "clientRequestId" TEXT;

-- Phones kept before this migration were mainland digits without a country code (getPhoneNumber's
-- purePhoneNumber, roster imports): they become +86 numbers.
UPDATE "User" SET "phone" = '+86' || "phone" WHERE "phone" IS NOT NULL AND "phone" NOT LIKE '+%';
UPDATE "OwnerRosterEntry" SET "phone" = '+86' || "phone" WHERE "phone" NOT LIKE '+%';

-- E.164: a plus, a country code without a leading zero, at most 15 digits in all.
ALTER TABLE "User" ADD CONSTRAINT "User_phone_e164" CHECK ("phone" ~ '^\+[1-9][0-9]{4,14}$');
ALTER TABLE "OwnerRosterEntry" ADD CONSTRAINT "OwnerRosterEntry_phone_e164" CHECK ("phone" ~ '^\+[1-9][0-9]{4,14}$');
