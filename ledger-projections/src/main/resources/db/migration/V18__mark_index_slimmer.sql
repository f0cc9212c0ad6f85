-- Observed markings with unknowns are matched in mark_pattern (V17); mark_index keeps only the marker
-- that a row is such a pattern (pattern IS NULL for plain text). The folded pattern and the index on
-- unknowns were never read after V17 and cost a write per marking.
DROP INDEX mark_index_unknowns;
ALTER TABLE mark_index DROP COLUMN folded_pattern;
