-- A billing run can be undone by a manager while none of its bills is paid, waived or in payment
-- (docs/domain.md §4, Billing runs): its bills are deleted, the run stays, with who undid it, when and why.
ALTER TABLE "BillingRun"
  ADD COLUMN "undoneAt" TIMESTAMP(3),
  ADD COLUMN "undoneById" UUID,
  ADD COLUMN "undoReason" TEXT,
  ADD CONSTRAINT "BillingRun_undo_check" CHECK (("undoneAt" IS NULL) = ("undoneById" IS NULL) AND ("undoneAt" IS NULL) = ("undoReason" IS NULL));
