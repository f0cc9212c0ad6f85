-- Append-only: the database itself refuses UPDATE, DELETE and TRUNCATE on records, envelopes and nonces.
-- Whoever drops these guards to tamper is still caught by verification (hash chains, signatures).
CREATE OR REPLACE FUNCTION ledger_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'append-only ledger: % on % refused', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER domainevententry_append_only BEFORE UPDATE OR DELETE ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER domainevententry_no_truncate BEFORE TRUNCATE ON domainevententry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_envelope_append_only BEFORE UPDATE OR DELETE ON ledger_envelope
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_envelope_no_truncate BEFORE TRUNCATE ON ledger_envelope
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER used_nonce_append_only BEFORE UPDATE OR DELETE ON used_nonce
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER used_nonce_no_truncate BEFORE TRUNCATE ON used_nonce
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
