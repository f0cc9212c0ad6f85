-- A witness's cosignature, once kept, is evidence: never changed or removed.
CREATE TRIGGER log_cosignature_append_only BEFORE UPDATE, DELETE ON log_cosignature
    FOR EACH ROW CALL 'org.salwledger.api.config.AppendOnlyTrigger';
