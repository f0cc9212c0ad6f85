-- H2 fires no trigger on TRUNCATE, but refuses to truncate a table that a foreign key references:
-- this empty table references every append-only table, so TRUNCATE (and DROP without CASCADE) fails.
-- Like the triggers, it stops accidents, not an intruder who drops it; the service's integrity
-- checks and `ledger verify` catch what is done after that.
CREATE TABLE append_only_truncate_guard (
    event_index   BIGINT       REFERENCES domainevententry (globalindex),
    envelope_hash VARCHAR(64)  REFERENCES ledger_envelope (envelope_hash),
    nonce_actor   VARCHAR(64),
    nonce         VARCHAR(128),
    leaf_index    BIGINT       REFERENCES log_leaf (leaf_index),
    node_level    INTEGER,
    node_index    BIGINT,
    tree_size     BIGINT       REFERENCES log_checkpoint (tree_size),
    trace_read_id BIGINT       REFERENCES trace_read (read_id),
    FOREIGN KEY (nonce_actor, nonce) REFERENCES used_nonce (actor_id, nonce),
    FOREIGN KEY (node_level, node_index) REFERENCES log_node (level, node_index)
);
CREATE TRIGGER append_only_truncate_guard_fixed BEFORE INSERT, UPDATE, DELETE ON append_only_truncate_guard
    FOR EACH ROW CALL 'org.salwledger.api.config.AppendOnlyTrigger';
