-- A trace may wait for the requester's information (INFO_REQUESTED); the answer is due counting from
-- when it came, not from the acknowledgement. A view column: rebuilt by replaying 'ledger-views'.
ALTER TABLE trace_view ADD COLUMN information_provided_at VARCHAR(40);
