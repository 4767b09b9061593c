-- No two bills of one unit, charge slot and parking space cover the same month, whoever pays them
-- (docs/domain.md §4, Billing runs). The old generation key included the payer, so a re-run after a
-- unit's delivery date changed billed the owner for months already billed to the developer.
-- A bill covers the months [firstMonth, firstMonth + months), as month numbers (year × 12 + month − 1).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE FUNCTION bill_month_number(month text) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT substr(month, 1, 4)::integer * 12 + substr(month, 6, 2)::integer - 1 $$;

-- The charge slot a month is billed once in: the fee kind for recurring PROPERTY and PARKING (a villa
-- price, or a standard retired and made again, is the same charge), the item id for ONE_OFF and SHARED.
-- Derived from the fee item by the trigger, so every writer (runs, seed, benches) fills it alike.
ALTER TABLE "Bill" ADD COLUMN "slot" TEXT NOT NULL DEFAULT '';

CREATE FUNCTION bill_slot() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT CASE WHEN i."kind" IN ('PROPERTY', 'PARKING') THEN i."kind"::text ELSE i."id"::text END
    INTO NEW."slot" FROM "FeeItem" i WHERE i."id" = NEW."feeItemId";
  RETURN NEW;
END $$;

CREATE TRIGGER "Bill_slot" BEFORE INSERT OR UPDATE OF "feeItemId", "slot" ON "Bill"
  FOR EACH ROW EXECUTE FUNCTION bill_slot();

UPDATE "Bill" b SET "slot" = CASE WHEN i."kind" IN ('PROPERTY', 'PARKING') THEN i."kind"::text ELSE i."id"::text END
  FROM "FeeItem" i WHERE i."id" = b."feeItemId";

-- A waived bill no longer occupies its months: waiving one side of a conflict, then re-running, settles it.
ALTER TABLE "Bill" ADD CONSTRAINT "Bill_month_once" EXCLUDE USING gist (
  "unitId" WITH =,
  "slot" WITH =,
  coalesce("parkingSpaceId", '00000000-0000-0000-0000-000000000000'::uuid) WITH =,
  int4range(bill_month_number("firstMonth"), bill_month_number("firstMonth") + "months") WITH &&
) WHERE ("state" <> 'WAIVED');

-- The constraint is the generation key now (an equal key with another payer overlaps too).
DROP INDEX "Bill_generation_key";

-- Generation reads the bills that may overlap a period by their first month.
CREATE INDEX "Bill_communityId_firstMonth_idx" ON "Bill"("communityId", "firstMonth");
