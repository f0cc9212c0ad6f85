-- The record of who read a confidential trace is itself append-only.
CREATE TRIGGER trace_read_append_only BEFORE UPDATE OR DELETE ON trace_read
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER trace_read_no_truncate BEFORE TRUNCATE ON trace_read
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
