package org.corridorgis.filter;

import java.util.List;

/**
 * Entry point of the CQL2 filter engine (OGC API - Features - Part 3, OGC CQL2 1.0): parses CQL2 text or CQL2 JSON
 * into one syntax tree and translates it into a PostgreSQL/PostGIS condition with bind parameters.
 *
 * <p>Every method throws only {@link FilterException} for bad input (never another exception type).
 */
public final class Cql2 {

    /** The OGC conformance classes implemented (for /conformance). */
    public static final List<String> CONFORMANCE_CLASSES = List.of(
        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
        "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
        "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
        "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
        "http://www.opengis.net/spec/cql2/1.0/conf/accent-insensitive-comparison",
        "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
        "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
        "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
        "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions",
        "http://www.opengis.net/spec/cql2/1.0/conf/array-functions",
        "http://www.opengis.net/spec/cql2/1.0/conf/property-property",
        "http://www.opengis.net/spec/cql2/1.0/conf/functions",
        "http://www.opengis.net/spec/cql2/1.0/conf/arithmetic");

    private Cql2() {
    }

    /** Parses a CQL2 text filter. */
    public static Expression parseText(String filter, FilterLimits limits) {
        return guarded("parsed", () -> Cql2TextParser.parse(filter, limits == null ? FilterLimits.DEFAULT : limits));
    }

    /** Parses a CQL2 JSON filter. */
    public static Expression parseJson(String filter, FilterLimits limits) {
        return guarded("parsed", () -> Cql2JsonParser.parse(filter, limits == null ? FilterLimits.DEFAULT : limits));
    }

    /**
     * Translates a parsed filter into an SQL condition.
     *
     * @param filterCrsSrid     SRID of the coordinates of geometry literals (4326 for CRS84 and EPSG:4326)
     * @param filterCrsIsLatLon true if literals are in lat/lon axis order (EPSG:4326): they are swapped to lon/lat
     */
    public static SqlFragment toSql(Expression filter, QueryableResolver resolver, int filterCrsSrid,
                                    boolean filterCrsIsLatLon) {
        if (filter == null) {
            throw new FilterException("no filter");
        }
        if (resolver == null) {
            throw new IllegalArgumentException("resolver");
        }
        if (filterCrsSrid <= 0) {
            throw new IllegalArgumentException("filterCrsSrid must be positive");
        }
        return guarded("translated", () -> new SqlTranslator(resolver, filterCrsSrid, filterCrsIsLatLon).translate(filter));
    }

    /**
     * Whatever goes wrong with a filter leaves as a FilterException (a 400 that says what), never as another
     * exception that would become a 500.
     */
    private static <T> T guarded(String step, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (FilterException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new FilterException("the filter is nested too deeply");
        } catch (RuntimeException e) {
            throw new FilterException(-1, "internal error: the filter could not be " + step, e);
        }
    }

    /** Translates with the default filter CRS (CRS84: SRID 4326, lon/lat). */
    public static SqlFragment toSql(Expression filter, QueryableResolver resolver) {
        return toSql(filter, resolver, 4326, false);
    }

    /** The functions a filter may call (for /functions). */
    public static List<FunctionDescription> functions() {
        return Cql2Functions.ALL;
    }
}
