-- The ledger is append-only (20261129180000_fees_pay), but a row trigger never fires for TRUNCATE:
-- one statement could empty every money record. Refuse it too, with the same message.
CREATE TRIGGER "LedgerEntry_no_truncate" BEFORE TRUNCATE ON "LedgerEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
