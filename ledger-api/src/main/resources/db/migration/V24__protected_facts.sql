-- Personal data the records only commit to (docs/ledger-format.md §2.2): a civilian end user's licence
-- reference, sealed with AES-256-GCM under the node's protection key, bound to its commitment. Not
-- append-only: erasing a row (e.g. after the retention period) leaves every record, envelope and log
-- leaf intact and verifiable, and the reference unrecoverable.
CREATE TABLE protected_fact (
    commitment VARCHAR(64) NOT NULL PRIMARY KEY,
    kind       VARCHAR(32) NOT NULL,
    sealed     BYTEA       NOT NULL,
    stored_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
