package org.corridorgis.catalog;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.corridorgis.filter.Queryable;
import org.corridorgis.filter.QueryableResolver;
import org.corridorgis.filter.QueryableType;

/**
 * One collection of the OGC API: a table of the corridor schema, its geometry type (null for non-spatial
 * collections such as sources or scenarios) and the properties users may name.
 *
 * @param id            the public collection id, e.g. {@code boundary-maps}
 * @param table         the table in schema {@code corridor}
 * @param geometryType  GeoJSON geometry type of {@code geom}, or null
 * @param properties    every property column in table order, without {@code id} and {@code geom}
 * @param tileMinZoom   the lowest zoom at which the collection appears in vector tiles
 * @param idProperty    the {@code id} column (null if the table has none, which the loader refuses)
 * @param tableBytes    the size of the table's rows (main fork, without TOAST and indexes) when the catalogue was read:
 *                      how much a query that reads every row must at least scan; -1 when the collection is a view
 *                      (or a partitioned table), whose cost its size does not tell
 * @param regimes       how its features carry a control regime under a scenario, or null when they carry none
 * @param rebuilds      the derived data a write to the collection rebuilds in the same transaction
 */
public record Collection(String id, String table, String title, String description, String geometryType,
                         int sortOrder, List<Property> properties, int tileMinZoom, Property idProperty, long tableBytes,
                         RegimeCarrier regimes, Set<DerivedData> rebuilds) {

    public static final String SCHEMA = "corridor";
    public static final String ID_COLUMN = "id";
    public static final String GEOMETRY_COLUMN = "geom";

    public Collection {
        properties = List.copyOf(properties);
        rebuilds = rebuilds.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(rebuilds));
    }

    /** Whether a feature page lists the features' regimes under each scenario (and takes {@code scenario=}). */
    public boolean regimesOnFeaturePages() {
        return regimes != null && regimes.onFeaturePages();
    }

    public boolean spatial() {
        return geometryType != null;
    }

    /** Whether rows carry the time they describe ({@code valid_from} / {@code valid_to}). */
    public boolean temporal() {
        return property("valid_from").isPresent() && property("valid_to").isPresent();
    }

    public Optional<Property> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Map<String, Property> propertiesByName() {
        Map<String, Property> byName = new LinkedHashMap<>();
        properties.forEach(p -> byName.put(p.name(), p));
        return byName;
    }

    /**
     * The collection's properties as the filter language sees them, qualified by a table alias. The geometry
     * is also known as {@code geometry}, the name clients use most.
     */
    public QueryableResolver queryables(String alias) {
        Map<String, Property> byName = propertiesByName();
        return new QueryableResolver() {
            @Override
            public Optional<Queryable> resolve(String name) {
                if (name.equals(ID_COLUMN)) {
                    return Optional.of(new Queryable(ID_COLUMN, alias + "." + SqlIdentifiers.quote(ID_COLUMN), QueryableType.STRING));
                }
                Property p = byName.get(name);
                if (p == null && name.equals("geometry") && spatial()) {
                    p = byName.get(GEOMETRY_COLUMN);
                }
                return Optional.ofNullable(p).map(q -> new Queryable(name, q.sqlName(alias), q.type()));
            }

            @Override
            public java.util.Collection<String> queryableNames() {
                List<String> names = new java.util.ArrayList<>();
                names.add(ID_COLUMN);
                names.addAll(byName.keySet());
                return names;
            }
        };
    }

    /** The table as a quoted, schema-qualified SQL name. */
    public String sqlTable() {
        return SqlIdentifiers.qualified(SCHEMA, table);
    }

    public String sqlHistoryTable() {
        return SqlIdentifiers.qualified(SCHEMA, table + "_history");
    }
}
