-- Byte-order collation on the search forms, so B-tree ranges and LIKE prefixes match character by
-- character whatever the server's locale (H2 already compares strings this way).
ALTER TABLE mark_index ALTER COLUMN normalized TYPE VARCHAR(500) COLLATE "C";
ALTER TABLE mark_index ALTER COLUMN normalized_rev TYPE VARCHAR(500) COLLATE "C";
ALTER TABLE mark_index ALTER COLUMN folded TYPE VARCHAR(500) COLLATE "C";
ALTER TABLE mark_index ALTER COLUMN folded_rev TYPE VARCHAR(500) COLLATE "C";
