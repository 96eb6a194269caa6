package org.corridorgis.catalog;

import org.corridorgis.filter.QueryableType;

/**
 * A column of a collection's table that users may name (in {@code properties}, {@code sortby}, simple filters
 * and CQL2). {@link #sqlName()} is the only form in which a user-supplied name ever reaches SQL.
 *
 * @param name      the column name, which is also the property name in GeoJSON
 * @param pgType    the column's PostgreSQL type as PostgreSQL spells it (e.g. {@code text}, {@code text[]}, {@code numeric})
 * @param type      the type class the filter language and JSON Schema need
 * @param column    what else the table's definition says of the column (what writers and the loader need)
 */
public record Property(String name, String pgType, QueryableType type, Column column) {

    /**
     * The column's definition beyond its type class.
     *
     * @param typeName        the type's name in pg_type (e.g. {@code text}, {@code numeric}, {@code _text} for arrays)
     * @param elementTypeName for arrays: the element type's name (e.g. {@code text}); else null
     * @param notNull         NOT NULL
     * @param generated       a generated column (computed by PostgreSQL, never written)
     * @param defaultExpr     the column default as PostgreSQL prints it, or null
     * @param geometryType    for geometry columns: the type of the typmod, e.g. {@code MultiPolygon} (null if unconstrained)
     * @param comment         the column's comment, or null
     */
    public record Column(String typeName, String elementTypeName, boolean notNull, boolean generated, String defaultExpr,
                         String geometryType, String comment) {
    }

    /** A property known only by name and type (one the service defines itself, such as the feature id). */
    public Property(String name, String pgType, QueryableType type) {
        this(name, pgType, type, new Column(pgType, null, false, false, null, null, null));
    }

    /** Whether a writer may set it: generated columns and the time of recording are set by the database. */
    public boolean writable() {
        return !column.generated() && !name.equals("recorded_at");
    }

    /** The column as a quoted SQL identifier. */
    public String sqlName() {
        return SqlIdentifiers.quote(name);
    }

    /** The column qualified by a table alias, e.g. {@code t."name"}. */
    public String sqlName(String alias) {
        return alias + "." + sqlName();
    }

    public boolean sortable() {
        return type != QueryableType.GEOMETRY && type != QueryableType.JSON && type != QueryableType.STRING_ARRAY;
    }

    /** JSON Schema type of the property, for /queryables. */
    public String jsonSchemaType() {
        return switch (type) {
            case STRING, DATE, TIMESTAMP -> "string";
            case NUMBER -> "number";
            case INTEGER -> "integer";
            case BOOLEAN -> "boolean";
            case STRING_ARRAY -> "array";
            case JSON -> "object";
            case GEOMETRY -> "object";
        };
    }

    /** JSON Schema format, where there is one. */
    public String jsonSchemaFormat() {
        return switch (type) {
            case DATE -> "date";
            case TIMESTAMP -> "date-time";
            default -> null;
        };
    }
}
