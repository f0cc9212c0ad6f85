-- Read models (ledger-projections). Disposable: a reset of the 'ledger-views' processor empties
-- them and a replay of the event store rebuilds them.
CREATE TABLE actor_view (
    actor_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    name     VARCHAR(200) NOT NULL,
    role     VARCHAR(32)  NOT NULL,
    country  VARCHAR(2)   NOT NULL
);

CREATE TABLE item_view (
    item_id                VARCHAR(64)  NOT NULL PRIMARY KEY,
    kind                   VARCHAR(16)  NOT NULL,
    category               VARCHAR(64),
    part_type              VARCHAR(32),
    identity_component     VARCHAR(32),
    make                   VARCHAR(200) NOT NULL,
    model                  VARCHAR(200) NOT NULL,
    calibre                VARCHAR(100) NOT NULL,
    material               VARCHAR(16)  NOT NULL,
    production             VARCHAR(16)  NOT NULL,
    year_of_manufacture    INTEGER,
    manufacturer           VARCHAR(64)  NOT NULL,
    country_of_manufacture VARCHAR(2)   NOT NULL,
    custodian              VARCHAR(64)  NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    manufactured_at        VARCHAR(40)  NOT NULL,
    last_sequence          BIGINT       NOT NULL,
    last_hash              VARCHAR(64)  NOT NULL
);

CREATE TABLE item_history (
    item_id      VARCHAR(64) NOT NULL,
    sequence     BIGINT      NOT NULL,
    type         VARCHAR(64) NOT NULL,
    actor_id     VARCHAR(64) NOT NULL,
    recorded_at  VARCHAR(40) NOT NULL,
    facts        BYTEA       NOT NULL,
    record_hash  VARCHAR(64) NOT NULL,
    PRIMARY KEY (item_id, sequence)
);

CREATE TABLE item_marking (
    item_id         VARCHAR(64)  NOT NULL,
    sequence        BIGINT       NOT NULL,
    mark_type       VARCHAR(32)  NOT NULL,
    text            VARCHAR(500) NOT NULL,
    serial          VARCHAR(100),
    normalized_text VARCHAR(500) NOT NULL,
    normalized_serial VARCHAR(100),
    component       VARCHAR(32)  NOT NULL,
    method          VARCHAR(32)  NOT NULL,
    location        VARCHAR(500),
    PRIMARY KEY (item_id, sequence)
);
CREATE INDEX item_marking_text ON item_marking (normalized_text);
CREATE INDEX item_marking_serial ON item_marking (normalized_serial);

-- Everyone who holds or held an item, with their country, for read access.
CREATE TABLE item_holder (
    item_id  VARCHAR(64) NOT NULL,
    actor_id VARCHAR(64) NOT NULL,
    country  VARCHAR(2)  NOT NULL,
    PRIMARY KEY (item_id, actor_id)
);
CREATE INDEX item_holder_actor ON item_holder (actor_id);
CREATE INDEX item_holder_country ON item_holder (country);
