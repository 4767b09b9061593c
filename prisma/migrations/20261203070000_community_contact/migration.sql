-- 联系物业 (issue 30): a resident who is stuck can call the office's 24-hour duty line; the page also
-- says when the office is open. Both optional: a community without them shows the city hotline only.
ALTER TABLE "Community" ADD COLUMN "dutyPhone" TEXT;
ALTER TABLE "Community" ADD COLUMN "officeHours" TEXT;
