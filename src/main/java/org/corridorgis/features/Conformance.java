package org.corridorgis.features;

import java.util.ArrayList;
import java.util.List;

import org.corridorgis.filter.Cql2;

/** The conformance classes this service implements, each backed by tests named after its requirements. */
final class Conformance {

    static final List<String> FEATURES = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/schemas",
            "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/core-roles-features",
            "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/sortables",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update");

    private Conformance() {
    }

    static List<String> classes() {
        List<String> all = new ArrayList<>(FEATURES);
        all.addAll(Cql2.CONFORMANCE_CLASSES);
        return all;
    }
}
