-- The same guarantee as "Bill_month_once" (…173100_bill_month_once_br), far cheaper to keep
-- (docs/domain.md §4, Billing runs): no two bills of one unit, charge slot and parking space that are
-- not waived cover the same month, whoever pays them.
--
-- A bill covers 1 to 12 months (a quarter's or a year's run, split between developer and owner), so a
-- plain unique key on the bill cannot say "no month twice". The GiST exclusion constraint said it, but
-- kept a four-column btree_gist index and a PL/pgSQL trigger per row: a 20,000-bill run spent more time
-- there than in everything else. Now each month a bill covers is a row of "BillMonth", keyed by
-- (unit, slot, space, month) with a plain unique btree, written set-wise once per statement.

-- 1. The slot. A fee item's slot is derived by the database from its kind and id; a bill's slot is
-- bound to its fee item's by the foreign key, so no bill can carry another slot than its item's.
-- Generation writes the slot itself; any other writer may leave it out ('') and the trigger fills it
-- (its WHEN is checked without calling the function, so a writer that sends it pays nothing).
-- (Spelled out: an enum's cast to text is not immutable, so a generated column cannot use it.)
ALTER TABLE "FeeItem" ADD COLUMN "slot" TEXT NOT NULL GENERATED ALWAYS AS (
  CASE "kind" WHEN 'PROPERTY' THEN 'PROPERTY' WHEN 'PARKING' THEN 'PARKING' ELSE "id"::text END) STORED;
ALTER TABLE "FeeItem" ADD CONSTRAINT "FeeItem_id_slot_key" UNIQUE ("id", "slot");

DROP TRIGGER "Bill_slot" ON "Bill";
CREATE TRIGGER "Bill_slot" BEFORE INSERT ON "Bill"
  FOR EACH ROW WHEN (NEW."slot" = '') EXECUTE FUNCTION bill_slot();
CREATE TRIGGER "Bill_slot_item" BEFORE UPDATE OF "feeItemId" ON "Bill"
  FOR EACH ROW EXECUTE FUNCTION bill_slot();

ALTER TABLE "Bill" DROP CONSTRAINT "Bill_feeItemId_fkey";
ALTER TABLE "Bill" ADD CONSTRAINT "Bill_feeItemId_slot_fkey" FOREIGN KEY ("feeItemId", "slot")
  REFERENCES "FeeItem"("id", "slot") ON UPDATE RESTRICT ON DELETE RESTRICT;

-- 2. The months. One row per month a bill that is not waived covers; the unique key is the guarantee.
ALTER TABLE "Bill" DROP CONSTRAINT "Bill_month_once";

CREATE TABLE "BillMonth" (
  "unitId" UUID NOT NULL,
  "slot" TEXT NOT NULL,
  "spaceKey" UUID NOT NULL, -- the parking space, or the zero uuid for a bill without one
  "month" INTEGER NOT NULL, -- bill_month_number: year × 12 + month − 1
  "billId" UUID NOT NULL,
  CONSTRAINT "Bill_month_once" PRIMARY KEY ("unitId", "slot", "spaceKey", "month")
);

CREATE FUNCTION bill_months_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "BillMonth" ("unitId", "slot", "spaceKey", "month", "billId")
  SELECT b."unitId", b."slot", coalesce(b."parkingSpaceId", '00000000-0000-0000-0000-000000000000'::uuid), m, b."id"
    FROM added_bills b,
         generate_series(bill_month_number(b."firstMonth"), bill_month_number(b."firstMonth") + b."months" - 1) AS m
   WHERE b."state" <> 'WAIVED';
  RETURN NULL;
END $$;

CREATE FUNCTION bill_months_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- By the key (the unique index), each month of each removed bill: no index on billId is needed.
  DELETE FROM "BillMonth" m USING removed_bills b,
         generate_series(bill_month_number(b."firstMonth"), bill_month_number(b."firstMonth") + b."months" - 1) AS n
   WHERE m."unitId" = b."unitId" AND m."slot" = b."slot"
     AND m."spaceKey" = coalesce(b."parkingSpaceId", '00000000-0000-0000-0000-000000000000'::uuid)
     AND m."month" = n AND m."billId" = b."id";
  RETURN NULL;
END $$;

-- A bill whose months, unit, slot or space change, or that is waived (or no longer waived): its rows
-- go and come again. Payments change state and money only, so the WHEN keeps them free of this.
CREATE FUNCTION bill_months_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "BillMonth" WHERE "billId" = OLD."id"
     AND "unitId" = OLD."unitId" AND "slot" = OLD."slot"
     AND "spaceKey" = coalesce(OLD."parkingSpaceId", '00000000-0000-0000-0000-000000000000'::uuid)
     AND "month" BETWEEN bill_month_number(OLD."firstMonth") AND bill_month_number(OLD."firstMonth") + OLD."months" - 1;
  IF NEW."state" <> 'WAIVED' THEN
    INSERT INTO "BillMonth" ("unitId", "slot", "spaceKey", "month", "billId")
    SELECT NEW."unitId", NEW."slot", coalesce(NEW."parkingSpaceId", '00000000-0000-0000-0000-000000000000'::uuid), m, NEW."id"
      FROM generate_series(bill_month_number(NEW."firstMonth"), bill_month_number(NEW."firstMonth") + NEW."months" - 1) AS m;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION bill_months_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE "BillMonth";
  RETURN NULL;
END $$;

CREATE TRIGGER "Bill_months_add" AFTER INSERT ON "Bill"
  REFERENCING NEW TABLE AS added_bills FOR EACH STATEMENT EXECUTE FUNCTION bill_months_add();
CREATE TRIGGER "Bill_months_remove" AFTER DELETE ON "Bill"
  REFERENCING OLD TABLE AS removed_bills FOR EACH STATEMENT EXECUTE FUNCTION bill_months_remove();
CREATE TRIGGER "Bill_months_move" AFTER UPDATE ON "Bill" FOR EACH ROW
  WHEN (OLD."id" IS DISTINCT FROM NEW."id" OR OLD."unitId" IS DISTINCT FROM NEW."unitId"
     OR OLD."slot" IS DISTINCT FROM NEW."slot" OR OLD."parkingSpaceId" IS DISTINCT FROM NEW."parkingSpaceId"
     OR OLD."firstMonth" IS DISTINCT FROM NEW."firstMonth" OR OLD."months" IS DISTINCT FROM NEW."months"
     OR (OLD."state" = 'WAIVED') IS DISTINCT FROM (NEW."state" = 'WAIVED'))
  EXECUTE FUNCTION bill_months_move();
CREATE TRIGGER "Bill_months_truncate" AFTER TRUNCATE ON "Bill"
  FOR EACH STATEMENT EXECUTE FUNCTION bill_months_truncate();

-- The months of the bills that exist (the old constraint held, so none collides).
INSERT INTO "BillMonth" ("unitId", "slot", "spaceKey", "month", "billId")
SELECT b."unitId", b."slot", coalesce(b."parkingSpaceId", '00000000-0000-0000-0000-000000000000'::uuid), m, b."id"
  FROM "Bill" b,
       generate_series(bill_month_number(b."firstMonth"), bill_month_number(b."firstMonth") + b."months" - 1) AS m
 WHERE b."state" <> 'WAIVED';

-- 3. No query reads bills by (communityId, period): reports and generation read by first month.
DROP INDEX "Bill_communityId_period_idx";
