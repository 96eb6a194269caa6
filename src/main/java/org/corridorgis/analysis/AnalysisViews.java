package org.corridorgis.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

    static ResponseEntity<?> html(String title, String body, HttpServletRequest request) {
        String page = Html.page(title, List.<String[]>of(new String[] {"corridor-gis", "/"}, new String[] {"analyses", "/analysis"},
                new String[] {title, null}), body, RequestUrls.self(request, Map.of("f", "json")));
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page);
    }

    static ResponseEntity<?> csv(String csv) {
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/csv;charset=UTF-8")).body(csv);
    }

    /** A column of an HTML table: its heading (the answer's field name) and how a row gives its value. */
    record Column<R>(String name, Function<R, Object> value) {
    }

    /** An HTML table of typed rows, a column per field in the answer's order; "none" when there is no row. */
    static <R> String table(List<R> rows, List<Column<R>> columns) {
        if (rows == null || rows.isEmpty()) {
            return "<p class=\"muted\">none</p>";
        }
        StringBuilder b = new StringBuilder("<table><tr>");
        columns.forEach(c -> b.append("<th>").append(Html.escape(c.name().replace('_', ' '))).append("</th>"));
        b.append("</tr>");
        for (R r : rows) {
            b.append("<tr>");
            columns.forEach(c -> b.append("<td>").append(Html.escape(readable(c.value().apply(r)))).append("</td>"));
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

    static String citeHtml(List<Citation> sources) {
        StringBuilder b = new StringBuilder("<h2>Sources</h2><ul>");
        for (Citation s : sources) {
            b.append("<li><code>").append(Html.escape(s.id())).append("</code> ").append(Html.escape(s.title())).append("</li>");
        }
        return b.append("</ul>").toString();
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The compared routes as GeoJSON features: their geometry, and the comparison's figures (and scenario) as properties. */
    static RouteAnswers.RouteFeatures routeFeatures(RouteAnswers.Comparison comparison, Map<String, JsonNode> geometries) {
        List<RouteAnswers.RouteFeature> features = new ArrayList<>();
        for (RouteReport r : comparison.routes()) {
            ObjectNode properties = JSON.valueToTree(r);
            properties.put("scenario", comparison.scenario().id());
            features.add(new RouteAnswers.RouteFeature(r.id(), geometries.get(r.id()), properties));
        }
        return new RouteAnswers.RouteFeatures(comparison.scenario(), comparison.method(), features, comparison.sources());
    }

    static final String[] CSV_COLUMNS = {"scenario", "route", "name", "length_km", "length_by_country_km", "border_crossings",
            "consent_needed_from", "open", "checkpoints", "passport_checks", "customs_checks", "border_checks", "segment_regimes",
            "moving_minutes", "dwell_minutes", "total_minutes", "exposure"};

    static List<List<Object>> routeRows(List<RouteAnswers.Table> tables) {
        List<List<Object>> rows = new ArrayList<>();
        for (RouteAnswers.Table t : tables) {
            for (RouteReport r : t.routes()) {
                rows.add(routeRow(t.scenario(), r));
            }
        }
        return rows;
    }

    /** A route's cells in the order of {@link #CSV_COLUMNS}; its lengths by country as one map. */
    private static List<Object> routeRow(String scenario, RouteReport r) {
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
        return List.of(scenario, r.id(), r.name(), r.lengthKm(), r.lengthByCountryKm(), r.borderCrossings(),
                String.join(" ", r.consentNeededFrom()), r.open(), String.join(" ", cps), checks.passport(), checks.customs(),
                checks.border(), String.join(" ", segs), time.movingMinutes(), time.dwellMinutes(), time.totalMinutes(),
                String.join("; ", exp));
    }

    /**
     * The route table as CSV: one column per country for the lengths ({@code length_km_ARM}, …), so that a
     * spreadsheet can sum and sort them; text cells made safe against formulas.
     */
    static String routeCsv(List<RouteAnswers.Table> tables) {
        int byCountry = java.util.Arrays.asList(CSV_COLUMNS).indexOf("length_by_country_km");
        java.util.SortedSet<String> countries = new java.util.TreeSet<>();
        tables.forEach(t -> t.routes().forEach(r -> countries.addAll(r.lengthByCountryKm().keySet())));
        List<String> header = new ArrayList<>();
        for (String c : CSV_COLUMNS) {
            if (c.equals("length_by_country_km")) {
                countries.forEach(country -> header.add("length_km_" + country));
            } else {
                header.add(c);
            }
        }
        List<List<Object>> cells = new ArrayList<>();
        for (RouteAnswers.Table t : tables) {
            for (RouteReport r : t.routes()) {
                List<Object> row = new ArrayList<>(routeRow(t.scenario(), r));
                row.remove(byCountry);
                row.addAll(byCountry, countries.stream().map(country -> (Object) r.lengthByCountryKm().get(country)).toList());
                cells.add(row);
            }
        }
        return csv(header, cells);
    }

    /**
     * The areas between two maps' lines as CSV: which state each map puts an area in, a column per map
     * ({@code under_<map>}), its area, the sections, places and lines it touches, and its outline as WKT.
     */
    static String boundaryCsv(MapComparison comparison) {
        List<String> header = List.of("id", "under_" + comparison.a().id(), "under_" + comparison.b().id(), "area_km2", "sections",
                "places", "lines", "geometry");
        List<List<Object>> rows = new ArrayList<>();
        org.locationtech.jts.io.geojson.GeoJsonReader reader = new org.locationtech.jts.io.geojson.GeoJsonReader();
        for (MapComparison.Face f : comparison.features()) {
            MapComparison.FaceProperties p = f.properties();
            String wkt;
            try {
                wkt = f.geometry() == null ? null : reader.read(f.geometry().toString()).toText();
            } catch (org.locationtech.jts.io.ParseException e) {
                throw new IllegalStateException("PostGIS wrote GeoJSON JTS cannot read", e);
            }
            List<Object> row = new ArrayList<>();
            row.add(f.id());
            row.add(p.stateA());
            row.add(p.stateB());
            row.add(p.areaKm2());
            row.add(join(p.sections()));
            row.add(join(p.places()));
            row.add(join(p.lines()));
            row.add(wkt);
            rows.add(row);
        }
        return csv(header, rows);
    }

    private static String join(List<String> list) {
        return list == null ? null : String.join("; ", list.stream().map(String::valueOf).toList());
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
    static String indexHtml(AnalysisIndex index) {
        StringBuilder b = new StringBuilder("<ul>");
        for (AnalysisIndex.Entry e : index.analyses()) {
            b.append("<li><a href=\"").append(Html.escape(e.example())).append("\">").append(Html.escape(e.title()))
                    .append("</a> — <code>").append(Html.escape(e.path())).append("</code>: ")
                    .append(Html.escape(e.parameters())).append("</li>");
        }
        return b.append("</ul>").toString();
    }

    private static final List<Column<MapComparison.Section>> SECTION_COLUMNS = List.of(
            new Column<>("section", MapComparison.Section::section), new Column<>("lines_a", MapComparison.Section::linesA),
            new Column<>("lines_b", MapComparison.Section::linesB), new Column<>("length_a_km", MapComparison.Section::lengthAKm),
            new Column<>("length_b_km", MapComparison.Section::lengthBKm), new Column<>("hausdorff_m", MapComparison.Section::hausdorffM),
            new Column<>("lines_meet", MapComparison.Section::linesMeet));

    private static final List<Column<MapComparison.Face>> FACE_COLUMNS = List.of(
            new Column<>("id", MapComparison.Face::id), new Column<>("area_km2", f -> f.properties().areaKm2()),
            new Column<>("state_a", f -> f.properties().stateA()), new Column<>("state_b", f -> f.properties().stateB()),
            new Column<>("direction", f -> f.properties().direction()), new Column<>("sections", f -> f.properties().sections()),
            new Column<>("lines", f -> f.properties().lines()), new Column<>("places", f -> f.properties().places()));

    private static final List<Column<MapComparison.PlaceOnSides>> PLACE_COLUMNS = List.of(
            new Column<>("place", MapComparison.PlaceOnSides::place), new Column<>("side_a", MapComparison.PlaceOnSides::sideA),
            new Column<>("side_b", MapComparison.PlaceOnSides::sideB), new Column<>("face", MapComparison.PlaceOnSides::face));

    /** An exclave's fields but its outline. */
    private static final List<Column<MapComparison.Exclave>> EXCLAVE_COLUMNS = List.of(
            new Column<>("id", MapComparison.Exclave::id), new Column<>("name", MapComparison.Exclave::name),
            new Column<>("claimed_by", MapComparison.Exclave::claimedBy), new Column<>("controlled_by", MapComparison.Exclave::controlledBy),
            new Column<>("since", MapComparison.Exclave::since), new Column<>("accuracy", MapComparison.Exclave::accuracy),
            new Column<>("area_km2", MapComparison.Exclave::areaKm2), new Column<>("cited_area_km2", MapComparison.Exclave::citedAreaKm2),
            new Column<>("drawn_by", MapComparison.Exclave::drawnBy), new Column<>("faces", MapComparison.Exclave::faces),
            new Column<>("counted", MapComparison.Exclave::counted), new Column<>("status", MapComparison.Exclave::status));

    /**
     * The totals in words: the area between the lines, then how much of it passes in each direction (X→Y: from X
     * under map a to Y under map b) and what that means; a pair that cannot be compared says so, with no figure.
     */
    static String totalsHtml(MapComparison.Totals t) {
        if (Boolean.FALSE.equals(t.comparable())) {
            return "<p>Totals: not comparable, so no area is given (see the notes)</p>";
        }
        StringBuilder h = new StringBuilder("<p>Totals: ").append(Html.escape(String.valueOf(t.areaKm2())))
                .append(" km² between the lines");
        if (t.directions() != null && !t.directions().isEmpty()) {
            h.append("; by direction: ");
            String separator = "";
            for (var direction : t.directions().entrySet()) {
                h.append(separator).append(Html.escape(direction.getKey())).append(' ')
                        .append(Html.escape(String.valueOf(direction.getValue()))).append(" km²");
                separator = ", ";
            }
        }
        h.append("</p>");
        if (t.meaning() != null) {
            h.append("<p class=\"muted\">").append(Html.escape(t.meaning())).append("</p>");
        }
        return h.toString();
    }

    /**
     * A map comparison: its totals, sections, the areas between the lines, the places on different sides, exclaves,
     * notes, sources. A pair that cannot be compared has no sections, places or exclaves: those tables say none.
     */
    static String boundaryHtml(MapComparison comparison) {
        StringBuilder h = new StringBuilder(totalsHtml(comparison.totals()));
        h.append(table(comparison.sections(), SECTION_COLUMNS));
        h.append("<h2>Areas between the lines</h2>").append(table(comparison.features(), FACE_COLUMNS));
        h.append("<h2>Places on different sides</h2>").append(table(comparison.placesOnDifferentSides(), PLACE_COLUMNS));
        h.append("<h2>Exclaves</h2>").append(table(comparison.exclaves(), EXCLAVE_COLUMNS));
        h.append("<h2>Notes</h2><ul>");
        for (String n : comparison.notes()) {
            h.append("<li>").append(Html.escape(n)).append("</li>");
        }
        return h.append("</ul>").append(citeHtml(comparison.sources())).toString();
    }

    /** The columns of a total: its figures, then the value of its group (none for the total over all areas). */
    private static List<Column<TerritoryReport.Total>> totalColumns(TerritoryReport.Grouping grouping) {
        List<Column<TerritoryReport.Total>> columns = new ArrayList<>(List.of(
                new Column<>("areas", TerritoryReport.Total::areas), new Column<>("with_geometry", TerritoryReport.Total::withGeometry),
                new Column<>("area_km2", TerritoryReport.Total::areaKm2), new Column<>("cited_area_km2", TerritoryReport.Total::citedAreaKm2),
                new Column<>("ids", TerritoryReport.Total::ids)));
        if (grouping != null) {
            columns.add(new Column<>(grouping.column, TerritoryReport.Total::group));
        }
        return columns;
    }

    private static final List<Column<TerritoryReport.Area>> AREA_COLUMNS = List.of(
            new Column<>("id", TerritoryReport.Area::id), new Column<>("name", TerritoryReport.Area::name),
            new Column<>("kind", TerritoryReport.Area::kind), new Column<>("place", TerritoryReport.Area::place),
            new Column<>("claimed_by", TerritoryReport.Area::claimedBy), new Column<>("controlled_by", TerritoryReport.Area::controlledBy),
            new Column<>("since", TerritoryReport.Area::since), new Column<>("episode", TerritoryReport.Area::episode),
            new Column<>("known_from", TerritoryReport.Area::knownFrom), new Column<>("area_km2", TerritoryReport.Area::areaKm2),
            new Column<>("cited_area_km2", TerritoryReport.Area::citedAreaKm2), new Column<>("cited_figure", TerritoryReport.Area::citedFigure),
            new Column<>("has_geometry", TerritoryReport.Area::hasGeometry), new Column<>("headline", TerritoryReport.Area::headline),
            new Column<>("accuracy", TerritoryReport.Area::accuracy), new Column<>("sources", TerritoryReport.Area::sources));

    /** Territory accounting: the headline figure, the totals by each grouping, the areas, the sources. */
    static String territoryHtml(TerritoryReport report) {
        StringBuilder h = new StringBuilder("<p><b>").append(Html.escape(report.headline().title())).append(": ")
                .append(Html.escape(report.headline().areaKm2())).append(" km²</b></p>");
        for (TerritoryReport.Grouping g : TerritoryReport.Grouping.values()) {
            h.append("<h2>").append(Html.escape(g.key)).append("</h2>").append(table(report.totals().of(g), totalColumns(g)));
        }
        h.append("<h2>Areas (computed and cited)</h2>").append(table(report.areas(), AREA_COLUMNS)).append(citeHtml(report.sources()));
        return h.toString();
    }
}
