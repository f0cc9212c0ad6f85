-- Write-side: who holds which item, changed in the transaction of the events that move custody.
CREATE TABLE custody_register (
    item_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    custodian VARCHAR(64) NOT NULL
);
CREATE INDEX custody_register_custodian ON custody_register (custodian);
