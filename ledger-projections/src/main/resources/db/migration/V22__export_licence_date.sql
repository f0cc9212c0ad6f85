-- The export licence's date of issue (optional on EXPORT dispatches), for the authorized-basis annual
-- report. Transfers recorded before the field existed had none: NULL is their true value.
ALTER TABLE transfer_view ADD COLUMN export_licence_issued_on VARCHAR(10);
CREATE INDEX transfer_view_licence_date ON transfer_view (kind, export_licence_issued_on);

-- A STATE_TO_CIVILIAN transfer's commitment to the civilian end user's licence (never the reference).
ALTER TABLE transfer_view ADD COLUMN licence_commitment VARCHAR(64);
