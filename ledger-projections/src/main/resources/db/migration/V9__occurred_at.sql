-- When each fact happened as its signer states it, beside when the ledger recorded it.
ALTER TABLE item_history ADD COLUMN occurred_at VARCHAR(40);
