-- A trace may wait for the requester's information (INFO_REQUESTED): the information is due counting
-- from the question, and the answer from when the information came, not from the acknowledgement.
-- View columns: rebuilt by replaying 'ledger-views'.
ALTER TABLE trace_view ADD COLUMN information_requested_at VARCHAR(40);
ALTER TABLE trace_view ADD COLUMN information_provided_at VARCHAR(40);
