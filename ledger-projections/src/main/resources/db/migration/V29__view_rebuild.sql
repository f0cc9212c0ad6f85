-- A rebuild of the views under way (ledger.views.rebuild): written before the views are emptied, removed once
-- they caught up with the records. H2 commits at each TRUNCATE of the reset, so a node stopped in between could
-- leave empty views behind tokens that say they are done; a node that finds this row at start rebuilds again.
CREATE TABLE view_rebuild (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    started_at TIMESTAMP WITH TIME ZONE NOT NULL
);
