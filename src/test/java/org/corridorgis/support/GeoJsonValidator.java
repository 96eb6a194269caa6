package org.corridorgis.support;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Checks a GeoJSON document against RFC 7946: object types, feature-level ids, numeric positions of two or
 * three numbers, closed linear rings of at least four positions with the right-hand rule (exterior rings
 * counterclockwise, holes clockwise), no nested GeometryCollections, no foreign members where the RFC has
 * its own. Returns the problems found; an empty list means valid.
 */
public final class GeoJsonValidator {

    private final List<String> problems = new ArrayList<>();

    private GeoJsonValidator() {
    }

    public static List<String> problems(JsonNode document) {
        GeoJsonValidator v = new GeoJsonValidator();
        v.document(document);
        return v.problems;
    }

    private void document(JsonNode d) {
        String type = d.path("type").asString("");
        switch (type) {
            case "FeatureCollection" -> {
                if (!d.path("features").isArray()) {
                    problems.add("FeatureCollection without a features array");
                    return;
                }
                int i = 0;
                for (JsonNode f : d.path("features")) {
                    feature(f, "features[" + i++ + "]");
                }
            }
            case "Feature" -> feature(d, "feature");
            default -> problems.add("top-level type is '" + type + "', not FeatureCollection or Feature");
        }
    }

    private void feature(JsonNode f, String where) {
        if (!"Feature".equals(f.path("type").asString(""))) {
            problems.add(where + ": type is not Feature");
        }
        if (f.has("id") && !(f.get("id").isString() || f.get("id").isNumber())) {
            problems.add(where + ": id is neither a string nor a number");
        }
        if (!f.has("id")) {
            problems.add(where + ": no feature-level id");
        }
        if (!f.has("geometry")) {
            problems.add(where + ": no geometry member");
        } else if (!f.get("geometry").isNull()) {
            geometry(f.get("geometry"), where + ".geometry", false);
        }
        if (!f.has("properties") || !(f.get("properties").isObject() || f.get("properties").isNull())) {
            problems.add(where + ": properties is neither an object nor null");
        }
    }

    private void geometry(JsonNode g, String where, boolean insideCollection) {
        String type = g.path("type").asString("");
        JsonNode c = g.path("coordinates");
        switch (type) {
            case "Point" -> position(c, where);
            case "MultiPoint", "LineString" -> {
                positions(c, where);
                if (type.equals("LineString") && c.size() < 2) {
                    problems.add(where + ": a LineString needs two or more positions");
                }
            }
            case "MultiLineString" -> c.forEach(line -> {
                positions(line, where);
                if (line.size() < 2) {
                    problems.add(where + ": a line needs two or more positions");
                }
            });
            case "Polygon" -> polygon(c, where);
            case "MultiPolygon" -> c.forEach(p -> polygon(p, where));
            case "GeometryCollection" -> {
                if (insideCollection) {
                    problems.add(where + ": nested GeometryCollection");
                }
                g.path("geometries").forEach(part -> geometry(part, where, true));
            }
            default -> problems.add(where + ": unknown geometry type '" + type + "'");
        }
    }

    private void polygon(JsonNode rings, String where) {
        if (!rings.isArray() || rings.isEmpty()) {
            problems.add(where + ": polygon without rings");
            return;
        }
        int i = 0;
        for (JsonNode ring : rings) {
            positions(ring, where);
            if (ring.size() < 4) {
                problems.add(where + ": ring with fewer than 4 positions");
                continue;
            }
            JsonNode first = ring.get(0), last = ring.get(ring.size() - 1);
            if (first.get(0).asDouble() != last.get(0).asDouble() || first.get(1).asDouble() != last.get(1).asDouble()) {
                problems.add(where + ": ring not closed");
            }
            double area = signedArea(ring);
            if (i == 0 && area < 0) {
                problems.add(where + ": exterior ring clockwise (RFC 7946 right-hand rule wants counterclockwise)");
            }
            if (i > 0 && area > 0) {
                problems.add(where + ": hole counterclockwise (RFC 7946 right-hand rule wants clockwise)");
            }
            i++;
        }
    }

    private static double signedArea(JsonNode ring) {
        double sum = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            JsonNode a = ring.get(i), b = ring.get(i + 1);
            sum += a.get(0).asDouble() * b.get(1).asDouble() - b.get(0).asDouble() * a.get(1).asDouble();
        }
        return sum / 2;
    }

    private void positions(JsonNode list, String where) {
        if (!list.isArray()) {
            problems.add(where + ": positions are not an array");
            return;
        }
        list.forEach(p -> position(p, where));
    }

    private void position(JsonNode p, String where) {
        if (!p.isArray() || p.size() < 2 || p.size() > 3) {
            problems.add(where + ": a position must have 2 or 3 numbers, got " + p);
            return;
        }
        for (JsonNode n : p) {
            if (!n.isNumber()) {
                problems.add(where + ": non-numeric coordinate " + n);
            }
        }
    }
}
