-- A witness's cosignature, once kept, is evidence: never changed or removed.
CREATE TRIGGER log_cosignature_append_only BEFORE UPDATE OR DELETE ON log_cosignature
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER log_cosignature_no_truncate BEFORE TRUNCATE ON log_cosignature
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
