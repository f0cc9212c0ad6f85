-- Write-side lookups and the envelope store. They change in the same transaction as the events
-- they stand beside, so a refused command leaves no trace in any of them.

-- Every signed envelope that caused events, stored once as its RFC 8785 canonical bytes, with the
-- answer given, so an identical resubmission is answered without appending anything.
CREATE TABLE ledger_envelope (
    envelope_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
    actor_id      VARCHAR(64)  NOT NULL,
    nonce         VARCHAR(128) NOT NULL,
    command_type  VARCHAR(64)  NOT NULL,
    envelope      BYTEA        NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    result_status INTEGER      NOT NULL,
    result_body   BYTEA        NOT NULL
);

-- Nonces are remembered per actor for good, for commands and sessions alike.
CREATE TABLE used_nonce (
    actor_id      VARCHAR(64)  NOT NULL,
    nonce         VARCHAR(128) NOT NULL,
    envelope_hash VARCHAR(64)  NOT NULL,
    PRIMARY KEY (actor_id, nonce)
);

CREATE TABLE actor_directory (
    actor_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    name     VARCHAR(200) NOT NULL,
    role     VARCHAR(32)  NOT NULL,
    country  VARCHAR(2)   NOT NULL
);

CREATE TABLE actor_key (
    key_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    actor_id    VARCHAR(64) NOT NULL REFERENCES actor_directory (actor_id),
    public_key  BYTEA       NOT NULL,
    valid_from  TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until TIMESTAMP WITH TIME ZONE,
    revoked_at  TIMESTAMP WITH TIME ZONE
);

-- ITI 8(a): one (manufacturer, country of manufacture, serial) per item across the ledger.
CREATE TABLE manufacture_mark_claim (
    manufacturer      VARCHAR(64)  NOT NULL,
    country           VARCHAR(2)   NOT NULL,
    normalized_serial VARCHAR(100) NOT NULL,
    item_id           VARCHAR(64)  NOT NULL,
    PRIMARY KEY (manufacturer, country, normalized_serial)
);

CREATE TABLE ledger_session (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    actor_id   VARCHAR(64) NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
