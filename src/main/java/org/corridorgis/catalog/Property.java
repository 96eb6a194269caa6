package org.corridorgis.catalog;

import org.corridorgis.filter.QueryableType;

/**
 * A column of a collection's table that users may name (in {@code properties}, {@code sortby}, simple filters
 * and CQL2). {@link #sqlName()} is the only form in which a user-supplied name ever reaches SQL.
 *
 * @param name      the column name, which is also the property name in GeoJSON
 * @param pgType    the column's PostgreSQL type as PostgreSQL spells it (e.g. {@code text}, {@code text[]}, {@code numeric})
 * @param type      the type class the filter language and JSON Schema need
 */
public record Property(String name, String pgType, QueryableType type) {

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
