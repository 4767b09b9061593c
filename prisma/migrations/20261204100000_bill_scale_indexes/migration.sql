-- #28 (docs/scale.md, Figures): a billing run reads the bills already covering its period
-- (fees/bill-coverage.ts). Bills starting before the period reach into it only when they cover more
-- than one month; indexing just those lets a monthly run skip the community's earlier monthly bills
-- (eleven months of them, read and thrown away before). Quarterly and yearly bills are few.
CREATE INDEX "Bill_communityId_firstMonth_long_idx" ON "Bill"("communityId", "firstMonth") WHERE "months" > 1;

-- #28 (docs/scale.md, Figures): the company's collection report reads one month of every community
-- (fees/reports.ts). At a million units that month is 1 of 13 months in the table, spread over its
-- pages, and the planner scanned the whole table (4 s). This index answers it alone: led by the month,
-- then the community, carrying every column the report sums (an index-only scan of the month's entries).
CREATE INDEX "Bill_firstMonth_communityId_report_idx" ON "Bill"("firstMonth", "communityId")
  INCLUDE ("payer", "state", "amountFen", "paidFen", "refundedFen");
