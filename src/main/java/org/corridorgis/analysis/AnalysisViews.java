package org.corridorgis.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.corridorgis.web.CsvCells;
import org.corridorgis.web.Html;
import org.corridorgis.web.RequestUrls;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The HTML and CSV forms of the analyses' answers (JSON is Spring's own). */
final class AnalysisViews {

    private AnalysisViews() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> castList(Object o) {
        return (List<Map<String, Object>>) o;
    }

    static ResponseEntity<?> html(String title, String body, HttpServletRequest request) {
        String page = Html.page(title, List.<String[]>of(new String[] {"corridor-gis", "/"}, new String[] {"analyses", "/analysis"},
                new String[] {title, null}), body, RequestUrls.self(request, Map.of("f", "json")));
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page);
    }

    static ResponseEntity<?> csv(String csv) {
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/csv;charset=UTF-8")).body(csv);
    }

    static String table(List<Map<String, Object>> rows) {
        if (rows == null || rows.isEmpty()) {
            return "<p class=\"muted\">none</p>";
        }
        Set<String> cols = new LinkedHashSet<>();
        rows.forEach(r -> cols.addAll(r.keySet()));
        StringBuilder b = new StringBuilder("<table><tr>");
        cols.forEach(c -> b.append("<th>").append(Html.escape(c.replace('_', ' '))).append("</th>"));
        b.append("</tr>");
        for (Map<String, Object> r : rows) {
            b.append("<tr>");
            cols.forEach(c -> b.append("<td>").append(Html.escape(readable(r.get(c)))).append("</td>"));
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    /** A value for a reader: a map as "key: value; …", a list joined, nested values alike (never Java's {k=v}). */
    static String readable(Object value) {
        if (value instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, v) -> parts.add(k + ": " + readable(v)));
            return String.join("; ", parts);
        }
        if (value instanceof java.util.Collection<?> c) {
            List<String> parts = new ArrayList<>();
            c.forEach(v -> parts.add(readable(v)));
            return String.join(", ", parts);
        }
        return value == null ? "" : value.toString();
    }

    static String citeHtml(Map<String, Object> body) {
        List<RouteAnalysis.Citation> sources = new ArrayList<>();
        for (Map<String, Object> s : castList(body.get("sources"))) {
            sources.add(new RouteAnalysis.Citation((String) s.get("id"), (String) s.get("title"), (String) s.get("publisher"),
                    (String) s.get("reference")));
        }
        return citeHtml(sources);
    }

    static String citeHtml(List<RouteAnalysis.Citation> sources) {
        StringBuilder b = new StringBuilder("<h2>Sources</h2><ul>");
        for (RouteAnalysis.Citation s : sources) {
            b.append("<li><code>").append(Html.escape(s.id())).append("</code> ").append(Html.escape(s.title())).append("</li>");
        }
        return b.append("</ul>").toString();
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The compared routes as GeoJSON features: their geometry, and the comparison's figures (and scenario) as properties. */
    static Map<String, Object> routeFeatures(RouteAnswers.Comparison comparison, Map<String, JsonNode> geometries) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (RouteReport r : comparison.routes()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", "Feature");
            f.put("id", r.id());
            f.put("geometry", geometries.get(r.id()));
            ObjectNode properties = JSON.valueToTree(r);
            properties.put("scenario", comparison.scenario().id());
            f.put("properties", properties);
            features.add(f);
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("scenario", comparison.scenario());
        collection.put("method", comparison.method());
        collection.put("features", features);
        collection.put("sources", comparison.sources());
        return collection;
    }

    static final String[] CSV_COLUMNS = {"scenario", "route", "name", "length_km", "length_by_country_km", "border_crossings",
            "consent_needed_from", "open", "checkpoints", "passport_checks", "customs_checks", "border_checks", "segment_regimes",
            "moving_minutes", "dwell_minutes", "total_minutes", "exposure"};

    static List<List<Object>> routeRows(List<RouteAnswers.Table> tables) {
        List<List<Object>> rows = new ArrayList<>();
        for (RouteAnswers.Table t : tables) {
            for (RouteReport r : t.routes()) {
                List<String> cps = new ArrayList<>();
                for (RouteReport.Checkpoint c : r.checkpoints()) {
                    cps.add(c.id() + ":" + (c.regime() == null ? "?" : c.regime().code()));
                }
                List<String> segs = new ArrayList<>();
                for (RouteReport.Segment s : r.segments()) {
                    segs.add(s.country() + ":" + (s.regime() == null ? "?" : s.regime().code()));
                }
                List<String> exp = new ArrayList<>();
                if (r.exposure() != null) {
                    for (RouteReport.ExposureGroup g : r.exposure().groups()) {
                        exp.add(g.group() + ":" + g.km());
                    }
                }
                RouteReport.CheckCounts checks = r.checkpointChecks();
                RouteReport.TransitTime time = r.transitTime();
                rows.add(List.of(t.scenario(), r.id(), r.name(), r.lengthKm(), r.lengthByCountryKm(), r.borderCrossings(),
                        String.join(" ", r.consentNeededFrom()), r.open(), String.join(" ", cps), checks.passport(), checks.customs(),
                        checks.border(), String.join(" ", segs), time.movingMinutes(), time.dwellMinutes(), time.totalMinutes(),
                        String.join("; ", exp)));
            }
        }
        return rows;
    }

    /**
     * The route table as CSV: one column per country for the lengths ({@code length_km_ARM}, …), so that a
     * spreadsheet can sum and sort them; text cells made safe against formulas.
     */
    @SuppressWarnings("unchecked")
    static String routeCsv(List<RouteAnswers.Table> tables) {
        List<List<Object>> rows = routeRows(tables);
        int byCountry = java.util.Arrays.asList(CSV_COLUMNS).indexOf("length_by_country_km");
        java.util.SortedSet<String> countries = new java.util.TreeSet<>();
        rows.forEach(r -> countries.addAll(((Map<String, Object>) r.get(byCountry)).keySet()));
        List<String> header = new ArrayList<>();
        for (String c : CSV_COLUMNS) {
            if (c.equals("length_by_country_km")) {
                countries.forEach(country -> header.add("length_km_" + country));
            } else {
                header.add(c);
            }
        }
        List<List<Object>> cells = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                if (i == byCountry) {
                    Map<String, Object> km = (Map<String, Object>) row.get(i);
                    countries.forEach(country -> out.add(km.get(country)));
                } else {
                    out.add(row.get(i));
                }
            }
            cells.add(out);
        }
        return csv(header, cells);
    }

    /**
     * The areas between two maps' lines as CSV: which state each map puts an area in, a column per map
     * ({@code under_<map>}), its area, the sections, places and lines it touches, and its outline as WKT.
     */
    @SuppressWarnings("unchecked")
    static String boundaryCsv(Map<String, Object> body, String a, String b) {
        List<String> header = List.of("id", "under_" + a, "under_" + b, "area_km2", "sections", "places", "lines", "geometry");
        List<List<Object>> rows = new ArrayList<>();
        org.locationtech.jts.io.geojson.GeoJsonReader reader = new org.locationtech.jts.io.geojson.GeoJsonReader();
        for (Map<String, Object> f : castList(body.get("features"))) {
            Map<String, Object> p = (Map<String, Object>) f.get("properties");
            String wkt;
            try {
                wkt = f.get("geometry") == null ? null : reader.read(f.get("geometry").toString()).toText();
            } catch (org.locationtech.jts.io.ParseException e) {
                throw new IllegalStateException("PostGIS wrote GeoJSON JTS cannot read", e);
            }
            List<Object> row = new ArrayList<>();
            row.add(String.valueOf(f.get("id")));
            row.add(p.get("state_a"));
            row.add(p.get("state_b"));
            row.add(p.get("area_km2"));
            row.add(join(p.get("sections")));
            row.add(join(p.get("places")));
            row.add(join(p.get("lines")));
            row.add(wkt);
            rows.add(row);
        }
        return csv(header, rows);
    }

    private static String join(Object list) {
        return list instanceof List<?> l ? String.join("; ", l.stream().map(String::valueOf).toList()) : list == null ? null : list.toString();
    }

    /** CSV text (RFC 4180) of a header and rows; text cells made safe against spreadsheet formulas. */
    static String csv(List<String> header, List<List<Object>> rows) {
        StringBuilder b = new StringBuilder(CsvCells.row(header));
        for (List<Object> row : rows) {
            b.append(CsvCells.row(row));
        }
        return b.toString();
    }

    static String routeHtml(List<RouteAnswers.Table> tables) {
        StringBuilder b = new StringBuilder("<table><tr>");
        for (String c : CSV_COLUMNS) {
            b.append("<th>").append(Html.escape(c.replace('_', ' '))).append("</th>");
        }
        b.append("</tr>");
        for (List<Object> row : routeRows(tables)) {
            b.append("<tr>");
            row.forEach(o -> b.append("<td>").append(Html.escape(readable(o))).append("</td>"));
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    /** The list of analyses: each with its example link, path and parameters. */
    static String indexHtml(List<Map<String, Object>> analyses) {
        StringBuilder b = new StringBuilder("<ul>");
        for (Map<String, Object> e : analyses) {
            b.append("<li><a href=\"").append(Html.escape(e.get("example"))).append("\">").append(Html.escape(e.get("title")))
                    .append("</a> — <code>").append(Html.escape(e.get("path"))).append("</code>: ")
                    .append(Html.escape(e.get("parameters"))).append("</li>");
        }
        return b.append("</ul>").toString();
    }

    /** A map comparison: its totals, sections, the areas between the lines, the places on different sides, notes, sources. */
    static String boundaryHtml(Map<String, Object> body) {
        StringBuilder h = new StringBuilder("<p>Totals: ").append(Html.escape(body.get("totals"))).append("</p>");
        h.append(table(castList(body.get("sections"))));
        h.append("<h2>Areas between the lines</h2>");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> f : castList(body.get("features"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) f.get("properties");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", f.get("id"));
            r.putAll(p);
            rows.add(r);
        }
        h.append(table(rows));
        h.append("<h2>Places on different sides</h2>").append(table(castList(body.get("places_on_different_sides"))));
        List<Map<String, Object>> exclaves = new ArrayList<>();
        for (Map<String, Object> e : castList(body.get("exclaves"))) {
            Map<String, Object> r = new LinkedHashMap<>(e);
            r.remove("geometry");
            exclaves.add(r);
        }
        h.append("<h2>Exclaves</h2>").append(table(exclaves));
        h.append("<h2>Notes</h2><ul>");
        for (Object n : (List<?>) body.get("notes")) {
            h.append("<li>").append(Html.escape(n)).append("</li>");
        }
        return h.append("</ul>").append(citeHtml(body)).toString();
    }

    /** Territory accounting: the headline figure, the totals by each grouping, the areas, the sources. */
    static String territoryHtml(Map<String, Object> body) {
        StringBuilder h = new StringBuilder("<p><b>").append(Html.escape(((Map<?, ?>) body.get("headline")).get("title"))).append(": ")
                .append(Html.escape(((Map<?, ?>) body.get("headline")).get("area_km2"))).append(" km²</b></p>");
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> totals = (Map<String, List<Map<String, Object>>>) body.get("totals");
        totals.forEach((k, v) -> h.append("<h2>").append(Html.escape(k)).append("</h2>").append(table(v)));
        h.append("<h2>Areas (computed and cited)</h2>").append(table(castList(body.get("areas")))).append(citeHtml(body));
        return h.toString();
    }
}
