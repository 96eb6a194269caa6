-- Which derived data a write to a collection rebuilds, in the same transaction: route segments are the routes cut
-- by the country polygons, exposure zones are the buffers around the disputed areas and the candidate lines. The
-- service runs only the rebuild it knows for each name (catalog/DerivedData), never a name read from here as SQL.
ALTER TABLE corridor.collection
  ADD COLUMN rebuilds text[] NOT NULL DEFAULT '{}'
  CHECK (rebuilds <@ ARRAY['route-segments', 'exposure-zones']::text[]);
UPDATE corridor.collection SET rebuilds = '{route-segments}' WHERE id IN ('routes', 'countries');
UPDATE corridor.collection SET rebuilds = '{exposure-zones}' WHERE id IN ('disputed-areas', 'boundary-lines', 'boundary-maps');
