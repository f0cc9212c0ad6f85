-- Append-only: the database itself refuses UPDATE and DELETE on records, envelopes and nonces.
-- Whoever drops these guards to tamper is still caught by verification (hash chains, signatures).
CREATE TRIGGER domainevententry_append_only BEFORE UPDATE, DELETE ON domainevententry
    FOR EACH ROW CALL 'org.salwledger.api.config.AppendOnlyTrigger';
CREATE TRIGGER ledger_envelope_append_only BEFORE UPDATE, DELETE ON ledger_envelope
    FOR EACH ROW CALL 'org.salwledger.api.config.AppendOnlyTrigger';
CREATE TRIGGER used_nonce_append_only BEFORE UPDATE, DELETE ON used_nonce
    FOR EACH ROW CALL 'org.salwledger.api.config.AppendOnlyTrigger';
