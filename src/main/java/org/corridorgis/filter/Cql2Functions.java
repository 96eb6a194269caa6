package org.corridorgis.filter;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The functions a filter may call (the "Functions" conformance class); names are case-insensitive. */
final class Cql2Functions {

    private Cql2Functions() {
    }

    static final List<FunctionDescription> ALL = List.of(
        new FunctionDescription("DISTANCE_M",
            "Geodesic (WGS 84 spheroid) distance in metres between two geometries, e.g."
                + " DISTANCE_M(geom, POINT(46.2 38.9)) < 5000 for 'within 5 km'",
            List.of("geometry", "geometry"), List.of("number")),
        new FunctionDescription("DISTANCE_KM", "Geodesic distance in kilometres between two geometries",
            List.of("geometry", "geometry"), List.of("number")),
        new FunctionDescription("LENGTH_M", "Geodesic length in metres of a (multi)line geometry",
            List.of("geometry"), List.of("number")),
        new FunctionDescription("LENGTH_KM", "Geodesic length in kilometres of a (multi)line geometry",
            List.of("geometry"), List.of("number")),
        new FunctionDescription("AREA_M2", "Geodesic area in square metres of a (multi)polygon geometry",
            List.of("geometry"), List.of("number")),
        new FunctionDescription("AREA_KM2", "Geodesic area in square kilometres of a (multi)polygon geometry",
            List.of("geometry"), List.of("number")));

    static Optional<FunctionDescription> find(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return ALL.stream().filter(f -> f.name().equals(upper)).findFirst();
    }

    static String names() {
        return String.join(", ", ALL.stream().map(FunctionDescription::name).toList());
    }
}
