package org.corridorgis.features;

import java.util.List;
import java.util.Map;

import org.corridorgis.catalog.Collection;
import org.corridorgis.catalog.Property;
import org.corridorgis.crs.SupportedCrs;
import org.corridorgis.filter.SqlFragment;
import org.corridorgis.web.OutputFormat;

/**
 * One validated request for a collection's items, built once at the edge ({@link ItemsRequestParser}); the
 * SQL builder and the writers only read it.
 *
 * @param properties the properties to return, in order (all when the client named none)
 * @param sortBy     the requested order; the id is always the last, hidden, key
 * @param equalTo    simple {@code property=value} filters
 * @param filter     the CQL2 filter as SQL, or null
 * @param cursor     a keyset position from a next/prev link, or null
 * @param offset     a plain offset, for clients that page that way (0 when absent)
 * @param scenario   for routes: the one scenario whose control regimes to include, or null for all
 */
public record ItemsQuery(Collection collection, int limit, long offset, BoundingBox bbox, DateTimeInterval datetime,
                         List<Property> properties, List<SortKey> sortBy, Map<Property, String> equalTo,
                         SqlFragment filter, Cursor cursor, SupportedCrs crs, String scenario, OutputFormat format) {

    /**
     * The same request narrowed to the given features, all on one page, in id order: the current state of the
     * features that open proposals are about, read with the page's CRS, day, scenario and properties.
     */
    public ItemsQuery onlyFeatures(java.util.Collection<String> ids) {
        SqlFragment those = SqlFragment.of(ID.sqlName(ItemsSql.ALIAS) + " = any(:ids)", "ids", ids.toArray(String[]::new));
        return new ItemsQuery(collection, Math.max(1, ids.size()), 0, null, datetime, properties, List.of(), Map.of(), those, null, crs,
                scenario, format);
    }

    /** The ordering keys including the final id, which makes every order total and so pages stable. */
    List<SortKey> sortKeysWithId() {
        List<SortKey> keys = new java.util.ArrayList<>(sortBy);
        keys.add(new SortKey(ID, false));
        return keys;
    }

    String sortSignature() {
        StringBuilder s = new StringBuilder();
        sortBy.forEach(k -> s.append(k.descending() ? '-' : '+').append(k.property().name()).append(','));
        return s.toString();
    }

    static final Property ID = new Property(Collection.ID_COLUMN, "text", org.corridorgis.filter.QueryableType.STRING);
}
