-- The lowest zoom at which a collection appears in vector tiles. A collection too dense to be worth drawing
-- across the whole region (a million points) starts at a closer zoom; its tiles below that simply leave the
-- layer out. 0: every zoom.
ALTER TABLE corridor.collection
  ADD COLUMN tile_minzoom smallint NOT NULL DEFAULT 0 CHECK (tile_minzoom BETWEEN 0 AND 22);
