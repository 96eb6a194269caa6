-- The bare work of a vector tile, written by hand for the tile benchmark (not the service's query): for each of the
-- eight map layers, the features whose bounding box meets the tile (plus its 64-pixel buffer), cut to that box,
-- projected to Web Mercator and encoded with ST_AsMVTGeom / ST_AsMVT, carrying their id only (no properties, no
-- regimes, no time filter). psql variables: :tile_z :tile_x :tile_y.
with t as (
  select ST_TileEnvelope(:tile_z, :tile_x, :tile_y) as env,
         ST_Transform(ST_TileEnvelope(:tile_z, :tile_x, :tile_y, margin => 64.0 / 4096), 4326) as box
)
select coalesce((select ST_AsMVT(q, 'countries', 4096, 'geom') from (
         select f.id, ST_AsMVTGeom(ST_Transform(ST_ClipByBox2D(f.geom, t.box), 3857), t.env, 4096, 64, true) as geom
           from corridor.countries f, t where f.geom && t.box) q where q.geom is not null), ''::bytea)
    || coalesce((select ST_AsMVT(q, 'boundary-lines', 4096, 'geom') from (
         select f.id, ST_AsMVTGeom(ST_Transform(ST_ClipByBox2D(f.geom, t.box), 3857), t.env, 4096, 64, true) as geom
           from corridor.boundary_lines f, t where f.geom && t.box) q where q.geom is not null), ''::bytea)
    || coalesce((select ST_AsMVT(q, 'disputed-areas', 4096, 'geom') from (
         select f.id, ST_AsMVTGeom(ST_Transform(ST_ClipByBox2D(f.geom, t.box), 3857), t.env, 4096, 64, true) as geom
           from corridor.disputed_areas f, t where f.geom && t.box) q where q.geom is not null), ''::bytea)
    || coalesce((select ST_AsMVT(q, 'routes', 4096, 'geom') from (
         select f.id, ST_AsMVTGeom(ST_Transform(ST_ClipByBox2D(f.geom, t.box), 3857), t.env, 4096, 64, true) as geom
           from corridor.routes f, t where f.geom && t.box) q where q.geom is not null), ''::bytea)
    || coalesce((select ST_AsMVT(q, 'route-segments', 4096, 'geom') from (
         select f.id, ST_AsMVTGeom(ST_Transform(ST_ClipByBox2D(f.geom, t.box), 3857), t.env, 4096, 64, true) as geom
           from corridor.route_segments f, t where f.geom && t.box) q where q.geom is not null), ''::bytea)
    || coalesce((select ST_AsMVT(q, 'checkpoints', 4096, 'geom') from (
         select f.id, ST_AsMVTGeom(ST_Transform(f.geom, 3857), t.env, 4096, 64, true) as geom
           from corridor.checkpoints f, t where f.geom && t.box) q where q.geom is not null), ''::bytea)
    || coalesce((select ST_AsMVT(q, 'events', 4096, 'geom') from (
         select f.id, ST_AsMVTGeom(ST_Transform(ST_ClipByBox2D(f.geom, t.box), 3857), t.env, 4096, 64, true) as geom
           from corridor.events f, t where f.geom && t.box) q where q.geom is not null), ''::bytea)
    || coalesce((select ST_AsMVT(q, 'positions', 4096, 'geom') from (
         select f.id, ST_AsMVTGeom(ST_Transform(ST_ClipByBox2D(f.geom, t.box), 3857), t.env, 4096, 64, true) as geom
           from corridor.positions f, t where f.geom && t.box) q where q.geom is not null), ''::bytea) as mvt
