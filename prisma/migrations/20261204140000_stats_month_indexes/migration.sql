-- Issue #31, the month's statistics (docs/stats.md): each figure counts what a community filed in one
-- Beijing month, so the month is read by range on the filing time rather than through every row the
-- community ever filed (the (communityId, status) indexes would read years of repairs for one month).
CREATE INDEX "RepairRequest_communityId_filedAt_idx" ON "RepairRequest"("communityId", "filedAt");
CREATE INDEX "Complaint_communityId_filedAt_idx" ON "Complaint"("communityId", "filedAt");
CREATE INDEX "Snapshot_communityId_createdAt_idx" ON "Snapshot"("communityId", "createdAt");
