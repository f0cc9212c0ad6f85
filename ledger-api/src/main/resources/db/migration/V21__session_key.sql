-- The key that opened a session: revoking it ends the session (sessions from before have no key and
-- expire within their TTL).
ALTER TABLE ledger_session ADD COLUMN key_id VARCHAR(64);
