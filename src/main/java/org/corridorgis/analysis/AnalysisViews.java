package org.corridorgis.analysis;

import java.util.ArrayList;
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
        StringBuilder b = new StringBuilder("<h2>Sources</h2><ul>");
        for (Map<String, Object> s : castList(body.get("sources"))) {
            b.append("<li><code>").append(Html.escape(s.get("id"))).append("</code> ").append(Html.escape(s.get("title"))).append("</li>");
        }
        return b.append("</ul>").toString();
    }

    static final String[] CSV_COLUMNS = {"scenario", "route", "name", "length_km", "length_by_country_km", "border_crossings",
            "consent_needed_from", "open", "checkpoints", "passport_checks", "customs_checks", "border_checks", "segment_regimes",
            "moving_minutes", "dwell_minutes", "total_minutes", "exposure"};

    @SuppressWarnings("unchecked")
    static List<List<Object>> routeRows(List<Map<String, Object>> tables) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> t : tables) {
            for (Map<String, Object> r : (List<Map<String, Object>>) t.get("routes")) {
                Map<String, Object> checks = (Map<String, Object>) r.get("checkpoint_checks");
                Map<String, Object> time = (Map<String, Object>) r.get("transit_time");
                List<String> cps = new ArrayList<>();
                for (Map<String, Object> c : (List<Map<String, Object>>) r.get("checkpoints")) {
                    Map<String, Object> reg = (Map<String, Object>) c.get("regime");
                    cps.add(c.get("id") + ":" + (reg == null ? "?" : reg.get("code")));
                }
                List<String> segs = new ArrayList<>();
                for (Map<String, Object> s : (List<Map<String, Object>>) r.get("segments")) {
                    Map<String, Object> reg = (Map<String, Object>) s.get("regime");
                    segs.add(s.get("country") + ":" + (reg == null ? "?" : reg.get("code")));
                }
                List<String> exp = new ArrayList<>();
                Object e = r.get("exposure");
                if (e != null) {
                    for (Map<String, Object> g : (List<Map<String, Object>>) ((Map<String, Object>) e).get("groups")) {
                        exp.add(g.get("group") + ":" + g.get("km"));
                    }
                }
                rows.add(List.of(t.get("scenario"), r.get("id"), r.get("name"), r.get("length_km"), r.get("length_by_country_km"),
                        r.get("border_crossings"), String.join(" ", (List<String>) r.get("consent_needed_from")), r.get("open"),
                        String.join(" ", cps), checks.get("passport"), checks.get("customs"), checks.get("border"), String.join(" ", segs),
                        time.get("moving_minutes"), time.get("dwell_minutes"), time.get("total_minutes"), String.join("; ", exp)));
            }
        }
        return rows;
    }

    /**
     * The route table as CSV: one column per country for the lengths ({@code length_km_ARM}, …), so that a
     * spreadsheet can sum and sort them; text cells made safe against formulas.
     */
    @SuppressWarnings("unchecked")
    static String routeCsv(List<Map<String, Object>> tables) {
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

    static String routeHtml(List<Map<String, Object>> tables) {
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
}
