-- The transparency log: every ledger record is a leaf in log order (the order the single writer
-- appended it; never rebuilt). Perfect-subtree node hashes make roots and proofs O(log n) reads.
CREATE TABLE log_leaf (
    leaf_index  BIGINT      NOT NULL PRIMARY KEY,
    stream      VARCHAR(80) NOT NULL,
    sequence    BIGINT      NOT NULL,
    record_hash VARCHAR(64) NOT NULL,
    leaf_hash   BYTEA       NOT NULL,
    record      BYTEA       NOT NULL,
    CONSTRAINT log_leaf_record UNIQUE (stream, sequence)
);

CREATE TABLE log_node (
    level      INTEGER NOT NULL,
    node_index BIGINT  NOT NULL,
    hash       BYTEA   NOT NULL,
    PRIMARY KEY (level, node_index)
);

-- Every signed checkpoint is kept.
CREATE TABLE log_checkpoint (
    tree_size  BIGINT       NOT NULL PRIMARY KEY,
    root_hash  BYTEA        NOT NULL,
    note       VARCHAR(2000) NOT NULL,
    signed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
