package org.corridorgis.features;

import org.corridorgis.catalog.Property;

/** One key of {@code sortby}: a property and its direction. Nulls always sort last, both ways. */
public record SortKey(Property property, boolean descending) {

    public String orderSql(String alias) {
        return property.sqlName(alias) + (descending ? " desc" : " asc") + " nulls last";
    }
}
