package org.corridorgis.tiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.corridorgis.catalog.Collection;
import org.corridorgis.catalog.Property;
import org.corridorgis.catalog.SqlIdentifiers;
import org.corridorgis.web.DataVersion;

/**
 * One layer of a vector tile: a spatial collection, the properties it carries into the tile (the ones the
 * viewer needs; no jsonb blobs, no long prose) and, for the collections the catalogue says carry regimes (routes,
 * route segments, checkpoints), the control regime under the requested scenario. Every name in the SQL comes from the catalogue
 * ({@link Property#sqlName(String)}); the tile and the scenario are bind parameters.
 *
 * @param fields property name to TileJSON field type ({@code String}, {@code Number}, {@code Boolean})
 */
record TileLayer(Collection collection, String sql, Map<String, String> fields) {

    /** Long prose stays out of tiles: the popup fetches the full feature. */
    private static final Set<String> LEFT_OUT = Set.of("note", "description", "cited_figure", "recorded_at");

    /** Points in a tile beyond which a point layer is drawn as counted grid cells (see {@link #of}). */
    static final int MAX_POINTS = 2_000;

    /** Lines or polygons of one layer in one tile, at most. */
    static final int MAX_SHAPES = 5_000;

    /** The property of a grid cell that stands for several points: how many. */
    static final String POINT_COUNT = "point_count";

    String id() {
        return collection.id();
    }

    static TileLayer of(Collection c) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        columns.add("t." + SqlIdentifiers.quote(Collection.ID_COLUMN) + " as \"id\"");
        fields.put("id", "String");
        for (Property p : c.properties()) {
            if (p.name().equals(Collection.GEOMETRY_COLUMN) || LEFT_OUT.contains(p.name())) {
                continue;
            }
            String column = p.sqlName("t");
            String expression;
            String type;
            switch (p.type()) {
                case STRING -> { expression = column; type = "String"; }
                case STRING_ARRAY -> { expression = "array_to_string(" + column + ", ',')"; type = "String"; }
                case NUMBER -> { expression = column + "::float8"; type = "Number"; }
                case INTEGER -> { expression = column; type = "Number"; }
                case BOOLEAN -> { expression = column; type = "Boolean"; }
                case DATE, TIMESTAMP -> { expression = column + "::text"; type = "String"; }
                default -> { continue; } // json(b), geometry: not in tiles
            }
            columns.add(expression + " as " + p.sqlName());
            fields.put(p.name(), type);
        }
        String joins = "";
        if (c.regimes() != null) {
            columns.add("r.regime as \"regime\"");
            columns.add("cr.name as \"regime_name\"");
            columns.add("r.open as \"regime_open\"");
            fields.put("regime", "String");
            fields.put("regime_name", "String");
            fields.put("regime_open", "Boolean");
            joins = switch (c.regimes()) {
                case ROUTE -> """
                         left join lateral (
                               select (array_agg(s.regime order by (s.country = any(t."via")) desc, (s.regime <> 'DOMESTIC') desc, s.n))[1] as regime,
                                      bool_and(s.open) as open
                                 from segment_regime s where s.route_id = t."id") r on true""";
                case ROUTE_SEGMENT -> """
                         left join lateral (
                               select s.regime, s.open from segment_regime s
                                where s.route_id = t."route_id" and s.country = t."country" order by s.n limit 1) r on true""";
                case CHECKPOINT -> """
                         left join checkpoint_regime r on r.checkpoint_id = t."id\"""";
            };
            joins = "\n         " + joins.strip() + "\n         left join corridor.control_regimes cr on cr.code = r.regime";
        }
        String layerName = c.id().replace("'", "''");
        String sql;
        if (c.geometryType().equals("Point")) {
            fields.put(POINT_COUNT, "Number");
            List<String> nothing = columns.stream().map(col -> "null").toList();
            // Up to MAX_POINTS points in the tile: each one as it is. More: one point per grid cell (1/64 of the
            // tile), at the mean position of its points, with their number; the Web Mercator coordinates are
            // worked out in arithmetic, which is far cheaper than reprojecting every point.
            String dense = "(select count(*) from (select from " + c.sqlTable() + " d, tile where d.\"geom\" && tile.box" + validOn(c, "d") + " limit "
                    + (MAX_POINTS + 1) + ") n) > " + MAX_POINTS;
            sql = "coalesce((select ST_AsMVT(q, '" + layerName + "', 4096, 'geom') from (\n"
                    + "       select " + String.join(",\n              ", columns) + ",\n"
                    + "              null::int as \"" + POINT_COUNT + "\",\n"
                    + "              ST_AsMVTGeom(ST_Transform(t.\"geom\", 3857), tile.env, 4096, 64, true) as geom\n"
                    + "         from " + c.sqlTable() + " t cross join tile" + joins + "\n"
                    + "        where t.\"geom\" && tile.box" + validOn(c, "t") + " and not " + dense + "\n"
                    + "       union all\n"
                    + "       select " + String.join(", ", nothing) + ", count(*)::int,\n"
                    + "              ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(avg(m.x), avg(m.y)), 3857), (select env from tile), 4096, 64, true)\n"
                    + "         from (select ST_X(t.\"geom\") * 20037508.342789244 / 180 as x,\n"
                    + "                      ln(tan(radians(90 + ST_Y(t.\"geom\")) / 2)) * 6378137 as y\n"
                    + "                 from " + c.sqlTable() + " t cross join tile where t.\"geom\" && tile.box" + validOn(c, "t") + ") m cross join tile\n"
                    + "        where " + dense + "\n"
                    + "        group by floor((m.x - ST_XMin(tile.env)) / tile.cell), floor((m.y - ST_YMin(tile.env)) / tile.cell)) q\n"
                    + "   where q.geom is not null), ''::bytea)";
        } else {
            // lines and polygons: cut to the tile (plus its buffer) first, so that only the part in the tile is
            // reprojected and simplified; ST_AsMVTGeom then clips exactly, makes valid and quantises. At most
            // MAX_SHAPES of them a tile: beyond that the tile drops features (by id), never the request.
            String geometry = "ST_Simplify(ST_Transform(ST_ClipByBox2D(t.\"geom\", tile.box), 3857), tile.tol, true)";
            sql = "coalesce((select ST_AsMVT(q, '" + layerName + "', 4096, 'geom') from (\n"
                    + "       select " + String.join(",\n              ", columns) + ",\n"
                    + "              ST_AsMVTGeom(" + geometry + ", tile.env, 4096, 64, true) as geom\n"
                    + "         from " + c.sqlTable() + " t cross join tile" + joins + "\n"
                    + "        where t.\"geom\" && tile.box" + validOn(c, "t") + " order by t.\"id\" limit " + MAX_SHAPES + ") q\n"
                    + "   where q.geom is not null), ''::bytea)";
        }
        return new TileLayer(c, sql, fields);
    }

    /**
     * Features of a collection with time show on the day asked for only (valid_from / valid_to, both days included);
     * events stay on the map once they have happened.
     */
    private static String validOn(Collection c, String alias) {
        String t = alias + ".";
        if (c.id().equals("events")) {
            return " and " + t + "\"valid_from\" <= cast(:at as date)";
        }
        return !c.temporal() ? "" : " and (" + t + "\"valid_from\" is null or " + t + "\"valid_from\" <= cast(:at as date))"
                + " and (" + t + "\"valid_to\" is null or " + t + "\"valid_to\" >= cast(:at as date))";
    }

    /**
     * The whole tile query for these layers: the tile's envelope, the scenario's assignments, one
     * {@code ST_AsMVT} per layer concatenated. Parameters: {@code :tile_z}, {@code :tile_x}, {@code :tile_y},
     * {@code :scenario_id}, {@code :at} (the day shown: features valid then, regimes in force then). Answers one row: {@code scenario_ok}, the data version the tile was made from
     * ({@code data_version}, {@code data_changed_at}: what {@link org.corridorgis.web.DataVersion#current()} reads, in
     * the same snapshot, so a tile needs one round trip) and {@code mvt}.
     */
    static String query(List<TileLayer> layers) {
        StringBuilder sql = new StringBuilder("""
                with tile as (
                  select ST_TileEnvelope(:tile_z, :tile_x, :tile_y) as env,
                         ST_Expand(ST_Transform(ST_TileEnvelope(:tile_z, :tile_x, :tile_y), 4326), 360.0 / 2 ^ :tile_z * 64 / 4096) as box,
                         40075016.686 / 2 ^ :tile_z / 1024 as tol,
                         40075016.686 / 2 ^ :tile_z / 64 as cell
                ), segment_regime as (
                  select a.target_id as route_id, a.country, a.regime, a.open, a.n
                    from corridor.assignments_at(cast(:at as date)) a
                   where a.scenario_id = :scenario_id and a.part = 'segments'
                ), checkpoint_regime as (
                  select distinct on (a.target_id) a.target_id as checkpoint_id, a.regime, a.open
                    from corridor.assignments_at(cast(:at as date)) a
                   where a.scenario_id = :scenario_id and a.part = 'checkpoints'
                   order by a.target_id, a.n
                ), data_version as (
                  %s
                )
                select exists (select 1 from corridor.scenarios s where s.id = :scenario_id) as scenario_ok,
                       (select v from data_version) as data_version, (select at from data_version) as data_changed_at,
                """.formatted(DataVersion.CURRENT_SQL));
        if (layers.isEmpty()) {
            sql.append("       ''::bytea");
        }
        for (int i = 0; i < layers.size(); i++) {
            sql.append(i == 0 ? "       " : "\n    || ").append(layers.get(i).sql());
        }
        sql.append(" as mvt\n");
        return sql.toString();
    }
}
