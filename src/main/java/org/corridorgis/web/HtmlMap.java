package org.corridorgis.web;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Draws GeoJSON geometries (longitude/latitude) as an inline SVG map, in an equirectangular projection
 * scaled by the cosine of the mean latitude so that shapes keep their proportions at this latitude.
 */
public final class HtmlMap {

    private static final String[] COLOURS = {"#c0392b", "#2471a3", "#1e8449", "#b9770e", "#7d3c98", "#117a65", "#884ea0", "#a04000"};

    private HtmlMap() {
    }

    public static String svg(List<JsonNode> geometries, int width) {
        return svg(geometries, List.of(), 0, width);
    }

    /**
     * The geometries over a context (country outlines, in grey) in a frame at least {@code minSpan} degrees
     * across, so that a point or a small area is seen where it lies.
     */
    public static String svg(List<JsonNode> geometries, List<JsonNode> context, double minSpan, int width) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (JsonNode g : geometries) {
            visit(g, (x, y) -> {
                box[0] = Math.min(box[0], x);
                box[1] = Math.min(box[1], y);
                box[2] = Math.max(box[2], x);
                box[3] = Math.max(box[3], y);
            });
        }
        if (box[0] > box[2]) {
            return "";
        }
        double widen = Math.max(0, minSpan - Math.max(box[2] - box[0], box[3] - box[1])) / 2;
        box[0] -= widen;
        box[1] -= widen;
        box[2] += widen;
        box[3] += widen;
        double pad = Math.max(0.01, Math.max(box[2] - box[0], box[3] - box[1]) * 0.05);
        double minX = box[0] - pad, maxX = box[2] + pad, minY = box[1] - pad, maxY = box[3] + pad;
        double k = Math.cos(Math.toRadians((minY + maxY) / 2));
        double w = (maxX - minX) * k, h = maxY - minY;
        int height = (int) Math.max(120, Math.min(width * 1.2, width * h / w));
        double scale = Math.min(width / w, height / h);
        StringBuilder svg = new StringBuilder("<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width
                + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\">");
        Projection projection = p -> new double[] {(p[0] - minX) * k * scale, height - (p[1] - minY) * scale};
        for (JsonNode g : context) {
            svg.append(shape(g, projection, "#9aa9b8"));
        }
        int i = 0;
        for (JsonNode g : geometries) {
            String colour = COLOURS[i++ % COLOURS.length];
            svg.append(shape(g, p -> new double[] {(p[0] - minX) * k * scale, height - (p[1] - minY) * scale}, colour));
        }
        return svg.append("</svg>").toString();
    }

    private interface Projection {
        double[] apply(double[] lonLat);
    }

    private interface PointVisitor {
        void accept(double x, double y);
    }

    private static String shape(JsonNode g, Projection project, String colour) {
        if (g == null || g.isNull()) {
            return "";
        }
        String type = g.path("type").asString("");
        JsonNode c = g.path("coordinates");
        StringBuilder d = new StringBuilder();
        switch (type) {
            case "Point" -> {
                double[] p = project.apply(new double[] {c.get(0).asDouble(), c.get(1).asDouble()});
                return "<circle cx=\"" + fmt(p[0]) + "\" cy=\"" + fmt(p[1]) + "\" r=\"4\" fill=\"" + colour + "\"/>";
            }
            case "MultiPoint" -> {
                StringBuilder s = new StringBuilder();
                for (JsonNode pt : c) {
                    double[] p = project.apply(new double[] {pt.get(0).asDouble(), pt.get(1).asDouble()});
                    s.append("<circle cx=\"").append(fmt(p[0])).append("\" cy=\"").append(fmt(p[1])).append("\" r=\"4\" fill=\"").append(colour).append("\"/>");
                }
                return s.toString();
            }
            case "LineString" -> path(d, c, project, false);
            case "MultiLineString" -> c.forEach(line -> path(d, line, project, false));
            case "Polygon" -> c.forEach(ring -> path(d, ring, project, true));
            case "MultiPolygon" -> c.forEach(poly -> poly.forEach(ring -> path(d, ring, project, true)));
            case "GeometryCollection" -> {
                StringBuilder s = new StringBuilder();
                g.path("geometries").forEach(part -> s.append(shape(part, project, colour)));
                return s.toString();
            }
            default -> {
                return "";
            }
        }
        boolean area = type.endsWith("Polygon");
        return "<path d=\"" + d + "\" fill=\"" + (area ? colour : "none") + "\" fill-opacity=\"0.35\" fill-rule=\"evenodd\" stroke=\""
                + colour + "\" stroke-width=\"" + (area ? 1 : 2.5) + "\"/>";
    }

    private static void path(StringBuilder d, JsonNode positions, Projection project, boolean close) {
        List<double[]> points = new ArrayList<>();
        positions.forEach(p -> points.add(project.apply(new double[] {p.get(0).asDouble(), p.get(1).asDouble()})));
        for (int i = 0; i < points.size(); i++) {
            d.append(i == 0 ? "M" : "L").append(fmt(points.get(i)[0])).append(' ').append(fmt(points.get(i)[1]));
        }
        if (close) {
            d.append('Z');
        }
    }

    private static void visit(JsonNode g, PointVisitor visitor) {
        if (g == null || g.isNull()) {
            return;
        }
        if (g.has("geometries")) {
            g.path("geometries").forEach(part -> visit(part, visitor));
            return;
        }
        visitPositions(g.path("coordinates"), visitor);
    }

    private static void visitPositions(JsonNode node, PointVisitor visitor) {
        if (node.isArray() && node.size() >= 2 && node.get(0).isNumber()) {
            visitor.accept(node.get(0).asDouble(), node.get(1).asDouble());
        } else if (node.isArray()) {
            node.forEach(child -> visitPositions(child, visitor));
        }
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
