package org.corridorgis.catalog;

/**
 * Data the database computes from collections, and the one statement that rebuilds each. The catalogue says which
 * collections a set follows ({@code corridor.collection.rebuilds}); a name found there runs only the statement
 * written here, so nothing read from the database is ever run as SQL.
 */
public enum DerivedData {

    /** The routes cut by the country polygons (collection {@code route-segments}). */
    ROUTE_SEGMENTS("route-segments", "select corridor.rebuild_route_segments()"),
    /** The buffers around the disputed areas and the candidate lines ({@code corridor.exposure_zones}). */
    EXPOSURE_ZONES("exposure-zones", "select corridor.rebuild_exposure_zones()");

    private final String code;
    private final String rebuildSql;

    DerivedData(String code, String rebuildSql) {
        this.code = code;
        this.rebuildSql = rebuildSql;
    }

    /** The catalogue's name of the set. */
    public String code() {
        return code;
    }

    /** The statement that rebuilds the set; it answers the number of rows it made. */
    public String rebuildSql() {
        return rebuildSql;
    }

    /** The set the catalogue names, or an error for a name this service does not know. */
    public static DerivedData of(String code) {
        for (DerivedData d : values()) {
            if (d.code.equals(code)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown derived data '" + code + "' in corridor.collection.rebuilds");
    }
}
