CREATE TABLE transfer_view (
    transfer_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    kind                 VARCHAR(32)  NOT NULL,
    sender               VARCHAR(64)  NOT NULL,
    sender_country       VARCHAR(2)   NOT NULL,
    consignee            VARCHAR(64)  NOT NULL,
    consignee_country    VARCHAR(2)   NOT NULL,
    state                VARCHAR(16)  NOT NULL,
    due_by               VARCHAR(10)  NOT NULL,
    export_licence       VARCHAR(200),
    importing_country    VARCHAR(2),
    end_user_certificate VARCHAR(200),
    transit_countries    VARCHAR(300) NOT NULL,
    item_count           INTEGER      NOT NULL,
    missing_count        INTEGER      NOT NULL DEFAULT 0,
    dispatched_at        VARCHAR(40)  NOT NULL,
    dispatch_hash        VARCHAR(64)  NOT NULL,
    closed_at            VARCHAR(40),
    closing_hash         VARCHAR(64),
    reject_reason        VARCHAR(1000)
);
CREATE INDEX transfer_view_sender ON transfer_view (sender);
CREATE INDEX transfer_view_consignee ON transfer_view (consignee);

CREATE TABLE transfer_item (
    transfer_id VARCHAR(64) NOT NULL,
    position    INTEGER     NOT NULL,
    item_id     VARCHAR(64) NOT NULL,
    outcome     VARCHAR(16) NOT NULL,
    PRIMARY KEY (transfer_id, position)
);
CREATE INDEX transfer_item_item ON transfer_item (transfer_id, item_id);
