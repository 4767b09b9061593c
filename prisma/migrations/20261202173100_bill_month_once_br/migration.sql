-- No two bills of one unit, fee item and parking space cover the same month, whoever pays them
-- (docs/domain.md §4, Billing runs). The old generation key included the payer, so a re-run after a
-- unit's delivery date changed billed the owner for months already billed to the developer.
-- A bill covers the months [firstMonth, firstMonth + months), as month numbers (year × 12 + month − 1).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE FUNCTION bill_month_number(month text) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT substr(month, 1, 4)::integer * 12 + substr(month, 6, 2)::integer - 1 $$;

ALTER TABLE "Bill" ADD CONSTRAINT "Bill_month_once" EXCLUDE USING gist (
  "unitId" WITH =,
  "feeItemId" WITH =,
  coalesce("parkingSpaceId", '00000000-0000-0000-0000-000000000000'::uuid) WITH =,
  int4range(bill_month_number("firstMonth"), bill_month_number("firstMonth") + "months") WITH &&
);

-- The constraint is the generation key now (an equal key with another payer overlaps too).
DROP INDEX "Bill_generation_key";

-- Generation reads the bills that may overlap a period by their first month.
CREATE INDEX "Bill_communityId_firstMonth_idx" ON "Bill"("communityId", "firstMonth");
