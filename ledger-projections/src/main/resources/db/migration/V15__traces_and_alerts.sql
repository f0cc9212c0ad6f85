-- Trace requests (views: rebuilt by replaying 'ledger-views').
CREATE TABLE trace_view (
    trace_id          VARCHAR(64) NOT NULL PRIMARY KEY,
    requester         VARCHAR(64) NOT NULL,
    requester_country VARCHAR(2)  NOT NULL,
    requested_state   VARCHAR(2)  NOT NULL,
    status            VARCHAR(32) NOT NULL,
    priority          VARCHAR(16) NOT NULL,
    request           BYTEA       NOT NULL,
    submitted_at      VARCHAR(40) NOT NULL,
    acknowledged_at   VARCHAR(40),
    answered_at       VARCHAR(40),
    delayed_until     VARCHAR(10),
    last_sequence     BIGINT      NOT NULL
);
CREATE INDEX trace_view_requester ON trace_view (requester);
CREATE INDEX trace_view_requested_state ON trace_view (requested_state, status);

CREATE TABLE trace_step (
    trace_id    VARCHAR(64) NOT NULL,
    sequence    BIGINT      NOT NULL,
    type        VARCHAR(64) NOT NULL,
    actor_id    VARCHAR(64) NOT NULL,
    recorded_at VARCHAR(40) NOT NULL,
    facts       BYTEA       NOT NULL,
    record_hash VARCHAR(64) NOT NULL,
    PRIMARY KEY (trace_id, sequence)
);

-- The markings of traces answered NOT_FOUND stay searchable: a later mark that matches is a hit.
CREATE TABLE trace_watch (
    trace_id       VARCHAR(64)  NOT NULL,
    position       INTEGER      NOT NULL,
    pattern        VARCHAR(600) NOT NULL,
    folded_pattern VARCHAR(600) NOT NULL,
    PRIMARY KEY (trace_id, position)
);

-- Every read of a trace request or report: who, when, let in or not. Not a view: never reset.
CREATE TABLE trace_read (
    read_id  BIGSERIAL   NOT NULL PRIMARY KEY,
    trace_id VARCHAR(64) NOT NULL,
    reader   VARCHAR(64) NOT NULL,
    role     VARCHAR(32) NOT NULL,
    country  VARCHAR(2)  NOT NULL,
    allowed  BOOLEAN     NOT NULL,
    read_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX trace_read_trace ON trace_read (trace_id);

-- Diversion red flags. Raised and resolved by the views as facts arrive, and by the alert scanner
-- for what becomes due with time; rebuilt on replay.
CREATE TABLE alert (
    alert_id      VARCHAR(200)  NOT NULL PRIMARY KEY,
    type          VARCHAR(40)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    summary       VARCHAR(1000) NOT NULL,
    facts         BYTEA         NOT NULL,
    country       VARCHAR(2),
    other_country VARCHAR(2),
    actor_id      VARCHAR(64),
    confidential  BOOLEAN       NOT NULL,
    raised_at     VARCHAR(40)   NOT NULL,
    resolved_at   VARCHAR(40),
    resolution    VARCHAR(500)
);
CREATE INDEX alert_status_type ON alert (status, type);

CREATE TABLE alert_item (
    alert_id VARCHAR(200) NOT NULL,
    item_id  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (alert_id, item_id)
);
CREATE INDEX alert_item_item ON alert_item (item_id);

-- Marks the ITI asks for after a fact (IMPORT after an export is received, STATE_TO_CIVILIAN,
-- CONFISCATION after a recovery or seizure) until the mark, or the item's destruction, is recorded.
CREATE TABLE mark_obligation (
    item_id      VARCHAR(64) NOT NULL,
    mark_type    VARCHAR(32) NOT NULL,
    country      VARCHAR(2)  NOT NULL,
    since        VARCHAR(40) NOT NULL,
    fulfilled_at VARCHAR(40),
    PRIMARY KEY (item_id, mark_type)
);
CREATE INDEX mark_obligation_open ON mark_obligation (fulfilled_at, since);

-- Commands refused because an item is lost or stolen: the attempt is a red flag. Not a view.
CREATE TABLE refused_command (
    refusal_id   BIGSERIAL   NOT NULL PRIMARY KEY,
    item_id      VARCHAR(64) NOT NULL,
    code         VARCHAR(64) NOT NULL,
    actor_id     VARCHAR(64) NOT NULL,
    country      VARCHAR(2)  NOT NULL,
    command_type VARCHAR(64) NOT NULL,
    refused_at   VARCHAR(40) NOT NULL
);

CREATE INDEX transfer_view_state ON transfer_view (state, due_by);
