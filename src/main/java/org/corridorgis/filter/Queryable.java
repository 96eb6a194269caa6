package org.corridorgis.filter;

import java.util.Objects;

/**
 * A property a filter may name.
 *
 * @param name          public name, as used in filters
 * @param sqlExpression an already-quoted column reference chosen by the catalogue, e.g. {@code "t"."name"};
 *                      for the geometry {@code "t"."geom"} (SRID 4326)
 * @param type          the type, which drives type-checking of the filter
 */
public record Queryable(String name, String sqlExpression, QueryableType type) {
    public Queryable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sqlExpression, "sqlExpression");
        Objects.requireNonNull(type, "type");
    }
}
