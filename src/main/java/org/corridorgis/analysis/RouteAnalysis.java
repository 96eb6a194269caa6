package org.corridorgis.analysis;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.corridorgis.web.DataVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Route and control-regime comparison. Every length is geodesic (PostGIS geography); every time is computed
 * in SQL from those lengths and the (bound) speeds and dwell times.
 *
 * <p>How checks are counted: a checkpoint's regime (scenario assignment → control_regimes by code) says whether
 * there is passport, customs and border control there. Under an operator 'national' each state of the checkpoint
 * applies its own control (exit + entry: two checks at a two-state crossing, as in "four customs checkpoints"
 * for Baku–Nakhchivan via Iran); under 'third party' the guarantor applies one; otherwise one, by an unspecified
 * authority. A control that the proposer left unspecified (NULL) is not counted and is listed in the checkpoint's
 * {@code unspecified}. A checkpoint closed under the scenario has no checks, but the "if it were open" time counts
 * it as {@link #IF_OPEN_ASSUMPTION} ({@code if_open}, {@code assumed_dwell_minutes}).
 * Dwell time = checks of each kind × the dwell minutes of that kind.
 */
@Component
class RouteAnalysis {

    /** Documented defaults, overridable per request: km/h and minutes. */
    static final double DEFAULT_SPEED_RAIL = 60, DEFAULT_SPEED_ROAD = 70;
    static final double DEFAULT_DWELL_PASSPORT = 30, DEFAULT_DWELL_CUSTOMS = 60, DEFAULT_DWELL_BORDER = 20;
    static final double DEFAULT_EXPOSURE_KM = 5;

    record Tuning(double speedRail, double speedRoad, double dwellPassport, double dwellCustoms, double dwellBorder, double exposureKm) {

        /** The speeds, dwell times and exposure distance as an answer states them, with their units in the names. */
        @JsonPropertyOrder({"speed.rail_kmh", "speed.road_kmh", "dwell.passport_min", "dwell.customs_min", "dwell.border_min", "exposure.km"})
        record Stated(@JsonProperty("speed.rail_kmh") double speedRailKmh,
                      @JsonProperty("speed.road_kmh") double speedRoadKmh,
                      @JsonProperty("dwell.passport_min") double dwellPassportMin,
                      @JsonProperty("dwell.customs_min") double dwellCustomsMin,
                      @JsonProperty("dwell.border_min") double dwellBorderMin,
                      @JsonProperty("exposure.km") double exposureKm) {
        }

        Stated describe() {
            return new Stated(speedRail, speedRoad, dwellPassport, dwellCustoms, dwellBorder, exposureKm);
        }
    }

    /**
     * How a checkpoint closed under the scenario enters the "if it were open" estimate: like any international
     * crossing, each of its states applying passport, customs and border control (exit + entry), so that a
     * closed crossing does not make a route look quicker than an open one.
     */
    static final String IF_OPEN_ASSUMPTION = "a closed checkpoint is counted as if open, each of its states applying passport, customs "
            + "and border control";

    /**
     * Everything a comparison of routes under scenarios reads, in one statement: the routes, their segments and
     * checkpoints under each scenario asked for (regimes from corridor.assignments_at on the day), the lengths per
     * country, the exposure (when asked for) and the citations of every source the rows name. Each part comes back
     * as one JSON array of rows; the route logic (crossings, totals, times) is worked out from them in
     * {@link #compare}.
     */
    private static final String COMPARISON = """
            with scenario as (
              select sc.id, sc.ord from unnest(cast(:scenarios as text[])) with ordinality sc(id, ord)
            ), route as (
              select r.id, r.name, r.mode, r.status, r.origin, r.destination, r.proposed_by, r.sources, r.accuracy,
                     ST_Length(r.geom::geography) / 1000 as length_km,
                     (r.cited_lengths->'journey_hours'->>'min')::float8 as cited_min_h,
                     (r.cited_lengths->'journey_hours'->>'max')::float8 as cited_max_h,
                     r.cited_lengths->'journey_hours'->>'by' as cited_time_by,
                     ST_AsGeoJSON(r.geom, 6)::json as geometry
                from corridor.routes r where r.id = any(:routes)
            ), seg as (
              select s.route_id, s.id, s.seq, s.country, s.mode, s.sources,
                     ST_Length(s.geom::geography) / 1000 as length_km
                from corridor.route_segments s where s.route_id = any(:routes)
            ), seg_along as (
              select seg.*,
                     sum(seg.length_km) over (partition by seg.route_id order by seg.seq) - seg.length_km as start_km,
                     lag(seg.country) over (partition by seg.route_id order by seg.seq) as prev_country
                from seg
            ), segment as (
              select sc.id as scenario, sc.ord as scenario_ord, s.*,
                     a.regime, a.open, a.basis,
                     cr.id as regime_id, cr.name as regime_name, cr.passport_control, cr.customs_control, cr.border_control,
                     cr.operator, cr.sources as regime_sources,
                     s.length_km / (case s.mode when 'rail' then :rail else :road end) * 60 as minutes
                from seg_along s cross join scenario sc
                left join lateral (
                  select e.regime, e.open, e.basis
                    from corridor.assignments_at(cast(:at as date)) e
                   where e.scenario_id = sc.id and e.part = 'segments' and e.target_id = s.route_id and e.country = s.country
                   order by e.n limit 1) a on true
                left join corridor.control_regimes cr on cr.code = a.regime
            ), country_length as (
              select s.route_id, s.country, sum(ST_Length(s.geom::geography)) / 1000 as length_km, min(s.seq) as first_seq
                from corridor.route_segments s where s.route_id = any(:routes)
               group by s.route_id, s.country
            ), cp as (
              select sc.id as scenario, sc.ord as scenario_ord, r.id as route_id, o.ord, c.id, c.name, c.place, c.states, c.kind,
                     c.status, c.sources,
                     ST_Length(ST_LineSubstring(r.geom, 0, ST_LineLocatePoint(r.geom, c.geom))::geography) / 1000 as at_km,
                     ST_Distance(r.geom::geography, c.geom::geography) as off_route_m,
                     a.regime, a.open, a.basis,
                     cr.id as regime_id, cr.name as regime_name, cr.passport_control, cr.customs_control, cr.border_control,
                     cr.operator, cr.guarantors, cr.overseen_by, cr.sources as regime_sources
                from corridor.routes r
                cross join lateral unnest(r.checkpoints) with ordinality o(cp, ord)
                join corridor.checkpoints c on c.id = o.cp
                cross join scenario sc
                left join lateral (
                  select e.regime, e.open, e.basis
                    from corridor.assignments_at(cast(:at as date)) e
                   where e.scenario_id = sc.id and e.part = 'checkpoints' and e.target_id = c.id
                   order by e.n limit 1) a on true
                left join corridor.control_regimes cr on cr.code = a.regime
               where r.id = any(:routes)
            ), counted as (
              select cp.*,
                     case cp.operator when 'national' then cp.states when 'third party' then coalesce(cp.overseen_by, cp.guarantors) end as controlled_by,
                     case when cp.passport_control then k.n else 0 end as passport_checks,
                     case when cp.customs_control then k.n else 0 end as customs_checks,
                     case when cp.border_control then k.n else 0 end as border_checks,
                     cp.open is not true as closed,
                     case when cp.open then array_remove(array[
                       case when cp.passport_control is null then 'passport' end,
                       case when cp.customs_control is null then 'customs' end,
                       case when cp.border_control is null then 'border' end], null) else '{}' end as unspecified,
                     coalesce(cardinality(cp.states), 0) as if_open_checks
                from cp cross join lateral (
                  select case cp.operator when 'national' then cardinality(cp.states) else 1 end as n) k
            ), checkpoint as (
              select counted.*,
                     passport_checks * :dwellPassport + customs_checks * :dwellCustoms + border_checks * :dwellBorder as dwell_minutes,
                     if_open_checks * (:dwellPassport + :dwellCustoms + :dwellBorder) as if_open_dwell_minutes
                from counted
            ), %s, cited as (
              select unnest(sources) as id from route
              union select unnest(sources) from segment
              union select unnest(regime_sources) from segment
              union select unnest(sources) from checkpoint
              union select unnest(regime_sources) from checkpoint
              union select unnest(sources) from exposure
              union select unnest(s.sources) from corridor.scenarios s where s.id = any(cast(:scenarios as text[]))
            )
            select (select json_agg(r) from route r) as routes,
                   (select json_agg(s order by s.scenario_ord, s.route_id, s.seq) from segment s) as segments,
                   (select json_agg(l order by l.route_id, l.first_seq) from country_length l) as country_lengths,
                   (select json_agg(c order by c.scenario_ord, c.route_id, c.ord) from checkpoint c) as checkpoints,
                   (select json_agg(e order by e.route_id, e.grp) from exposure e) as exposure,
                   (select json_agg(json_build_object('id', s.id, 'title', s.title, 'publisher', s.publisher, 'reference', s.reference)
                                    order by s.id)
                      from corridor.sources s where s.id in (select id from cited)) as sources
            """;

    /*
     * Exposure: km of the route within d of each group of features (each kind of disputed area; all areas held
     * since the 10 Nov 2020 ceasefire; the line of contact = lines of the maps with status 'de facto').
     * For speed, routes and features are cut into pieces of <= 32 vertices, pairs are pre-selected by bounding box,
     * the pieces within d are buffered by d in UTM 38N (EPSG:32638, scale error <= 0.3 % over the region), and the
     * length of the route inside that buffer is measured on geography (geodesic km).
     */
    /**
     * Km of each route within the exposure distance of each group of features. The zones for the common
     * distances are precomputed when the data changes (corridor.exposure_zones, through their spatial index); any
     * other distance is buffered here, per request, by the same SQL function (a few hundred ms), which runs only when
     * no zones are stored for it. Lengths are geodesic.
     */
    private static final String EXPOSURE = """
            exposure_route as materialized (
              select id, ST_Transform(geom, 32638) as g from corridor.routes where id = any(:routes)
            ), zone as not materialized (
              select z.grp, z.feature_id, z.sources, z.geom from corridor.exposure_zones z where z.metres = :m
              union all
              select p.grp, p.feature_id, p.sources, p.geom from corridor.exposure_zone_pieces(array[cast(:m as integer)]) p
               where not exists (select 1 from corridor.exposure_zones where metres = :m)
            ), merged as (
              select r.id as route_id, z.grp, min(z.sources) as sources,
                     sum(ST_Length(ST_Transform(ST_Intersection(r.g, z.geom), 4326)::geography)) / 1000 as km
                from exposure_route r join zone z on z.feature_id is null and ST_Intersects(r.g, z.geom)
               group by r.id, z.grp
            ), own as (
              select r.id as route_id, z.grp, array_agg(distinct z.feature_id order by z.feature_id) as ids
                from exposure_route r join zone z on z.feature_id is not null and ST_Intersects(r.g, z.geom)
               group by r.id, z.grp
            ), exposure as (
              select m.route_id, m.grp, o.ids, m.sources, m.km
                from merged m join own o using (route_id, grp)
               where m.km > 0
            )""";

    /** The comparison without exposure (a route under each scenario). */
    private static final String NO_EXPOSURE = """
            exposure as (
              select null::text as route_id, null::text as grp, null::text[] as ids, null::text[] as sources, null::float8 as km
               where false
            )""";

    /**
     * What a request is checked against, with the data version it will be answered from, in one statement: the
     * route ids, every scenario (id, name, description, validity, sources) in id order.
     */
    private static final String KNOWN = """
            select array(select id from corridor.routes order by id) as routes,
                   (select json_agg(json_build_object('id', s.id, 'name', s.name, 'description', s.description,
                                    'valid_from', s.valid_from, 'valid_to', s.valid_to, 'sources', s.sources) order by s.id)
                      from corridor.scenarios s) as scenarios,
                   v.v as data_version, v.at as data_changed_at
              from (%s) v
            """.formatted(DataVersion.CURRENT_SQL);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    RouteAnalysis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A scenario as an analysis names it. */
    @JsonPropertyOrder({"id", "name", "description", "valid_from", "valid_to", "sources"})
    record Scenario(String id, String name, String description,
                    @JsonProperty("valid_from") String validFrom, @JsonProperty("valid_to") String validTo,
                    List<String> sources) {
    }

    /** The routes and scenarios there are, and the data version they were read at. */
    record Known(List<String> routes, List<Scenario> scenarios, DataVersion.Snapshot version) {

        Scenario scenario(String id) {
            return scenarios.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
        }

        List<String> scenarioIds() {
            return scenarios.stream().map(Scenario::id).toList();
        }
    }

    Known known() {
        return jdbc.sql(KNOWN).query((rs, n) -> {
            List<Scenario> scenarios = new ArrayList<>();
            String json = rs.getString("scenarios");
            if (json != null) {
                for (JsonNode s : JSON.readTree(json)) {
                    scenarios.add(new Scenario(Sources.text(s, "id"), Sources.text(s, "name"), Sources.text(s, "description"), Sources.text(s, "valid_from"),
                            Sources.text(s, "valid_to"), Sources.texts(s, "sources")));
                }
            }
            return new Known(Sources.array(rs, "routes"), scenarios,
                    new DataVersion.Snapshot(rs.getLong("data_version"), rs.getObject("data_changed_at", OffsetDateTime.class)));
        }).single();
    }

    /**
     * Routes compared under scenarios: for each scenario asked for (in that order), the reports of the routes (in
     * the order asked), the citations of their sources, and each route's geometry (GeoJSON, 6 decimals as the feature
     * pages write it). {@code day}: the day whose regimes apply.
     */
    record Comparison(Map<String, List<RouteReport>> byScenario, Map<String, JsonNode> geometries, List<Citation> sources) {
    }

    Comparison compare(List<String> routeIds, List<String> scenarioIds, LocalDate day, Tuning t, boolean withExposure) {
        int metres = (int) Math.round(t.exposureKm() * 1000);
        return jdbc.sql(COMPARISON.formatted(withExposure ? EXPOSURE : NO_EXPOSURE))
                .param("routes", routeIds.toArray(String[]::new)).param("scenarios", scenarioIds.toArray(String[]::new))
                .param("at", day).param("rail", t.speedRail()).param("road", t.speedRoad())
                .param("dwellPassport", t.dwellPassport()).param("dwellCustoms", t.dwellCustoms()).param("dwellBorder", t.dwellBorder())
                .param("m", metres)
                .query((rs, n) -> assemble(routeIds, scenarioIds, t, withExposure, rs))
                .single();
    }

    private static Comparison assemble(List<String> routeIds, List<String> scenarioIds, Tuning t, boolean withExposure,
                                       java.sql.ResultSet rs) throws java.sql.SQLException {
        Map<String, JsonNode> routes = new LinkedHashMap<>();
        Map<String, JsonNode> geometries = new LinkedHashMap<>();
        for (JsonNode r : Sources.rows(rs, "routes")) {
            routes.put(Sources.text(r, "id"), r);
            geometries.put(Sources.text(r, "id"), r.get("geometry"));
        }
        Map<String, Map<String, Double>> countryLengths = new LinkedHashMap<>();
        for (JsonNode l : Sources.rows(rs, "country_lengths")) {
            countryLengths.computeIfAbsent(Sources.text(l, "route_id"), k -> new LinkedHashMap<>())
                    .put(Sources.text(l, "country"), Sources.round(l.get("length_km").asDouble(), 3));
        }
        Map<String, List<JsonNode>> segments = new LinkedHashMap<>();
        for (JsonNode s : Sources.rows(rs, "segments")) {
            segments.computeIfAbsent(Sources.text(s, "scenario") + "\n" + Sources.text(s, "route_id"), k -> new ArrayList<>()).add(s);
        }
        Map<String, List<JsonNode>> checkpoints = new LinkedHashMap<>();
        for (JsonNode c : Sources.rows(rs, "checkpoints")) {
            checkpoints.computeIfAbsent(Sources.text(c, "scenario") + "\n" + Sources.text(c, "route_id"), k -> new ArrayList<>()).add(c);
        }
        Map<String, List<RouteReport.ExposureGroup>> exposure = new LinkedHashMap<>();
        for (JsonNode e : Sources.rows(rs, "exposure")) {
            exposure.computeIfAbsent(Sources.text(e, "route_id"), k -> new ArrayList<>())
                    .add(new RouteReport.ExposureGroup(Sources.text(e, "grp"), Sources.round(e.get("km").asDouble(), 3), Sources.texts(e, "ids")));
        }
        List<Citation> sources = Citation.rows(rs, "sources");
        Map<String, List<RouteReport>> byScenario = new LinkedHashMap<>();
        for (String scenario : scenarioIds) {
            List<RouteReport> reports = new ArrayList<>();
            for (String id : routeIds) {
                String key = scenario + "\n" + id;
                RouteReport.Exposure exp = withExposure
                        ? new RouteReport.Exposure(t.exposureKm(), exposure.getOrDefault(id, List.of())) : null;
                reports.add(report(routes.get(id), segments.getOrDefault(key, List.of()), checkpoints.getOrDefault(key, List.of()),
                        countryLengths.getOrDefault(id, Map.of()), exp, t));
            }
            byScenario.put(scenario, reports);
        }
        return new Comparison(byScenario, geometries, sources);
    }

    /** One route's report from its rows: the crossings, the checks and times along it, whether the scenario opens it. */
    private static RouteReport report(JsonNode route, List<JsonNode> segmentRows, List<JsonNode> checkpointRows,
                                      Map<String, Double> lengthByCountry, RouteReport.Exposure exposure, Tuning t) {
        List<RouteReport.Segment> segments = new ArrayList<>();
        // crossings: changes of country between consecutive segments
        List<CrossingTally> crossings = new ArrayList<>();
        Set<String> states = new LinkedHashSet<>();
        for (JsonNode s : segmentRows) {
            RouteReport.Segment segment = new RouteReport.Segment(Sources.text(s, "id"), s.get("seq").asInt(), Sources.text(s, "country"), Sources.text(s, "mode"),
                    Sources.round(s.get("length_km").asDouble(), 3), Sources.round(s.get("start_km").asDouble(), 3), regime(s),
                    Sources.bool(s, "open"), Sources.text(s, "basis"), Sources.round(s.get("minutes").asDouble(), 1), Sources.texts(s, "sources"));
            segments.add(segment);
            states.add(segment.country());
            String prev = Sources.text(s, "prev_country");
            if (prev != null && !prev.equals(segment.country())) {
                crossings.add(new CrossingTally(prev, segment.country(), segment.startKm()));
            }
        }
        // each checkpoint of the route is attributed to the nearest crossing (along the route) between two of its states
        List<RouteReport.Checkpoint> checkpoints = new ArrayList<>();
        for (JsonNode c : checkpointRows) {
            RouteReport.Checkpoint checkpoint = checkpoint(c);
            CrossingTally best = null;
            double bestD = Double.MAX_VALUE;
            for (CrossingTally x : crossings) {
                List<String> cs = checkpoint.states();
                if (cs != null && cs.contains(x.from) && cs.contains(x.to)) {
                    double d = Math.abs(x.atKm - checkpoint.atKm());
                    if (d < bestD) {
                        bestD = d;
                        best = x;
                    }
                }
            }
            if (best != null) {
                checkpoint = checkpoint.atCrossing(best.from + "→" + best.to);
                best.add(checkpoint);
            }
            checkpoints.add(checkpoint);
        }
        int passport = 0, customs = 0, border = 0, unspecified = 0, assumedChecks = 0;
        double dwell = 0, moving = 0, assumed = 0;
        boolean open = true;
        List<String> closed = new ArrayList<>();
        for (RouteReport.Checkpoint c : checkpoints) {
            passport += c.checks().passport();
            customs += c.checks().customs();
            border += c.checks().border();
            dwell += c.dwellMinutes();
            unspecified += c.unspecified().size();
            if (c.ifOpen() != null) {
                assumed += c.ifOpen().dwellMinutes();
                assumedChecks += 3 * c.ifOpen().passport();
            }
            if (!Boolean.TRUE.equals(c.open())) {
                open = false;
                closed.add("checkpoint " + c.id() + (c.open() == null ? " (no assignment in the scenario)" : ""));
            }
        }
        for (RouteReport.Segment s : segments) {
            moving += s.minutes();
            if (!Boolean.TRUE.equals(s.open())) {
                open = false;
                closed.add("segment " + s.id() + " (" + s.country() + ")" + (s.open() == null ? " (no assignment in the scenario)" : ""));
            }
        }
        RouteReport.TransitTime time = new RouteReport.TransitTime(Sources.round(moving, 1), Sources.round(dwell, 1),
                Sources.round(assumed, 1), Sources.round(moving + dwell + assumed, 1), Sources.round((moving + dwell + assumed) / 60, 2),
                open ? "estimate: segment length / mode speed + dwell per check"
                        : "estimate if the route were open: it is closed under this scenario; " + IF_OPEN_ASSUMPTION);
        RouteReport.CitedTime cited = route.get("cited_min_h").isNull() ? null
                : new RouteReport.CitedTime(route.get("cited_min_h").asDouble(), route.get("cited_max_h").asDouble(), Sources.text(route, "cited_time_by"));
        double lengthKm = Sources.round(route.get("length_km").asDouble(), 3);
        String mode = Sources.text(route, "mode");
        RouteReport.Reconciliation reconciliation = cited == null ? null
                : reconcile(cited, moving / 60, (dwell + assumed) / 60, passport + customs + border + assumedChecks, lengthKm,
                        "rail".equals(mode) ? t.speedRail() : t.speedRoad());
        List<String> crossed = new ArrayList<>(states);
        return new RouteReport(Sources.text(route, "id"), Sources.text(route, "name"), mode, Sources.text(route, "status"), Sources.text(route, "origin"),
                Sources.text(route, "destination"), Sources.text(route, "proposed_by"), Sources.text(route, "accuracy"), lengthKm, cited, Sources.texts(route, "sources"),
                lengthByCountry, crossings.size(), crossings.stream().map(CrossingTally::crossing).toList(), crossed,
                new ArrayList<>(crossed), checkpoints,
                new RouteReport.CheckCounts(passport, customs, border, passport + customs + border, unspecified), segments, open, closed,
                time, reconciliation, exposure);
    }

    /** A crossing while the checkpoints at it are counted. */
    private static final class CrossingTally {
        final String from, to;
        final double atKm;
        final List<String> checkpoints = new ArrayList<>();
        int passport, customs, border;

        CrossingTally(String from, String to, double atKm) {
            this.from = from;
            this.to = to;
            this.atKm = atKm;
        }

        void add(RouteReport.Checkpoint c) {
            checkpoints.add(c.id());
            passport += c.checks().passport();
            customs += c.checks().customs();
            border += c.checks().border();
        }

        RouteReport.Crossing crossing() {
            return new RouteReport.Crossing(from, to, atKm, List.copyOf(checkpoints), passport, customs, border);
        }
    }

    private static RouteReport.Checkpoint checkpoint(JsonNode c) {
        RouteReport.IfOpen ifOpen = null;
        if (c.get("closed").asBoolean()) {
            int states = c.get("if_open_checks").asInt();
            ifOpen = new RouteReport.IfOpen(states, states, states, Sources.round(c.get("if_open_dwell_minutes").asDouble(), 1),
                    IF_OPEN_ASSUMPTION);
        }
        return new RouteReport.Checkpoint(c.get("ord").asInt(), Sources.text(c, "id"), Sources.text(c, "name"), Sources.text(c, "place"), Sources.texts(c, "states"),
                Sources.text(c, "kind"), Sources.text(c, "status"), Sources.round(c.get("at_km").asDouble(), 3),
                Sources.round(c.get("off_route_m").asDouble(), 0), regime(c), Sources.bool(c, "open"), Sources.text(c, "basis"), Sources.texts(c, "controlled_by"),
                new RouteReport.Checks(c.get("passport_checks").asInt(), c.get("customs_checks").asInt(), c.get("border_checks").asInt()),
                Sources.round(c.get("dwell_minutes").asDouble(), 1), Sources.texts(c, "unspecified"), ifOpen, Sources.texts(c, "sources"), null);
    }

    /**
     * The computed time beside a cited journey time: whether it falls in the cited range, by how much it differs,
     * and why (the parts of the estimate that rest on assumptions).
     */
    static RouteReport.Reconciliation reconcile(RouteReport.CitedTime cited, double movingHours, double dwellHours, int checks,
                                                double lengthKm, double speed) {
        double min = cited.minHours(), max = cited.maxHours();
        double total = movingHours + dwellHours;
        String verdict = total < min ? "below" : total > max ? "above" : "within";
        return new RouteReport.Reconciliation(Sources.round(total, 2), min == max ? String.valueOf(min) : min + "–" + max, cited.by(),
                verdict, Sources.round(total < min ? total - min : total > max ? total - max : 0, 2),
                String.format(java.util.Locale.ROOT,
                        "%.1f h moving: %.0f km of a schematic line at an assumed %.0f km/h; %.1f h at %d checks at the assumed minutes per check. "
                        + "The cited time is a reported journey time (timetable, traffic) and is the better guide%s",
                        movingHours, lengthKm, speed, dwellHours, checks,
                        verdict.equals("within") ? "; here the estimate agrees with it."
                                : verdict.equals("above") ? "; the assumed dwell per check is the likeliest overestimate."
                                : "; the schematic line is shorter than the road and stops are not counted."));
    }

    private static RouteReport.Regime regime(JsonNode row) {
        if (Sources.text(row, "regime") == null) {
            return null;
        }
        return new RouteReport.Regime(Sources.text(row, "regime"), Sources.text(row, "regime_id"), Sources.text(row, "regime_name"), Sources.bool(row, "passport_control"),
                Sources.bool(row, "customs_control"), Sources.bool(row, "border_control"), Sources.text(row, "operator"));
    }
}
