-- Undoing a run deletes its bills: each deleted row checks Refund's foreign key, which had no index.
CREATE INDEX "Refund_billId_idx" ON "Refund"("billId");

-- A unit's bills by month (the counter, the resident's list): the dropped "Bill_generation_key" was
-- the only index led by the unit.
CREATE INDEX "Bill_unitId_firstMonth_idx" ON "Bill"("unitId", "firstMonth");
