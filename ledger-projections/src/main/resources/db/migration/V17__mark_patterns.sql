-- Observed markings with unknowns ('?', '*') are matched the other way round (the query fills the
-- pattern), which no index serves; they are few, so they get a table of their own that a query scans
-- instead of asking the planner to find them among every mark.
CREATE TABLE mark_pattern (
    item_id        VARCHAR(64)  NOT NULL,
    sequence       BIGINT       NOT NULL,
    position       INTEGER      NOT NULL,
    source         VARCHAR(16)  NOT NULL,
    mark_type      VARCHAR(32),
    text           VARCHAR(500) NOT NULL,
    unknowns       INTEGER      NOT NULL,
    pattern        VARCHAR(600) NOT NULL,
    folded_pattern VARCHAR(600) NOT NULL,
    PRIMARY KEY (item_id, sequence, position)
);

INSERT INTO mark_pattern (item_id, sequence, position, source, mark_type, text, unknowns, pattern, folded_pattern)
SELECT item_id, sequence, position, source, mark_type, text, unknowns, pattern, folded_pattern
FROM mark_index WHERE pattern IS NOT NULL;
