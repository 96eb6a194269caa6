package org.corridorgis.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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
        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("speed.rail_kmh", speedRail);
            m.put("speed.road_kmh", speedRoad);
            m.put("dwell.passport_min", dwellPassport);
            m.put("dwell.customs_min", dwellCustoms);
            m.put("dwell.border_min", dwellBorder);
            m.put("exposure.km", exposureKm);
            return m;
        }
    }

    /**
     * How a checkpoint closed under the scenario enters the "if it were open" estimate: like any international
     * crossing, each of its states applying passport, customs and border control (exit + entry), so that a
     * closed crossing does not make a route look quicker than an open one.
     */
    static final String IF_OPEN_ASSUMPTION = "a closed checkpoint is counted as if open, each of its states applying passport, customs "
            + "and border control";

    private static final String ROUTES = """
            select r.id, r.name, r.mode, r.status, r.origin, r.destination, r.via, r.proposed_by, r.sources, r.accuracy,
                   ST_Length(r.geom::geography) / 1000 as length_km, r.checkpoints,
                   (r.cited_lengths->'journey_hours'->>'min')::float8 as cited_min_h,
                   (r.cited_lengths->'journey_hours'->>'max')::float8 as cited_max_h,
                   r.cited_lengths->'journey_hours'->>'by' as cited_time_by
              from corridor.routes r where r.id = any(:routes)
            """;

    private static final String SEGMENTS = """
            with seg as (
              select s.route_id, s.id, s.seq, s.country, s.mode, s.sources,
                     ST_Length(s.geom::geography) / 1000 as length_km
                from corridor.route_segments s where s.route_id = any(:routes)
            )
            select seg.*,
                   sum(seg.length_km) over (partition by seg.route_id order by seg.seq) - seg.length_km as start_km,
                   lag(seg.country) over (partition by seg.route_id order by seg.seq) as prev_country,
                   a.regime, a.open, a.basis,
                   cr.id as regime_id, cr.name as regime_name, cr.passport_control, cr.customs_control, cr.border_control,
                   cr.operator, cr.sources as regime_sources,
                   seg.length_km / (case seg.mode when 'rail' then :rail else :road end) * 60 as minutes
              from seg
              left join lateral (
                select e.regime, e.open, e.basis
                  from corridor.assignments_at(cast(:at as date)) e
                 where e.scenario_id = :scenario and e.part = 'segments' and e.target_id = seg.route_id and e.country = seg.country
                 order by e.n limit 1) a on true
              left join corridor.control_regimes cr on cr.code = a.regime
             order by seg.route_id, seg.seq
            """;

    private static final String COUNTRY_LENGTHS = """
            select s.route_id, s.country, sum(ST_Length(s.geom::geography)) / 1000 as length_km, min(s.seq) as first_seq
              from corridor.route_segments s where s.route_id = any(:routes)
             group by s.route_id, s.country order by s.route_id, first_seq
            """;

    private static final String CHECKPOINTS = """
            with cp as (
              select r.id as route_id, o.ord, c.id, c.name, c.place, c.states, c.kind, c.status, c.sources,
                     ST_Length(ST_LineSubstring(r.geom, 0, ST_LineLocatePoint(r.geom, c.geom))::geography) / 1000 as at_km,
                     ST_Distance(r.geom::geography, c.geom::geography) as off_route_m,
                     a.regime, a.open, a.basis,
                     cr.id as regime_id, cr.name as regime_name, cr.passport_control, cr.customs_control, cr.border_control,
                     cr.operator, cr.guarantors, cr.overseen_by, cr.sources as regime_sources
                from corridor.routes r
                cross join lateral unnest(r.checkpoints) with ordinality o(cp, ord)
                join corridor.checkpoints c on c.id = o.cp
                left join lateral (
                  select e.regime, e.open, e.basis
                    from corridor.assignments_at(cast(:at as date)) e
                   where e.scenario_id = :scenario and e.part = 'checkpoints' and e.target_id = c.id
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
            )
            select counted.*,
                   passport_checks * :dwellPassport + customs_checks * :dwellCustoms + border_checks * :dwellBorder as dwell_minutes,
                   if_open_checks * (:dwellPassport + :dwellCustoms + :dwellBorder) as if_open_dwell_minutes
              from counted order by route_id, ord
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
     * distances are precomputed when the data changes (corridor.exposure_zones); any other distance is
     * buffered here, per request, by the same SQL function. Lengths are geodesic.
     */
    private static final String EXPOSURE = """
            with r as materialized (
              select id, ST_Transform(geom, 32638) as g from corridor.routes where id = any(:routes)
            ), merged as (
              select r.id as route_id, z.grp, min(z.sources) as sources,
                     sum(ST_Length(ST_Transform(ST_Intersection(r.g, z.geom), 4326)::geography)) / 1000 as km
                from r join %1$s z on z.feature_id is null and ST_Intersects(r.g, z.geom)
               group by r.id, z.grp
            ), own as (
              select r.id as route_id, z.grp, array_agg(distinct z.feature_id order by z.feature_id) as ids
                from r join %1$s z on z.feature_id is not null and ST_Intersects(r.g, z.geom)
               group by r.id, z.grp
            )
            select m.route_id, m.grp, o.ids, m.sources, m.km
              from merged m join own o using (route_id, grp)
             where m.km > 0
             order by m.route_id, m.grp
            """;

    /** The precomputed zones, through their spatial index. */
    private static final String STORED_ZONES = "(select * from corridor.exposure_zones where metres = :m)";
    /** Zones for a distance that is not precomputed: buffered now (a few hundred ms). */
    private static final String ZONES_NOW = "(select * from corridor.exposure_zone_pieces(array[:m]))";



    private final JdbcClient jdbc;

    RouteAnalysis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final tools.jackson.databind.json.JsonMapper GEOJSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** The routes' geometries as GeoJSON (6 decimals, as the feature pages write them), by id. */
    Map<String, Object> geometries(List<String> routeIds) {
        Map<String, Object> byId = new java.util.HashMap<>();
        jdbc.sql("select id, ST_AsGeoJSON(geom, 6) from corridor.routes where id = any(?)")
                .param(routeIds.toArray(String[]::new))
                .query(rs -> { byId.put(rs.getString(1), GEOJSON.readTree(rs.getString(2))); });
        return byId;
    }

    List<String> knownRoutes() {
        return jdbc.sql("select id from corridor.routes order by id").query(String.class).list();
    }

    Map<String, Object> scenario(String id) {
        return jdbc.sql("select id, name, description, sources, valid_from, valid_to from corridor.scenarios where id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getString("id"));
                    m.put("name", rs.getString("name"));
                    m.put("description", rs.getString("description"));
                    m.put("valid_from", rs.getString("valid_from"));
                    m.put("valid_to", rs.getString("valid_to"));
                    m.put("sources", Sources.array(rs, "sources"));
                    return m;
                }).optional().orElse(null);
    }

    /** One scenario, several routes: the route objects in the order asked, each with everything listed in the class doc. */
    /** {@code day}: the day whose regimes apply (null: today). */
    List<Map<String, Object>> compare(List<String> routeIds, String scenarioId, java.time.LocalDate day, Tuning t, boolean withExposure,
                                      Set<String> sourceIds) {
        String[] ids = routeIds.toArray(String[]::new);
        Map<String, Map<String, Object>> routes = new LinkedHashMap<>();
        for (String id : routeIds) {
            routes.put(id, null);
        }
        jdbc.sql(ROUTES).param("routes", ids).query((rs, n) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", rs.getString("id"));
            m.put("name", rs.getString("name"));
            m.put("mode", rs.getString("mode"));
            m.put("status", rs.getString("status"));
            m.put("origin", rs.getString("origin"));
            m.put("destination", rs.getString("destination"));
            m.put("proposed_by", rs.getString("proposed_by"));
            m.put("accuracy", rs.getString("accuracy"));
            m.put("length_km", Sources.round(rs.getDouble("length_km"), 3));
            if (rs.getObject("cited_min_h") != null) {
                Map<String, Object> cited = new LinkedHashMap<>();
                cited.put("min_hours", rs.getDouble("cited_min_h"));
                cited.put("max_hours", rs.getDouble("cited_max_h"));
                cited.put("by", rs.getString("cited_time_by"));
                m.put("cited_journey_time", cited);
            }
            List<String> src = Sources.array(rs, "sources");
            m.put("sources", src);
            sourceIds.addAll(src);
            routes.put(rs.getString("id"), m);
            return m;
        }).list();

        Map<String, List<Map<String, Object>>> segments = new LinkedHashMap<>();
        jdbc.sql(SEGMENTS).param("routes", ids).param("scenario", scenarioId).param("at", day).param("rail", t.speedRail()).param("road", t.speedRoad())
                .query((rs, n) -> {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("id", rs.getString("id"));
                    s.put("seq", rs.getInt("seq"));
                    s.put("country", rs.getString("country"));
                    s.put("mode", rs.getString("mode"));
                    s.put("length_km", Sources.round(rs.getDouble("length_km"), 3));
                    s.put("start_km", Sources.round(rs.getDouble("start_km"), 3));
                    s.put("prev_country", rs.getString("prev_country"));
                    s.put("regime", regime(rs));
                    s.put("open", Sources.bool(rs, "open"));
                    s.put("basis", rs.getString("basis"));
                    s.put("minutes", Sources.round(rs.getDouble("minutes"), 1));
                    s.put("sources", citedWithRegime(rs, sourceIds));
                    segments.computeIfAbsent(rs.getString("route_id"), k -> new ArrayList<>()).add(s);
                    return s;
                }).list();

        Map<String, Map<String, Object>> countryLengths = new LinkedHashMap<>();
        jdbc.sql(COUNTRY_LENGTHS).param("routes", ids).query((rs, n) -> {
            countryLengths.computeIfAbsent(rs.getString("route_id"), k -> new LinkedHashMap<>())
                    .put(rs.getString("country"), Sources.round(rs.getDouble("length_km"), 3));
            return null;
        }).list();

        Map<String, List<Map<String, Object>>> checkpoints = new LinkedHashMap<>();
        jdbc.sql(CHECKPOINTS).param("routes", ids).param("scenario", scenarioId).param("at", day)
                .param("dwellPassport", t.dwellPassport()).param("dwellCustoms", t.dwellCustoms()).param("dwellBorder", t.dwellBorder())
                .query((rs, n) -> {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("order", rs.getInt("ord"));
                    c.put("id", rs.getString("id"));
                    c.put("name", rs.getString("name"));
                    c.put("place", rs.getString("place"));
                    c.put("states", Sources.array(rs, "states"));
                    c.put("kind", rs.getString("kind"));
                    c.put("status", rs.getString("status"));
                    c.put("at_km", Sources.round(rs.getDouble("at_km"), 3));
                    c.put("off_route_m", Sources.round(rs.getDouble("off_route_m"), 0));
                    c.put("regime", regime(rs));
                    c.put("open", Sources.bool(rs, "open"));
                    c.put("basis", rs.getString("basis"));
                    c.put("controlled_by", Sources.array(rs, "controlled_by"));
                    Map<String, Object> checks = new LinkedHashMap<>();
                    checks.put("passport", rs.getInt("passport_checks"));
                    checks.put("customs", rs.getInt("customs_checks"));
                    checks.put("border", rs.getInt("border_checks"));
                    c.put("checks", checks);
                    c.put("dwell_minutes", Sources.round(rs.getDouble("dwell_minutes"), 1));
                    c.put("unspecified", Sources.array(rs, "unspecified"));
                    if (rs.getBoolean("closed")) {
                        int states = rs.getInt("if_open_checks");
                        Map<String, Object> ifOpen = new LinkedHashMap<>();
                        ifOpen.put("passport", states);
                        ifOpen.put("customs", states);
                        ifOpen.put("border", states);
                        ifOpen.put("dwell_minutes", Sources.round(rs.getDouble("if_open_dwell_minutes"), 1));
                        ifOpen.put("assumption", IF_OPEN_ASSUMPTION);
                        c.put("if_open", ifOpen);
                    }
                    c.put("sources", citedWithRegime(rs, sourceIds));
                    checkpoints.computeIfAbsent(rs.getString("route_id"), k -> new ArrayList<>()).add(c);
                    return c;
                }).list();

        Map<String, List<Map<String, Object>>> exposure = new LinkedHashMap<>();
        if (withExposure) {
            int metres = (int) Math.round(t.exposureKm() * 1000);
            boolean stored = jdbc.sql("select exists (select 1 from corridor.exposure_zones where metres = :m)")
                    .param("m", metres).query(Boolean.class).single();
            jdbc.sql(EXPOSURE.formatted(stored ? STORED_ZONES : ZONES_NOW)).param("routes", ids).param("m", metres).query((rs, n) -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("group", rs.getString("grp"));
                e.put("km", Sources.round(rs.getDouble("km"), 3));
                e.put("features", Sources.array(rs, "ids"));
                sourceIds.addAll(Sources.array(rs, "sources"));
                exposure.computeIfAbsent(rs.getString("route_id"), k -> new ArrayList<>()).add(e);
                return e;
            }).list();
        }

        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : routeIds) {
            Map<String, Object> route = routes.get(id);
            List<Map<String, Object>> segs = segments.getOrDefault(id, List.of());
            List<Map<String, Object>> cps = checkpoints.getOrDefault(id, List.of());
            route.put("length_by_country_km", countryLengths.getOrDefault(id, Map.of()));
            // crossings: changes of country between consecutive segments; each checkpoint of the route is
            // attributed to the nearest crossing (along the route) between two of its states
            List<Map<String, Object>> crossings = new ArrayList<>();
            Set<String> states = new LinkedHashSet<>();
            for (Map<String, Object> s : segs) {
                states.add((String) s.get("country"));
                Object prev = s.get("prev_country");
                if (prev != null && !prev.equals(s.get("country"))) {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("from", prev);
                    x.put("to", s.get("country"));
                    x.put("at_km", s.get("start_km"));
                    x.put("checkpoints", new ArrayList<String>());
                    x.put("passport_checks", 0);
                    x.put("customs_checks", 0);
                    x.put("border_checks", 0);
                    crossings.add(x);
                }
                s.remove("prev_country");
            }
            for (Map<String, Object> c : cps) {
                @SuppressWarnings("unchecked")
                List<String> cs = (List<String>) c.get("states");
                Map<String, Object> best = null;
                double bestD = Double.MAX_VALUE;
                for (Map<String, Object> x : crossings) {
                    if (cs != null && cs.contains(x.get("from")) && cs.contains(x.get("to"))) {
                        double d = Math.abs((Double) x.get("at_km") - (Double) c.get("at_km"));
                        if (d < bestD) {
                            bestD = d;
                            best = x;
                        }
                    }
                }
                if (best != null) {
                    c.put("crossing", best.get("from") + "→" + best.get("to"));
                    @SuppressWarnings("unchecked")
                    List<String> at = (List<String>) best.get("checkpoints");
                    at.add((String) c.get("id"));
                    @SuppressWarnings("unchecked")
                    Map<String, Integer> checks = (Map<String, Integer>) c.get("checks");
                    best.put("passport_checks", (Integer) best.get("passport_checks") + checks.get("passport"));
                    best.put("customs_checks", (Integer) best.get("customs_checks") + checks.get("customs"));
                    best.put("border_checks", (Integer) best.get("border_checks") + checks.get("border"));
                }
            }
            route.put("border_crossings", crossings.size());
            route.put("crossings", crossings);
            route.put("states_crossed", new ArrayList<>(states));
            route.put("consent_needed_from", new ArrayList<>(states));
            route.put("checkpoints", cps);
            int passport = 0, customs = 0, border = 0, unspecified = 0, assumedChecks = 0;
            double dwell = 0, moving = 0, assumed = 0;
            boolean open = true;
            List<String> closed = new ArrayList<>();
            for (Map<String, Object> c : cps) {
                @SuppressWarnings("unchecked")
                Map<String, Integer> checks = (Map<String, Integer>) c.get("checks");
                passport += checks.get("passport");
                customs += checks.get("customs");
                border += checks.get("border");
                dwell += (Double) c.get("dwell_minutes");
                unspecified += ((List<?>) c.get("unspecified")).size();
                @SuppressWarnings("unchecked")
                Map<String, Object> ifOpen = (Map<String, Object>) c.get("if_open");
                if (ifOpen != null) {
                    assumed += (Double) ifOpen.get("dwell_minutes");
                    assumedChecks += 3 * (Integer) ifOpen.get("passport");
                }
                if (!Boolean.TRUE.equals(c.get("open"))) {
                    open = false;
                    closed.add("checkpoint " + c.get("id") + (c.get("open") == null ? " (no assignment in the scenario)" : ""));
                }
            }
            for (Map<String, Object> s : segs) {
                moving += (Double) s.get("minutes");
                if (!Boolean.TRUE.equals(s.get("open"))) {
                    open = false;
                    closed.add("segment " + s.get("id") + " (" + s.get("country") + ")" + (s.get("open") == null ? " (no assignment in the scenario)" : ""));
                }
            }
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("passport", passport);
            counts.put("customs", customs);
            counts.put("border", border);
            counts.put("total", passport + customs + border);
            counts.put("unspecified", unspecified);
            route.put("checkpoint_checks", counts);
            route.put("segments", segs);
            route.put("open", open);
            route.put("closed_at", closed);
            Map<String, Object> time = new LinkedHashMap<>();
            time.put("moving_minutes", Sources.round(moving, 1));
            time.put("dwell_minutes", Sources.round(dwell, 1));
            time.put("assumed_dwell_minutes", Sources.round(assumed, 1));
            time.put("total_minutes", Sources.round(moving + dwell + assumed, 1));
            time.put("total_hours", Sources.round((moving + dwell + assumed) / 60, 2));
            time.put("note", open ? "estimate: segment length / mode speed + dwell per check"
                    : "estimate if the route were open: it is closed under this scenario; " + IF_OPEN_ASSUMPTION);
            route.put("transit_time", time);
            @SuppressWarnings("unchecked")
            Map<String, Object> cited = (Map<String, Object>) route.get("cited_journey_time");
            if (cited != null) {
                route.put("reconciliation", reconcile(cited, moving / 60, (dwell + assumed) / 60, passport + customs + border + assumedChecks,
                        (Double) route.get("length_km"), "rail".equals(route.get("mode")) ? t.speedRail() : t.speedRoad()));
            }
            if (withExposure) {
                Map<String, Object> exp = new LinkedHashMap<>();
                exp.put("within_km", t.exposureKm());
                exp.put("groups", exposure.getOrDefault(id, List.of()));
                route.put("exposure", exp);
            }
            out.add(route);
        }
        return out;
    }

    /**
     * The computed time beside a cited journey time: whether it falls in the cited range, by how much it differs,
     * and why (the parts of the estimate that rest on assumptions).
     */
    static Map<String, Object> reconcile(Map<String, Object> cited, double movingHours, double dwellHours, int checks,
                                         double lengthKm, double speed) {
        double min = (Double) cited.get("min_hours"), max = (Double) cited.get("max_hours");
        double total = movingHours + dwellHours;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("computed_hours", Sources.round(total, 2));
        r.put("cited_hours", min == max ? String.valueOf(min) : min + "–" + max);
        r.put("cited_by", cited.get("by"));
        String verdict = total < min ? "below" : total > max ? "above" : "within";
        r.put("verdict", verdict);
        r.put("difference_hours", Sources.round(total < min ? total - min : total > max ? total - max : 0, 2));
        r.put("why", String.format(java.util.Locale.ROOT,
                "%.1f h moving: %.0f km of a schematic line at an assumed %.0f km/h; %.1f h at %d checks at the assumed minutes per check. "
                + "The cited time is a reported journey time (timetable, traffic) and is the better guide%s",
                movingHours, lengthKm, speed, dwellHours, checks,
                verdict.equals("within") ? "; here the estimate agrees with it."
                        : verdict.equals("above") ? "; the assumed dwell per check is the likeliest overestimate."
                        : "; the schematic line is shorter than the road and stops are not counted."));
        return r;
    }

    private static Map<String, Object> regime(java.sql.ResultSet rs) throws java.sql.SQLException {
        if (rs.getString("regime") == null) {
            return null;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("code", rs.getString("regime"));
        r.put("id", rs.getString("regime_id"));
        r.put("name", rs.getString("regime_name"));
        r.put("passport_control", Sources.bool(rs, "passport_control"));
        r.put("customs_control", Sources.bool(rs, "customs_control"));
        r.put("border_control", Sources.bool(rs, "border_control"));
        r.put("operator", rs.getString("operator"));
        return r;
    }

    /** A row's own sources, which it returns, and its control regime's: both are cited by the answer. */
    private static List<String> citedWithRegime(java.sql.ResultSet rs, Set<String> sourceIds) throws java.sql.SQLException {
        List<String> own = Sources.array(rs, "sources");
        sourceIds.addAll(own);
        List<String> regime = Sources.array(rs, "regime_sources");
        if (regime != null) {
            sourceIds.addAll(regime);
        }
        return own;
    }
}
