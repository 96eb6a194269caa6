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
    private final DataVersion versions;
    private final Scenarios scenarios;
    private final int maxRoutes;

    AnalysisController(RouteAnalysis routes, BoundaryComparison boundaries, TerritoryAccounting territory,
                       DataVersion versions, Scenarios scenarios, AnalysisProperties properties) {
        this.routes = routes;
        this.scenarios = scenarios;
        this.boundaries = boundaries;
        this.territory = territory;
        this.versions = versions;
        this.maxRoutes = properties.maxRoutes();
    }

    @GetMapping("/analysis")
    ResponseEntity<?> index(HttpServletRequest request) {
        Params.allowOnly(request, Set.of("f"));
        String format = Params.format(request, false);
        AnalysisIndex body = AnalysisIndex.of(RequestUrls.root(request), maxRoutes, scenarios.defaultId());
        if (format.equals("html")) {
            return AnalysisViews.html("Analyses", AnalysisViews.indexHtml(body), request);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
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
                    + String.join(", ", routes.known().routes()));
        }
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(List.of(raw.split("\\s*,\\s*"))));
        ids.removeIf(String::isBlank);
        if (ids.isEmpty()) {
            throw ProblemException.badParameter("routes", "no route id given");
        }
        if (ids.size() > maxRoutes) {
            throw ProblemException.badParameter("routes", ids.size() + " routes asked; at most " + maxRoutes + " at a time");
        }
        // one statement checks the routes and the scenario and reads the data version; one more answers
        RouteAnalysis.Known known = routes.known();
        for (String id : ids) {
            if (!known.routes().contains(id)) {
                throw ProblemException.notFound("no route '" + id + "'; the routes are: " + String.join(", ", known.routes()));
            }
        }
        boolean defaulted = request.getParameter("scenario") == null;
        String scenarioId = defaulted ? scenarios.defaultId() : request.getParameter("scenario");
        RouteAnalysis.Scenario scenario = known.scenario(scenarioId);
        if (scenario == null) {
            throw ProblemException.notFound("no scenario '" + scenarioId + "'; the scenarios are: " + String.join(", ", known.scenarioIds()));
        }
        if (versions.notModifiedWeak(known.version(), request, response, format + dayVariant(request))) {
            return ResponseEntity.status(304).build();
        }
        LocalDate at = stateDay(request);
        RouteAnalysis.Comparison compared = routes.compare(ids, List.of(scenarioId), at, t, true);
        RouteAnswers.Comparison body = new RouteAnswers.Comparison(scenario, at.toString(),
                defaulted ? "no scenario given: using the default " + scenarioId : null, t.describe(), parameterBasis(request),
                "lengths geodesic (PostGIS geography) from corridor.route_segments; checks counted per checkpoint from the "
                        + "scenario's regime (operator 'national': one check per state of the crossing, 'third party': one by the guarantor); "
                        + "time = length / mode speed + checks × dwell; exposure = km of the route within exposure.km of the features",
                compared.byScenario().get(scenarioId), compared.sources());
        if ("geojson".equalsIgnoreCase(request.getParameter("f"))) {
            return ResponseEntity.ok().contentType(MediaType.valueOf("application/geo+json"))
                    .header("Content-Disposition", "attachment; filename=\"route-comparison.geojson\"")
                    .body(AnalysisViews.routeFeatures(body, compared.geometries()));
        }
        List<RouteAnswers.Table> tables = List.of(new RouteAnswers.Table(scenarioId, body.routes()));
        return switch (format) {
            case "csv" -> AnalysisViews.csv(AnalysisViews.routeCsv(tables));
            case "html" -> AnalysisViews.html("Route comparison — " + scenario.name(),
                    AnalysisViews.routeHtml(tables) + AnalysisViews.citeHtml(body.sources()), request);
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
        };
    }

    @GetMapping("/analysis/routes/{id}/scenarios")
    ResponseEntity<?> routeScenarios(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        Params.allowOnly(request, SCENARIO_PARAMS);
        String format = Params.format(request, true);
        RouteAnalysis.Tuning t = tuning(request);
        // one statement checks the route and reads the scenarios and the data version; one more answers for all scenarios
        RouteAnalysis.Known known = routes.known();
        if (!known.routes().contains(id)) {
            throw ProblemException.notFound("no route '" + id + "'; the routes are: " + String.join(", ", known.routes()));
        }
        if (versions.notModifiedWeak(known.version(), request, response, format + dayVariant(request))) {
            return ResponseEntity.status(304).build();
        }
        LocalDate at = stateDay(request);
        RouteAnalysis.Comparison compared = routes.compare(List.of(id), known.scenarioIds(), at, t, false);
        List<RouteAnswers.UnderScenario> perScenario = new ArrayList<>();
        List<RouteAnswers.Table> tables = new ArrayList<>();
        for (RouteAnalysis.Scenario s : known.scenarios()) {
            RouteReport route = compared.byScenario().get(s.id()).get(0);
            perScenario.add(new RouteAnswers.UnderScenario(s.id(), s.name(), route));
            tables.add(new RouteAnswers.Table(s.id(), List.of(route)));
        }
        RouteAnswers.UnderEachScenario body = new RouteAnswers.UnderEachScenario(id, at.toString(), t.describe(), perScenario,
                compared.sources());
        return switch (format) {
            case "csv" -> AnalysisViews.csv(AnalysisViews.routeCsv(tables));
            case "html" -> AnalysisViews.html(body.routeName() + " under each scenario",
                    AnalysisViews.routeHtml(tables) + AnalysisViews.citeHtml(body.sources()), request);
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
        if (versions.notModifiedWeak(maps.version(), request, response, format)) {
            return ResponseEntity.status(304).build();
        }
        MapComparison body = boundaries.compare(maps, a, b, section);
        return switch (format) {
            case "csv" -> AnalysisViews.csv(AnalysisViews.boundaryCsv(body));
            case "html" -> AnalysisViews.html("Map comparison: " + a + " vs " + b, AnalysisViews.boundaryHtml(body), request);
            default -> ResponseEntity.ok().contentType(MediaType.valueOf("application/geo+json")).body(body);
        };
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
        TerritoryReport body = territory.account(at, recorded);
        if (format.equals("html")) {
            return AnalysisViews.html("Territory accounting", AnalysisViews.territoryHtml(body), request);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
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
