-- Each community gets a short code of its own for its receipt numbers (issue 24). Receipts carried the
-- first four hex characters of the community id against a unique index over all communities, so two
-- communities sharing them (about 7 % with 100 communities) collided: every counter payment of the
-- second one failed and its WeChat orders were never settled.
--
-- The code is 'XQ' and at least three digits from a sequence: unique by construction, and never four
-- hex characters, so a new receipt number cannot equal one written in the old format.
CREATE FUNCTION community_code(n BIGINT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE
  -- lpad would cut a number longer than three digits: XQ1000 must not become XQ100
  AS $$ SELECT 'XQ' || lpad(n::text, greatest(3, length(n::text)), '0') $$;

CREATE SEQUENCE "Community_code_seq";

ALTER TABLE "Community" ADD COLUMN "code" TEXT;

-- Existing communities, oldest first; the sequence continues after them.
UPDATE "Community" c
SET "code" = community_code(r.n)
FROM (SELECT "id", row_number() OVER (ORDER BY "createdAt", "id") AS n FROM "Community") r
WHERE r."id" = c."id";

SELECT setval('"Community_code_seq"', (SELECT count(*) FROM "Community") + 1, false);

ALTER SEQUENCE "Community_code_seq" OWNED BY "Community"."code";
ALTER TABLE "Community" ALTER COLUMN "code" SET DEFAULT community_code(nextval('"Community_code_seq"'));
ALTER TABLE "Community" ALTER COLUMN "code" SET NOT NULL;
CREATE UNIQUE INDEX "Community_code_key" ON "Community"("code");

-- An order whose settling threw: flagged for the cashier and retried by the sweeper (settle.ts).
ALTER TYPE "PaymentIssueKind" ADD VALUE 'SETTLE_FAILED';
