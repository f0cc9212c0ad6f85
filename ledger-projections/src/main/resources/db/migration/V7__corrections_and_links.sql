-- The corrected view of a record beside the original (ATF Rul. 2016-1: original, corrected, both).
ALTER TABLE item_history ADD COLUMN corrected_facts BYTEA;
ALTER TABLE item_history ADD COLUMN corrected_in BIGINT;

-- Items found to be one physical item (LinkIdentity); both directions are stored.
CREATE TABLE item_link (
    item_id VARCHAR(64) NOT NULL,
    same_as VARCHAR(64) NOT NULL,
    PRIMARY KEY (item_id, same_as)
);
