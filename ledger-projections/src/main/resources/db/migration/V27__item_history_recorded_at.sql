-- The EPCIS window export reads records by when they were recorded, across items, in pages.
CREATE INDEX item_history_recorded_at ON item_history (recorded_at, item_id, sequence);
