-- #28 (docs/scale.md, Figures): a billing run reads the bills already covering its period
-- (fees/bill-coverage.ts). Bills starting before the period reach into it only when they cover more
-- than one month; indexing just those lets a monthly run skip the community's earlier monthly bills
-- (eleven months of them, read and thrown away before). Quarterly and yearly bills are few.
CREATE INDEX "Bill_communityId_firstMonth_long_idx" ON "Bill"("communityId", "firstMonth") WHERE "months" > 1;
