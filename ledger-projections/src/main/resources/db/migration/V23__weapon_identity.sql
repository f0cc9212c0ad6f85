-- Where a part is installed, as its own stream says (ItemAssembledInto / ItemDetachedFrom): views
-- decide about a part's records from the part's stream, in its order, whatever the host's stream
-- has been processed to. Backfilled from the composition the host's stream recorded.
ALTER TABLE item_view ADD COLUMN installed_in VARCHAR(64);
UPDATE item_view SET installed_in = (SELECT c.host_id FROM composition c
    WHERE c.part_id = item_view.item_id AND c.detached_at IS NULL);

-- The country a mark was put on for (ITI 8: the importing State, the State releasing from its stocks,
-- the confiscating State): a weapon's mark obligation is met by its identity component's mark of that
-- type and country. Manufacture marks backfill from the item; lifecycle marks recorded before this
-- column stay NULL, which counts as any country.
ALTER TABLE item_marking ADD COLUMN country VARCHAR(2);
UPDATE item_marking SET country = (SELECT v.country_of_manufacture FROM item_view v
    WHERE v.item_id = item_marking.item_id) WHERE mark_type = 'MANUFACTURE';
