package org.corridorgis.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One collection table as the catalogue and PostgreSQL describe it: its id column, geometry column (if any) and
 * the property columns a file may set, with their types. Generated columns and {@code recorded_at} are not
 * loadable. Every name that reaches SQL comes from here (i.e. from pg_catalog), quoted.
 */
record TargetTable(String collectionId, String table, String catalogGeometryType, Column id, Column geom,
                   Map<String, Column> properties) {

    static final String SCHEMA = "corridor";

    enum Kind { TEXT, NUMBER, INTEGER, BOOLEAN, DATE, JSON, ARRAY, GEOMETRY, OTHER }

    /**
     * @param name        column name
     * @param sqlType     the type as {@code format_type} spells it, used in CAST(? AS ...)
     * @param kind        how a JSON value is converted
     * @param elementKind for arrays: the element's kind
     * @param elementType for arrays: the element type name (for {@code createArrayOf})
     * @param notNull     NOT NULL
     * @param defaultExpr the column default as PostgreSQL prints it, or null
     * @param geometryType for geometry columns: the typmod type, e.g. MultiPolygon (null if unconstrained)
     */
    record Column(String name, String sqlType, Kind kind, Kind elementKind, String elementType, boolean notNull,
                  String defaultExpr, String geometryType) {

        boolean required() {
            return notNull && defaultExpr == null;
        }

        boolean multiGeometry() {
            return geometryType != null && geometryType.startsWith("Multi");
        }
    }

    static TargetTable read(JdbcTemplate jdbc, String collectionId, String table, String catalogGeometryType) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT a.attname AS name,
                       format_type(a.atttypid, a.atttypmod) AS sql_type,
                       t.typname AS typname,
                       et.typname AS element_typname,
                       a.attnotnull AS not_null,
                       a.attgenerated <> '' AS generated,
                       CASE WHEN a.atthasdef AND a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END AS default_expr,
                       CASE WHEN t.typname = 'geometry' AND a.atttypmod <> -1 THEN postgis_typmod_type(a.atttypmod) END AS geometry_type
                  FROM pg_attribute a
                  JOIN pg_class c ON c.oid = a.attrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_type t ON t.oid = a.atttypid
                  LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
                  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                 WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')
                   AND a.attnum > 0 AND NOT a.attisdropped
                 ORDER BY a.attnum
                """, SCHEMA, table);
        if (rows.isEmpty()) {
            throw new GeodataException(null, null, "collection '" + collectionId + "' names table " + SCHEMA + "."
                    + table + ", which does not exist");
        }
        Column id = null;
        Column geom = null;
        Map<String, Column> properties = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            String name = (String) r.get("name");
            if (Boolean.TRUE.equals(r.get("generated")) || name.equals("recorded_at")) {
                continue;
            }
            String typname = (String) r.get("typname");
            String elementTypname = (String) r.get("element_typname");
            Kind kind = kindOf(typname);
            Kind elementKind = null;
            if (elementTypname != null) {
                kind = Kind.ARRAY;
                elementKind = kindOf(elementTypname);
            }
            Column column = new Column(name, (String) r.get("sql_type"), kind, elementKind, elementTypname,
                    Boolean.TRUE.equals(r.get("not_null")), (String) r.get("default_expr"),
                    (String) r.get("geometry_type"));
            if (name.equals("id")) {
                id = column;
            } else if (kind == Kind.GEOMETRY && geom == null) {
                geom = column;
            } else {
                properties.put(name, column);
            }
        }
        if (id == null) {
            throw new GeodataException(null, null, "table " + SCHEMA + "." + table + " has no id column");
        }
        return new TargetTable(collectionId, table, catalogGeometryType, id, geom, properties);
    }

    private static Kind kindOf(String typname) {
        return switch (typname) {
            case "text", "varchar", "bpchar", "name", "citext" -> Kind.TEXT;
            case "numeric", "float4", "float8" -> Kind.NUMBER;
            case "int2", "int4", "int8" -> Kind.INTEGER;
            case "bool" -> Kind.BOOLEAN;
            case "date" -> Kind.DATE;
            case "json", "jsonb" -> Kind.JSON;
            case "geometry" -> Kind.GEOMETRY;
            default -> Kind.OTHER;
        };
    }

    boolean spatial() {
        return geom != null;
    }

    String qualified() {
        return quote(SCHEMA) + "." + quote(table);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The property columns in a fixed order, as bound by {@link #upsertSql()}. */
    List<Column> propertyColumns() {
        return new ArrayList<>(properties.values());
    }

    /**
     * INSERT ... ON CONFLICT (id) DO UPDATE for one feature. Parameters: id, the geometry as GeoJSON text (spatial
     * tables), then per property column: for a column with a default a flag "absent" (true: use the default)
     * followed by the value, else just the value. The keep_history trigger skips updates that change nothing.
     */
    String upsertSql() {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        names.add(quote(id.name()));
        values.add("CAST(? AS " + id.sqlType() + ")");
        if (geom != null) {
            String g = "ST_SetSRID(ST_GeomFromGeoJSON(CAST(? AS text)), 4326)";
            names.add(quote(geom.name()));
            values.add(geom.multiGeometry() ? "ST_Multi(" + g + ")" : g);
        }
        for (Column c : propertyColumns()) {
            names.add(quote(c.name()));
            String cast = "CAST(? AS " + c.sqlType() + ")";
            values.add(c.defaultExpr() == null ? cast
                    : "CASE WHEN CAST(? AS boolean) THEN " + c.defaultExpr() + " ELSE " + cast + " END");
        }
        String updates = names.stream().skip(1).map(n -> n + " = EXCLUDED." + n).collect(Collectors.joining(", "));
        return "INSERT INTO " + qualified() + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", values) + ") ON CONFLICT (" + quote(id.name()) + ") DO "
                + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates);
    }
}
