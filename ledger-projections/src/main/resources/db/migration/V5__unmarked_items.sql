-- Items registered unmarked on recovery have no manufacturer and may have no make, model or calibre.
ALTER TABLE item_view ALTER COLUMN manufacturer DROP NOT NULL;
ALTER TABLE item_view ALTER COLUMN country_of_manufacture DROP NOT NULL;
ALTER TABLE item_view ALTER COLUMN make DROP NOT NULL;
ALTER TABLE item_view ALTER COLUMN model DROP NOT NULL;
ALTER TABLE item_view ALTER COLUMN calibre DROP NOT NULL;
ALTER TABLE item_view ADD COLUMN description VARCHAR(2000);
