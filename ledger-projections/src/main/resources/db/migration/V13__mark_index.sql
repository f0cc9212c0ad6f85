-- One index over every marking of every item and part, and over the markings observed in recovery
-- reports (which may hold '?' and '*' for unreadable characters). Forms per MarkText: normalized and
-- look-alike folded, each also reversed so a pattern whose known end is its tail still reads an
-- index range. Disposable like every view: rebuilt by replaying 'ledger-views'.
CREATE TABLE mark_index (
    item_id        VARCHAR(64)  NOT NULL,
    sequence       BIGINT       NOT NULL,
    position       INTEGER      NOT NULL,
    source         VARCHAR(16)  NOT NULL,
    mark_type      VARCHAR(32),
    text           VARCHAR(500) NOT NULL,
    normalized     VARCHAR(500) NOT NULL,
    normalized_rev VARCHAR(500) NOT NULL,
    folded         VARCHAR(500) NOT NULL,
    folded_rev     VARCHAR(500) NOT NULL,
    unknowns       INTEGER      NOT NULL,
    pattern        VARCHAR(600),
    folded_pattern VARCHAR(600),
    PRIMARY KEY (item_id, sequence, position)
);
CREATE INDEX mark_index_normalized ON mark_index (normalized);
CREATE INDEX mark_index_normalized_rev ON mark_index (normalized_rev);
CREATE INDEX mark_index_folded ON mark_index (folded);
CREATE INDEX mark_index_folded_rev ON mark_index (folded_rev);
CREATE INDEX mark_index_unknowns ON mark_index (unknowns);

-- Search filters read the item view.
CREATE INDEX item_view_manufacturer ON item_view (manufacturer);
