package org.corridorgis.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.corridorgis.catalog.Catalog;
import org.corridorgis.catalog.Collection;
import org.corridorgis.catalog.Property;
import org.corridorgis.filter.QueryableType;

/**
 * One collection table as the catalogue describes it: its id column, geometry column (if any) and the property
 * columns a file may set, with their types. Generated columns and {@code recorded_at} are not loadable. Every
 * name that reaches SQL comes from here (i.e. from the catalogue's reading of pg_catalog), quoted.
 */
record TargetTable(String collectionId, String table, String catalogGeometryType, Column id, Column geom,
                   Map<String, Column> properties) {

    static final String SCHEMA = "corridor";

    enum Kind { TEXT, NUMBER, INTEGER, BOOLEAN, DATE, JSON, ARRAY, GEOMETRY, OTHER }

    /**
     * @param name        column name
     * @param sqlType     the type as {@code format_type} spells it, used in CAST(:value AS ...)
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

    /**
     * The loadable columns of a collection as the catalogue read them (within the loader's transaction). Kinds
     * follow the catalogue's type classes; a string-classed column of a type other than text takes any JSON
     * scalar, which PostgreSQL's CAST converts (its error names the value).
     */
    static TargetTable of(Collection collection, String catalogGeometryType) {
        if (collection.idProperty() == null) {
            throw new GeodataException(null, null, "table " + SCHEMA + "." + collection.table() + " has no id column");
        }
        Column id = column(collection.idProperty());
        Column geom = null;
        Map<String, Column> properties = new LinkedHashMap<>();
        for (Property p : collection.properties()) {
            if (!p.writable()) {
                continue;
            }
            Column column = column(p);
            if (column.kind() == Kind.GEOMETRY && geom == null) {
                geom = column;
            } else {
                properties.put(p.name(), column);
            }
        }
        return new TargetTable(collection.id(), collection.table(), catalogGeometryType, id, geom, properties);
    }

    private static Column column(Property p) {
        Property.Column c = p.column();
        Kind kind = kindOf(p.type(), c.typeName());
        Kind elementKind = null;
        if (kind == Kind.ARRAY) {
            elementKind = kindOf(Catalog.classify(c.elementTypeName(), null, null), c.elementTypeName());
        }
        return new Column(p.name(), p.pgType(), kind, elementKind, c.elementTypeName(), c.notNull(), c.defaultExpr(),
                c.geometryType());
    }

    private static Kind kindOf(QueryableType type, String typeName) {
        return switch (type) {
            case STRING -> TEXT_TYPES.contains(typeName) ? Kind.TEXT : Kind.OTHER;
            case NUMBER -> Kind.NUMBER;
            case INTEGER -> Kind.INTEGER;
            case BOOLEAN -> Kind.BOOLEAN;
            case DATE -> Kind.DATE;
            case TIMESTAMP -> Kind.OTHER;
            case JSON -> Kind.JSON;
            case STRING_ARRAY -> Kind.ARRAY;
            case GEOMETRY -> "geometry".equals(typeName) ? Kind.GEOMETRY : Kind.OTHER;
        };
    }

    /** The types whose values are JSON strings and nothing else. */
    private static final java.util.Set<String> TEXT_TYPES = java.util.Set.of("text", "varchar", "bpchar", "name", "citext");

    boolean spatial() {
        return geom != null;
    }

    String qualified() {
        return quote(SCHEMA) + "." + quote(table);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The name of the i-th property column's value in {@link #upsertSql()}. */
    static String valueName(int i) {
        return "value_" + i;
    }

    /** The name of the i-th property column's flag "absent: use the default" in {@link #upsertSql()}. */
    static String absentName(int i) {
        return "absent_" + i;
    }

    /** The property columns in a fixed order, as bound by {@link #upsertSql()}. */
    List<Column> propertyColumns() {
        return new ArrayList<>(properties.values());
    }

    /**
     * INSERT ... ON CONFLICT (id) DO UPDATE for one feature. Parameters: {@code :id}, {@code :geometry} (the
     * geometry as GeoJSON text; spatial tables), then per property column i of {@link #propertyColumns()}:
     * {@code :value_i}, and for a column with a default {@code :absent_i} (true: use the default). The
     * keep_history trigger skips updates that change nothing.
     */
    String upsertSql() {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        names.add(quote(id.name()));
        values.add("CAST(:id AS " + id.sqlType() + ")");
        if (geom != null) {
            String g = "ST_SetSRID(ST_GeomFromGeoJSON(CAST(:geometry AS text)), 4326)";
            names.add(quote(geom.name()));
            values.add(geom.multiGeometry() ? "ST_Multi(" + g + ")" : g);
        }
        List<Column> columns = propertyColumns();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            names.add(quote(c.name()));
            String cast = "CAST(:" + valueName(i) + " AS " + c.sqlType() + ")";
            values.add(c.defaultExpr() == null ? cast
                    : "CASE WHEN CAST(:" + absentName(i) + " AS boolean) THEN " + c.defaultExpr() + " ELSE " + cast + " END");
        }
        String updates = names.stream().skip(1).map(n -> n + " = EXCLUDED." + n).collect(Collectors.joining(", "));
        return "INSERT INTO " + qualified() + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", values) + ") ON CONFLICT (" + quote(id.name()) + ") DO "
                + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates);
    }
}
