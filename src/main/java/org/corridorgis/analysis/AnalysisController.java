package org.corridorgis.analysis;

import java.time.LocalDate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.corridorgis.scenario.Scenarios;
import org.corridorgis.web.DataVersion;
import org.corridorgis.web.Html;
import org.corridorgis.web.ProblemException;
import org.corridorgis.web.RequestUrls;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The analyses: thin HTTP layer over RouteAnalysis, BoundaryComparison and TerritoryAccounting. */
@RestController
class AnalysisController {

    private static final Set<String> ROUTE_PARAMS = Set.of("f", "routes", "scenario", "datetime", "speed.rail", "speed.road", "dwell.passport",
            "dwell.customs", "dwell.border", "exposure.km");
    private static final Set<String> SCENARIO_PARAMS = Set.of("f", "datetime", "speed.rail", "speed.road", "dwell.passport", "dwell.customs", "dwell.border");

    private final RouteAnalysis routes;
    private final BoundaryComparison boundaries;
    private final TerritoryAccounting territory;
    private final Sources sources;
    private final DataVersion versions;
    private final Scenarios scenarios;
    private final int maxRoutes;

    AnalysisController(RouteAnalysis routes, BoundaryComparison boundaries, TerritoryAccounting territory, Sources sources,
                       DataVersion versions, Scenarios scenarios, AnalysisProperties properties) {
        this.routes = routes;
        this.scenarios = scenarios;
        this.boundaries = boundaries;
        this.territory = territory;
        this.sources = sources;
        this.versions = versions;
        this.maxRoutes = properties.maxRoutes();
    }

    @GetMapping("/analysis")
    ResponseEntity<?> index(HttpServletRequest request) {
        Params.allowOnly(request, Set.of("f"));
        String format = Params.format(request, false);
        List<Map<String, Object>> list = new ArrayList<>();
        list.add(entry(request, "Route and control-regime comparison", "/analysis/routes/compare",
                "routes=baku-nakhchivan-via-meghri,baku-nakhchivan-via-aras-corridor-iran,baku-nakhchivan-via-iran-historic-road&scenario=crossroads-of-peace-2023",
                "routes (comma list, max " + maxRoutes + "), scenario (default " + scenarios.defaultId() + "), datetime (the day, default today), speed.rail, speed.road (km/h), "
                        + "dwell.passport, dwell.customs, dwell.border (min), exposure.km, f=json|html|csv"));
        list.add(entry(request, "One route under every scenario", "/analysis/routes/baku-nakhchivan-via-meghri/scenarios", null,
                "speed.*, dwell.*, f=json|html|csv"));
        list.add(entry(request, "Candidate map comparison", "/analysis/boundaries/compare", "a=reference-osm-2017&b=de-facto-2024",
                "a, b (map ids), section (optional), f=json|html"));
        list.add(entry(request, "Territory accounting", "/analysis/territory", "datetime=2022-01-01",
                "datetime (valid time, YYYY-MM-DD), recorded (transaction time), f=json|html"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "corridor-gis analyses");
        body.put("analyses", list);
        if (format.equals("html")) {
            StringBuilder b = new StringBuilder("<ul>");
            for (Map<String, Object> e : list) {
                b.append("<li><a href=\"").append(Html.escape(e.get("example"))).append("\">").append(Html.escape(e.get("title")))
                        .append("</a> — <code>").append(Html.escape(e.get("path"))).append("</code>: ")
                        .append(Html.escape(e.get("parameters"))).append("</li>");
            }
            b.append("</ul>");
            return AnalysisViews.html("Analyses", b.toString(), request);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static Map<String, Object> entry(HttpServletRequest request, String title, String path, String query, String params) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("path", path);
        m.put("parameters", params);
        m.put("example", RequestUrls.root(request) + path + (query == null ? "" : "?" + query));
        return m;
    }

    private RouteAnalysis.Tuning tuning(HttpServletRequest request) {
        return new RouteAnalysis.Tuning(
                Params.number(request, "speed.rail", RouteAnalysis.DEFAULT_SPEED_RAIL, true),
                Params.number(request, "speed.road", RouteAnalysis.DEFAULT_SPEED_ROAD, true),
                Params.number(request, "dwell.passport", RouteAnalysis.DEFAULT_DWELL_PASSPORT, false),
                Params.number(request, "dwell.customs", RouteAnalysis.DEFAULT_DWELL_CUSTOMS, false),
                Params.number(request, "dwell.border", RouteAnalysis.DEFAULT_DWELL_BORDER, false),
                Params.number(request, "exposure.km", RouteAnalysis.DEFAULT_EXPOSURE_KM, false));
    }

    @GetMapping("/analysis/routes/compare")
    ResponseEntity<?> compareRoutes(HttpServletRequest request, HttpServletResponse response) {
        Params.allowOnly(request, ROUTE_PARAMS);
        String format = Params.format(request, true);
        RouteAnalysis.Tuning t = tuning(request);
        if (t.exposureKm() > 100) {
            throw ProblemException.badParameter("exposure.km", "at most 100 km");
        }
        String raw = request.getParameter("routes");
        if (raw == null || raw.isBlank()) {
            throw ProblemException.badParameter("routes", "give one or more route ids, comma-separated; the routes are: "
                    + String.join(", ", routes.knownRoutes()));
        }
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(List.of(raw.split("\\s*,\\s*"))));
        ids.removeIf(String::isBlank);
        if (ids.isEmpty()) {
            throw ProblemException.badParameter("routes", "no route id given");
        }
        if (ids.size() > maxRoutes) {
            throw ProblemException.badParameter("routes", ids.size() + " routes asked; at most " + maxRoutes + " at a time");
        }
        List<String> known = routes.knownRoutes();
        for (String id : ids) {
            if (!known.contains(id)) {
                throw ProblemException.notFound("no route '" + id + "'; the routes are: " + String.join(", ", known));
            }
        }
        boolean defaulted = request.getParameter("scenario") == null;
        String scenarioId = defaulted ? scenarios.defaultId() : request.getParameter("scenario");
        Map<String, Object> scenario = requireScenario(scenarioId);
        if (versions.notModifiedWeak(versions.current(), request, response, format + dayVariant(request))) {
            return ResponseEntity.status(304).build();
        }
        Set<String> cited = new LinkedHashSet<>();
        @SuppressWarnings("unchecked")
        List<String> ss = (List<String>) scenario.get("sources");
        cited.addAll(ss);
        LocalDate at = stateDay(request);
        List<Map<String, Object>> result = routes.compare(ids, scenarioId, at, t, true, cited);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scenario", scenario);
        body.put("datetime", at.toString());
        if (defaulted) {
            body.put("scenario_note", "no scenario given: using the default " + scenarios.defaultId());
        }
        body.put("parameters", t.describe());
        body.put("parameter_basis", parameterBasis(request));
        body.put("method", "lengths geodesic (PostGIS geography) from corridor.route_segments; checks counted per checkpoint from the "
                + "scenario's regime (operator 'national': one check per state of the crossing, 'third party': one by the guarantor); "
                + "time = length / mode speed + checks × dwell; exposure = km of the route within exposure.km of the features");
        body.put("routes", result);
        body.put("sources", sources.cite(cited));
        if ("geojson".equalsIgnoreCase(request.getParameter("f"))) {
            // The compared routes as features: their geometry, and the comparison's figures as properties.
            Map<String, Object> geometries = routes.geometries(ids);
            List<Map<String, Object>> features = new ArrayList<>();
            for (Map<String, Object> r : result) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("type", "Feature");
                f.put("id", r.get("id"));
                f.put("geometry", geometries.get(String.valueOf(r.get("id"))));
                Map<String, Object> properties = new LinkedHashMap<>(r);
                properties.put("scenario", scenarioId);
                f.put("properties", properties);
                features.add(f);
            }
            Map<String, Object> collection = new LinkedHashMap<>();
            collection.put("type", "FeatureCollection");
            collection.put("scenario", scenario);
            collection.put("method", body.get("method"));
            collection.put("features", features);
            collection.put("sources", body.get("sources"));
            return ResponseEntity.ok().contentType(MediaType.valueOf("application/geo+json"))
                    .header("Content-Disposition", "attachment; filename=\"route-comparison.geojson\"").body(collection);
        }
        return switch (format) {
            case "csv" -> AnalysisViews.csv(AnalysisViews.routeCsv(List.of(Map.of("scenario", scenarioId, "routes", result))));
            case "html" -> AnalysisViews.html("Route comparison — " + scenario.get("name"), AnalysisViews.routeHtml(List.of(Map.of("scenario", scenarioId, "routes", result)))
                    + AnalysisViews.citeHtml(body), request);
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
        };
    }

    @GetMapping("/analysis/routes/{id}/scenarios")
    ResponseEntity<?> routeScenarios(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        Params.allowOnly(request, SCENARIO_PARAMS);
        String format = Params.format(request, true);
        RouteAnalysis.Tuning t = tuning(request);
        if (!routes.knownRoutes().contains(id)) {
            throw ProblemException.notFound("no route '" + id + "'; the routes are: " + String.join(", ", routes.knownRoutes()));
        }
        if (versions.notModifiedWeak(versions.current(), request, response, format + dayVariant(request))) {
            return ResponseEntity.status(304).build();
        }
        Set<String> cited = new LinkedHashSet<>();
        LocalDate at = stateDay(request);
        List<Map<String, Object>> perScenario = new ArrayList<>();
        for (String s : scenarios.ids()) {
            Map<String, Object> scenario = routes.scenario(s);
            @SuppressWarnings("unchecked")
            List<String> ss = (List<String>) scenario.get("sources");
            cited.addAll(ss);
            Map<String, Object> route = routes.compare(List.of(id), s, at, t, false, cited).get(0);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", s);
            m.put("scenario_name", scenario.get("name"));
            m.put("open", route.get("open"));
            m.put("checkpoint_checks", route.get("checkpoint_checks"));
            m.put("transit_time", route.get("transit_time"));
            m.put("segments", route.get("segments"));
            m.put("checkpoints", route.get("checkpoints"));
            m.put("crossings", route.get("crossings"));
            m.put("length_km", route.get("length_km"));
            m.put("route", route);
            perScenario.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("route", id);
        body.put("datetime", at.toString());
        body.put("parameters", t.describe());
        body.put("scenarios", perScenario);
        body.put("sources", sources.cite(cited));
        List<Map<String, Object>> tables = new ArrayList<>();
        for (Map<String, Object> m : perScenario) {
            tables.add(Map.of("scenario", m.get("scenario"), "routes", List.of(m.get("route"))));
        }
        @SuppressWarnings("unchecked")
        Object routeName = perScenario.isEmpty() ? id : ((Map<String, Object>) perScenario.get(0).get("route")).get("name");
        perScenario.forEach(m -> m.remove("route"));
        return switch (format) {
            case "csv" -> AnalysisViews.csv(AnalysisViews.routeCsv(tables));
            case "html" -> AnalysisViews.html(routeName + " under each scenario", AnalysisViews.routeHtml(tables) + AnalysisViews.citeHtml(body), request);
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
        };
    }

    @GetMapping("/analysis/boundaries/compare")
    ResponseEntity<?> compareBoundaries(HttpServletRequest request, HttpServletResponse response) {
        Params.allowOnly(request, Set.of("f", "a", "b", "section"));
        String format = Params.format(request, true);
        String a = request.getParameter("a"), b = request.getParameter("b");
        for (String[] p : new String[][] {{"a", a}, {"b", b}}) {
            if (p[1] == null || p[1].isBlank()) {
                throw ProblemException.badParameter(p[0], "give a map id; the maps are: " + String.join(", ", boundaries.knownMaps()));
            }
        }
        String section = request.getParameter("section");
        // one statement reads both maps and checks the section; the lists of what exists are read only for an error
        BoundaryComparison.Maps maps = boundaries.maps(a, b, section);
        for (String id : new String[] {a, b}) {
            if (!maps.has(id)) {
                throw ProblemException.notFound("no boundary map '" + id + "'; the maps are: " + String.join(", ", boundaries.knownMaps()));
            }
        }
        if (!maps.sectionKnown()) {
            throw ProblemException.notFound("no section '" + section + "'; the sections are: " + String.join(", ", boundaries.knownSections()));
        }
        if (versions.notModifiedWeak(versions.current(), request, response, format)) {
            return ResponseEntity.status(304).build();
        }
        Set<String> cited = new LinkedHashSet<>();
        Map<String, Object> body = boundaries.compare(maps, a, b, section, cited);
        body.put("sources", sources.cite(cited));
        if (format.equals("csv")) {
            return AnalysisViews.csv(AnalysisViews.boundaryCsv(body, a, b));
        }
        if (format.equals("html")) {
            StringBuilder h = new StringBuilder("<p>Totals: ").append(Html.escape(body.get("totals"))).append("</p>");
            h.append(AnalysisViews.table(AnalysisViews.castList(body.get("sections"))));
            h.append("<h2>Areas between the lines</h2>");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> f : AnalysisViews.castList(body.get("features"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> p = (Map<String, Object>) f.get("properties");
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", f.get("id"));
                r.putAll(p);
                rows.add(r);
            }
            h.append(AnalysisViews.table(rows));
            h.append("<h2>Places on different sides</h2>").append(AnalysisViews.table(AnalysisViews.castList(body.get("places_on_different_sides"))));
            List<Map<String, Object>> exclaves = new ArrayList<>();
            for (Map<String, Object> e : AnalysisViews.castList(body.get("exclaves"))) {
                Map<String, Object> r = new LinkedHashMap<>(e);
                r.remove("geometry");
                exclaves.add(r);
            }
            h.append("<h2>Exclaves</h2>").append(AnalysisViews.table(exclaves));
            h.append("<h2>Notes</h2><ul>");
            for (Object n : (List<?>) body.get("notes")) {
                h.append("<li>").append(Html.escape(n)).append("</li>");
            }
            h.append("</ul>").append(AnalysisViews.citeHtml(body));
            return AnalysisViews.html("Map comparison: " + a + " vs " + b, h.toString(), request);
        }
        return ResponseEntity.ok().contentType(MediaType.valueOf("application/geo+json")).body(body);
    }

    @GetMapping("/analysis/territory")
    ResponseEntity<?> territory(HttpServletRequest request, HttpServletResponse response) {
        Params.allowOnly(request, Set.of("f", "datetime", "recorded"));
        String format = Params.format(request, false);
        var at = Params.date(request, "datetime");
        var recorded = Params.instant(request, "recorded");
        if (versions.notModifiedWeak(versions.current(), request, response, format)) {
            return ResponseEntity.status(304).build();
        }
        Set<String> cited = new LinkedHashSet<>();
        Map<String, Object> body = territory.account(at, recorded, cited);
        body.put("sources", sources.cite(cited));
        if (format.equals("html")) {
            StringBuilder h = new StringBuilder("<p><b>").append(Html.escape(((Map<?, ?>) body.get("headline")).get("title"))).append(": ")
                    .append(Html.escape(((Map<?, ?>) body.get("headline")).get("area_km2"))).append(" km²</b></p>");
            @SuppressWarnings("unchecked")
            Map<String, List<Map<String, Object>>> totals = (Map<String, List<Map<String, Object>>>) body.get("totals");
            totals.forEach((k, v) -> h.append("<h2>").append(Html.escape(k)).append("</h2>").append(AnalysisViews.table(v)));
            h.append("<h2>Areas (computed and cited)</h2>").append(AnalysisViews.table(AnalysisViews.castList(body.get("areas")))).append(AnalysisViews.citeHtml(body));
            return AnalysisViews.html("Territory accounting", h.toString(), request);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private Map<String, Object> requireScenario(String id) {
        Map<String, Object> s = routes.scenario(id);
        if (s == null) {
            throw ProblemException.notFound("no scenario '" + id + "'; the scenarios are: " + String.join(", ", scenarios.ids()));
        }
        return s;
    }

    /** The day whose regimes a route analysis uses: {@code datetime}, or today (UTC). */
    private static LocalDate stateDay(HttpServletRequest request) {
        LocalDate at = Params.date(request, "datetime");
        return at != null ? at : LocalDate.now(java.time.ZoneOffset.UTC);
    }

    /** Without a datetime the answer is today's: its validator changes with the day. */
    private static String dayVariant(HttpServletRequest request) {
        return request.getParameter("datetime") == null ? "-" + LocalDate.now(java.time.ZoneOffset.UTC) : "";
    }

    /** Where each travel-time parameter comes from: no source gives speeds or dwell times, so the defaults are assumptions. */
    private static Map<String, String> parameterBasis(HttpServletRequest request) {
        Map<String, String> basis = new LinkedHashMap<>();
        for (String p : List.of("speed.rail", "speed.road", "dwell.passport", "dwell.customs", "dwell.border", "exposure.km")) {
            basis.put(p, request.getParameter(p) != null ? "given in the request"
                    : "assumption (the project's default; no source gives it); compare the cited journey times in each route's reconciliation");
        }
        return basis;
    }
}
