-- The record of who read a confidential trace is itself append-only.
CREATE TRIGGER trace_read_append_only BEFORE UPDATE, DELETE ON trace_read
    FOR EACH ROW CALL 'org.salwledger.api.config.AppendOnlyTrigger';
