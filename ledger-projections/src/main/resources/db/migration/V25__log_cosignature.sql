-- Witnesses' cosignatures (C2SP tlog-cosignature/v1) of the checkpoints the log signed: one signature line
-- per witness and tree size, verified before it is kept. A checkpoint counts as published once a quorum of
-- the configured witnesses cosigned it.
CREATE TABLE log_cosignature (
    tree_size   BIGINT       NOT NULL,
    witness     VARCHAR(255) NOT NULL,
    signature   VARCHAR(1000) NOT NULL,
    cosigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tree_size, witness)
);

-- a witness's latest cosignature (where to submit from, its lag) is one index seek, however long the log runs
CREATE INDEX log_cosignature_by_witness ON log_cosignature (witness, tree_size);
