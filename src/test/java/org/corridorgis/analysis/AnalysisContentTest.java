package org.corridorgis.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the analyses say, in each of their forms (JSON, CSV, HTML), against values worked out by hand: travel times
 * from the stored lengths, the speeds and dwell times asked for and the checks counted from the scenario's regimes;
 * areas and lengths from hand-written SQL over hand-chosen ids.
 */
class AnalysisContentTest extends ServiceTestBase {

    static final String MEGHRI = "baku-nakhchivan-via-meghri";
    static final String AGARAK_ROAD = "agarak-nurduz-road";
    static final String CROSSROADS = "crossroads-of-peace-2023";
    /** Speeds and dwell times unlike the defaults, so that a default used in their place shows. */
    static final String TUNING = "&speed.rail=50&speed.road=80&dwell.passport=10&dwell.customs=25&dwell.border=5&datetime=2025-01-01";

    /**
     * The checks each route makes under Crossroads of Peace, counted by hand from the seed data: the Meghri railway
     * passes the Nrnadzor and Agarak posts, both ARM/AZE crossings under the NATIONAL regime (passport, customs and
     * border control by each state: 2 + 2 + 2 checks at each post); the Agarak–Nurduz road passes the ARM/IRN crossing
     * under INTL-TRANSIT (2 + 2 + 2).
     */
    static final int MEGHRI_EACH_KIND = 4, AGARAK_EACH_KIND = 2;

    /** The held areas since the 2020 ceasefire (May 2021, Sept 2022, Tegh 2023), as the fact sheet lists them. */
    static final List<String> HELD_SINCE_2020 = List.of("mar-2023-tegh", "may-2021-sev-lich", "may-2021-sisian", "may-2021-vardenis",
            "sept-2022-goris", "sept-2022-jermuk", "sept-2022-kapan", "sept-2022-sotk", "sept-2022-vardenis");

    /** Minutes moving along a route's segments at the given rail and road speeds, from the stored geometry. */
    private double movingMinutes(String route, double rail, double road) {
        return jdbc.sql("select sum(ST_Length(geom::geography) / 1000 / (case mode when 'rail' then ? else ? end) * 60) "
                + "from corridor.route_segments where route_id = ?").param(rail).param(road).param(route).query(Double.class).single();
    }

    private double meghriTotal() {
        return movingMinutes(MEGHRI, 50, 80) + MEGHRI_EACH_KIND * (10 + 25 + 5);
    }

    @Test
    void transitTimeIsLengthOverSpeedPlusChecksTimesDwell() {
        JsonNode routes = client.json("/analysis/routes/compare?routes=" + MEGHRI + "," + AGARAK_ROAD + "&scenario=" + CROSSROADS + TUNING)
                .path("routes");
        assertThat(routes.size()).isEqualTo(2);
        JsonNode meghri = routes.get(0), road = routes.get(1);
        assertThat(meghri.path("id").asString()).isEqualTo(MEGHRI);
        assertThat(road.path("id").asString()).isEqualTo(AGARAK_ROAD);
        // the modes as stored: the first is timed at the rail speed, the second at the road speed
        assertThat(jdbc.sql("select string_agg(distinct mode, ',') from corridor.route_segments where route_id = ?").param(MEGHRI)
                .query(String.class).single()).isEqualTo("rail");
        assertThat(jdbc.sql("select string_agg(distinct mode, ',') from corridor.route_segments where route_id = ?").param(AGARAK_ROAD)
                .query(String.class).single()).isEqualTo("road");

        assertThat(meghri.path("open").asBoolean()).isTrue();
        JsonNode checks = meghri.path("checkpoint_checks");
        assertThat(checks.path("passport").asInt()).isEqualTo(MEGHRI_EACH_KIND);
        assertThat(checks.path("customs").asInt()).isEqualTo(MEGHRI_EACH_KIND);
        assertThat(checks.path("border").asInt()).isEqualTo(MEGHRI_EACH_KIND);
        assertThat(checks.path("total").asInt()).isEqualTo(3 * MEGHRI_EACH_KIND);
        JsonNode time = meghri.path("transit_time");
        double moving = movingMinutes(MEGHRI, 50, 80);
        // about 500 km of railway at 50 km/h: ten hours
        assertThat(moving).isBetween(590.0, 610.0);
        assertThat(time.path("moving_minutes").asDouble()).isCloseTo(moving, within(0.05));
        assertThat(time.path("dwell_minutes").asDouble()).isEqualTo(MEGHRI_EACH_KIND * (10 + 25 + 5.0));
        assertThat(time.path("assumed_dwell_minutes").asDouble()).isZero();
        assertThat(time.path("total_minutes").asDouble()).isCloseTo(meghriTotal(), within(0.05));
        assertThat(time.path("total_hours").asDouble()).isCloseTo(meghriTotal() / 60, within(0.005));

        JsonNode roadTime = road.path("transit_time");
        double roadMoving = movingMinutes(AGARAK_ROAD, 50, 80);
        assertThat(roadTime.path("moving_minutes").asDouble()).isCloseTo(roadMoving, within(0.05));
        assertThat(roadTime.path("dwell_minutes").asDouble()).isEqualTo(AGARAK_EACH_KIND * (10 + 25 + 5.0));
        assertThat(roadTime.path("total_minutes").asDouble()).isCloseTo(roadMoving + AGARAK_EACH_KIND * 40.0, within(0.05));

        // the parameters are echoed as given
        JsonNode parameters = client.json("/analysis/routes/compare?routes=" + MEGHRI + "&scenario=" + CROSSROADS + TUNING).path("parameters");
        assertThat(parameters.path("speed.rail_kmh").asDouble()).isEqualTo(50.0);
        assertThat(parameters.path("speed.road_kmh").asDouble()).isEqualTo(80.0);
        assertThat(parameters.path("dwell.customs_min").asDouble()).isEqualTo(25.0);
    }

    @Test
    void oneRouteUnderEveryScenario() {
        JsonNode body = client.json("/analysis/routes/" + MEGHRI + "/scenarios?" + TUNING.substring(1));
        assertThat(body.path("route").asString()).isEqualTo(MEGHRI);
        List<String> expected = jdbc.sql("select id from corridor.scenarios order by id").query(String.class).list();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(5);
        List<String> shown = new ArrayList<>();
        body.path("scenarios").forEach(s -> shown.add(s.path("scenario").asString()));
        assertThat(shown).containsExactlyElementsOf(expected);
        double length = jdbc.sql("select ST_Length(geom::geography) / 1000 from corridor.routes where id = ?").param(MEGHRI).query(Double.class).single();
        for (JsonNode s : body.path("scenarios")) {
            String id = s.path("scenario").asString();
            assertThat(s.path("scenario_name").asString()).as(id)
                    .isEqualTo(jdbc.sql("select name from corridor.scenarios where id = ?").param(id).query(String.class).single());
            assertThat(s.path("length_km").asDouble()).as(id).isCloseTo(length, within(0.0005));
            assertThat(s.path("segments").size()).as(id).isEqualTo(3);
            assertThat(s.path("checkpoints").size()).as(id).isEqualTo(2);
        }
        JsonNode crossroads = body.path("scenarios").get(expected.indexOf(CROSSROADS));
        assertThat(crossroads.path("open").asBoolean()).isTrue();
        assertThat(crossroads.path("checkpoint_checks").path("total").asInt()).isEqualTo(3 * MEGHRI_EACH_KIND);
        assertThat(crossroads.path("transit_time").path("total_minutes").asDouble()).isCloseTo(meghriTotal(), within(0.05));
        // under the status quo the Armenian section is closed (the railway is disused)
        JsonNode statusQuo = body.path("scenarios").get(expected.indexOf("status-quo-2024"));
        assertThat(statusQuo.path("open").asBoolean()).isFalse();
    }

    @Test
    void oneRouteUnderEveryScenarioAsCsvAndHtml() throws IOException {
        List<String> scenarios = jdbc.sql("select id from corridor.scenarios order by id").query(String.class).list();
        HttpResponse<String> csv = client.get("/analysis/routes/" + MEGHRI + "/scenarios?f=csv" + TUNING);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<CSVRecord> rows = parse(csv.body());
        assertThat(rows).hasSize(scenarios.size());
        assertThat(rows.stream().map(r -> r.get("scenario")).toList()).containsExactlyElementsOf(scenarios);
        CSVRecord crossroads = rows.get(scenarios.indexOf(CROSSROADS));
        assertThat(crossroads.get("route")).isEqualTo(MEGHRI);
        assertThat(crossroads.get("passport_checks")).isEqualTo(String.valueOf(MEGHRI_EACH_KIND));
        assertThat(crossroads.get("customs_checks")).isEqualTo(String.valueOf(MEGHRI_EACH_KIND));
        assertThat(crossroads.get("border_checks")).isEqualTo(String.valueOf(MEGHRI_EACH_KIND));
        assertThat(crossroads.get("checkpoints")).isEqualTo("nrnadzor-post:NATIONAL agarak-post:NATIONAL");
        assertThat(crossroads.get("consent_needed_from")).isEqualTo("AZE ARM");
        assertThat(crossroads.get("open")).isEqualTo("true");
        assertThat(Double.parseDouble(crossroads.get("total_minutes"))).isCloseTo(meghriTotal(), within(0.05));
        assertThat(Double.parseDouble(crossroads.get("dwell_minutes"))).isEqualTo(160.0);
        assertThat(new BigDecimal(crossroads.get("length_km_ARM"))).isEqualByComparingTo(countryKm(MEGHRI, "ARM"));

        HttpResponse<String> html = client.get("/analysis/routes/" + MEGHRI + "/scenarios?f=html" + TUNING);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        List<List<String>> table = tables(html.body()).get(0);
        assertThat(table).hasSize(1 + scenarios.size());
        List<String> header = table.get(0);
        List<String> row = table.get(1 + scenarios.indexOf(CROSSROADS));
        assertThat(row.get(header.indexOf("scenario"))).isEqualTo(CROSSROADS);
        assertThat(Double.parseDouble(row.get(header.indexOf("total minutes")))).isCloseTo(meghriTotal(), within(0.05));
        assertThat(row.get(header.indexOf("passport checks"))).isEqualTo(String.valueOf(MEGHRI_EACH_KIND));
        assertThat(row.get(header.indexOf("length by country km"))).isEqualTo("AZE: " + countryKm(MEGHRI, "AZE").stripTrailingZeros().toPlainString()
                + "; ARM: " + countryKm(MEGHRI, "ARM").stripTrailingZeros().toPlainString());
    }

    @Test
    void routeComparisonAsHtml() {
        HttpResponse<String> html = client.get("/analysis/routes/compare?f=html&routes=" + MEGHRI + "," + AGARAK_ROAD + "&scenario=" + CROSSROADS + TUNING);
        assertThat(html.statusCode()).isEqualTo(200);
        List<List<List<String>>> tables = tables(html.body());
        assertThat(tables).hasSize(1);
        List<List<String>> table = tables.get(0);
        assertThat(table).hasSize(3);
        List<String> header = table.get(0);
        assertThat(table.get(1).get(header.indexOf("route"))).isEqualTo(MEGHRI);
        assertThat(table.get(2).get(header.indexOf("route"))).isEqualTo(AGARAK_ROAD);
        assertThat(table.get(1).get(header.indexOf("name")))
                .isEqualTo(jdbc.sql("select name from corridor.routes where id = ?").param(MEGHRI).query(String.class).single());
        assertThat(Double.parseDouble(table.get(1).get(header.indexOf("total minutes")))).isCloseTo(meghriTotal(), within(0.05));
        assertThat(Double.parseDouble(table.get(2).get(header.indexOf("total minutes"))))
                .isCloseTo(movingMinutes(AGARAK_ROAD, 50, 80) + AGARAK_EACH_KIND * 40.0, within(0.05));
        assertThat(table.get(1).get(header.indexOf("segment regimes"))).isEqualTo("AZE:DOMESTIC ARM:NATIONAL AZE:DOMESTIC");
        // the scenario's sources are cited, each by its id and title as stored
        List<String> cited = jdbc.sql("select s.id from corridor.sources s where s.id in (select unnest(sources) from corridor.scenarios where id = ?)")
                .param(CROSSROADS).query(String.class).list();
        assertThat(cited).isNotEmpty();
        for (String id : cited) {
            assertThat(html.body()).contains("<li><code>" + id + "</code> ");
        }
    }

    @Test
    void theIndexListsEachAnalysisWithAnExampleThatAnswers() {
        JsonNode index = client.json("/analysis");
        List<String> paths = new ArrayList<>();
        index.path("analyses").forEach(a -> paths.add(a.path("path").asString()));
        assertThat(paths).containsExactly("/analysis/routes/compare", "/analysis/routes/" + MEGHRI + "/scenarios", "/analysis/boundaries/compare",
                "/analysis/territory");
        for (JsonNode a : index.path("analyses")) {
            String example = a.path("example").asString();
            assertThat(example).startsWith(client.base() + a.path("path").asString());
            assertThat(a.path("title").asString()).isNotBlank();
            assertThat(a.path("parameters").asString()).isNotBlank();
            assertThat(client.get(example, "Accept", "application/json").statusCode()).as(example).isEqualTo(200);
        }
        HttpResponse<String> html = client.get("/analysis?f=html");
        assertThat(html.statusCode()).isEqualTo(200);
        Matcher links = Pattern.compile("<li><a href=\"([^\"]+)\">").matcher(html.body());
        List<String> hrefs = new ArrayList<>();
        while (links.find()) {
            hrefs.add(unescape(links.group(1)));
        }
        assertThat(hrefs).hasSize(4);
        for (int i = 0; i < hrefs.size(); i++) {
            assertThat(hrefs.get(i)).isEqualTo(index.path("analyses").get(i).path("example").asString());
        }
    }

    @Test
    void territoryHeadlineIsTheAreaOfTheHeldAreasMeasuredByHand() {
        // straight ST_Area over the hand-chosen areas, not the service's definition
        double byHand = jdbc.sql("select sum(ST_Area(geom::geography)) / 1e6 from corridor.disputed_areas where id = any(?)")
                .param(HELD_SINCE_2020.toArray(String[]::new)).query(Double.class).single();
        assertThat(byHand).isBetween(150.0, 250.0);
        JsonNode headline = client.json("/analysis/territory").path("headline");
        assertThat(headline.path("area_km2").asDouble()).isCloseTo(byHand, within(0.0005));
        List<String> ids = new ArrayList<>();
        headline.path("ids").forEach(i -> ids.add(i.asString()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(HELD_SINCE_2020);
        assertThat(headline.path("areas").asInt()).isEqualTo(HELD_SINCE_2020.size());
        // before September 2022 only the May 2021 areas had been taken
        double may2021 = jdbc.sql("select sum(ST_Area(geom::geography)) / 1e6 from corridor.disputed_areas where id in "
                + "('may-2021-sev-lich', 'may-2021-sisian', 'may-2021-vardenis')").query(Double.class).single();
        assertThat(client.json("/analysis/territory?datetime=2022-09-12").path("headline").path("area_km2").asDouble())
                .isCloseTo(may2021, within(0.0005));

        HttpResponse<String> html = client.get("/analysis/territory?f=html");
        assertThat(html.statusCode()).isEqualTo(200);
        String figure = BigDecimal.valueOf(byHand).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        assertThat(html.body()).contains("<p><b>Armenian-claimed territory under Azerbaijani control since 2020: " + figure + " km²</b></p>");
        // the last table lists every area counted today, one row each, with its area
        List<List<List<String>>> tables = tables(html.body());
        assertThat(tables).hasSizeGreaterThanOrEqualTo(2);
        List<List<String>> areas = tables.get(tables.size() - 1);
        int counted = client.json("/analysis/territory").path("areas").size();
        assertThat(counted).isGreaterThanOrEqualTo(HELD_SINCE_2020.size());
        assertThat(areas).hasSize(1 + counted);
        List<String> header = areas.get(0);
        for (List<String> row : areas.subList(1, areas.size())) {
            String id = row.get(header.indexOf("id"));
            if (HELD_SINCE_2020.contains(id)) {
                double km2 = jdbc.sql("select ST_Area(geom::geography) / 1e6 from corridor.disputed_areas where id = ?").param(id).query(Double.class).single();
                assertThat(Double.parseDouble(row.get(header.indexOf("area km2")))).as(id).isCloseTo(km2, within(0.0005));
            }
        }
    }

    /**
     * Transaction time: a version of an area that the history says the database held during 2001 only (inserted
     * here into the history table, with a test-only id) counts with {@code recorded} in 2001 and at no other time;
     * before anything was recorded there is nothing.
     */
    @Test
    void territoryAsRecordedReadsTheVersionsCurrentThen() {
        String id = "test-recorded-2001-only";
        try {
            jdbc.sql("""
                    insert into corridor.disputed_areas_history (id, geom, kind, name, claimed_by, controlled_by, since, sources, accuracy,
                                                                 recorded_at, recorded_to)
                    select ?, ST_Multi(ST_Transform(ST_MakeEnvelope(-5000, -5000, 5000, 5000, 3857), 4326)), kind, 'recorded in 2001 only', 'ARM', 'AZE',
                           date '2021-05-12', sources, accuracy, timestamptz '2001-01-01 00:00Z', timestamptz '2002-01-01 00:00Z'
                      from corridor.disputed_areas where id = 'may-2021-sisian'""").param(id).update();
            // a 10 km × 10 km square in Web Mercator at the equator: 100 km² on the ground, within a fraction of a per cent
            double km2 = jdbc.sql("select ST_Area(geom::geography) / 1e6 from corridor.disputed_areas_history where id = ?").param(id)
                    .query(Double.class).single();
            assertThat(km2).isCloseTo(100.0, within(1.0));

            JsonNode then = client.json("/analysis/territory?recorded=2001-06-01T00:00:00Z");
            assertThat(then.path("areas").size()).isEqualTo(1);
            assertThat(then.path("areas").get(0).path("id").asString()).isEqualTo(id);
            assertThat(then.path("headline").path("area_km2").asDouble()).isCloseTo(km2, within(0.0005));
            assertThat(then.path("time").path("recorded").asString()).startsWith("2001-06-01");

            assertThat(client.json("/analysis/territory?recorded=2000-12-31T23:59:59Z").path("areas").size()).isZero();
            assertThat(client.json("/analysis/territory?recorded=2002-01-01").path("areas").size()).isZero();
            // now: the areas as stored today, the history's row not among them
            JsonNode now = client.json("/analysis/territory?recorded=" + java.time.Instant.now());
            List<String> ids = new ArrayList<>();
            now.path("areas").forEach(a -> ids.add(a.path("id").asString()));
            assertThat(ids).doesNotContain(id)
                    .containsExactlyInAnyOrderElementsOf(jdbc.sql("select id from corridor.disputed_areas").query(String.class).list());
        } finally {
            jdbc.sql("delete from corridor.disputed_areas_history where id = ?").param(id).update();
        }
    }

    @Test
    void mapComparisonOfOneSection() {
        String section = "Tavush–Gazakh";
        JsonNode body = client.json("/analysis/boundaries/compare?a=reference-osm-2017&b=de-facto-2024&section="
                + java.net.URLEncoder.encode(section, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(body.path("section").asString()).isEqualTo(section);
        assertThat(body.path("sections").size()).isEqualTo(1);
        JsonNode s = body.path("sections").get(0);
        assertThat(s.path("section").asString()).isEqualTo(section);
        assertThat(s.path("length_a_km").asDouble()).isCloseTo(sectionKm("reference-osm-2017", section), within(0.0005));
        assertThat(s.path("length_b_km").asDouble()).isCloseTo(sectionKm("de-facto-2024", section), within(0.0005));
        // the one area between the lines of this section is the land handed over in 2024
        double handedOver = jdbc.sql("select ST_Area(geom::geography) / 1e6 from corridor.disputed_areas where id = 'tavush-gazakh-2024'")
                .query(Double.class).single();
        assertThat(body.path("features").size()).isEqualTo(1);
        JsonNode face = body.path("features").get(0);
        assertThat(face.path("properties").path("sections").size()).isEqualTo(1);
        assertThat(face.path("properties").path("sections").get(0).asString()).isEqualTo(section);
        assertThat(face.path("properties").path("direction").asString()).isEqualTo("ARM→AZE");
        assertThat(body.path("totals").path("area_km2").asDouble()).isCloseTo(handedOver, within(0.01));
        assertThat(body.path("places_on_different_sides").size()).isEqualTo(1);
        JsonNode place = body.path("places_on_different_sides").get(0);
        assertThat(place.path("place").asString()).isEqualTo(label("tavush-gazakh-2024"));
        assertThat(place.path("side_a").asString()).isEqualTo("ARM");
        assertThat(place.path("side_b").asString()).isEqualTo("AZE");
        assertThat(place.path("face").asString()).isEqualTo(face.path("id").asString());
        // a section the two maps draw alike has no area between them
        JsonNode alike = client.json("/analysis/boundaries/compare?a=reference-osm-2017&b=de-facto-2024&section="
                + java.net.URLEncoder.encode("Syunik–Nakhchivan", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(alike.path("features").size()).isZero();
        assertThat(alike.path("totals").path("area_km2").asDouble()).isZero();
        assertThat(alike.path("places_on_different_sides").size()).isZero();
    }

    /**
     * The places the reference line and the de facto line put on different sides: each area held since 2020 and the
     * land handed over in 2024 (ARM under the reference line, AZE under the de facto one), the Armenian exclave
     * Artsvashen (likewise) and the Azerbaijani exclaves Armenia holds, Yukhari Askipara and Barkhudarly (the other
     * way round); each lies in the area the answer names.
     */
    @Test
    void placesOnDifferentSidesOfTheReferenceAndDeFactoLines() {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String id : HELD_SINCE_2020) {
            expected.put(label(id), "ARM→AZE");
        }
        expected.put(label("tavush-gazakh-2024"), "ARM→AZE");
        expected.put(label("artsvashen"), "ARM→AZE");
        expected.put(label("yukhari-askipara"), "AZE→ARM");
        expected.put(label("barkhudarly"), "AZE→ARM");
        JsonNode body = client.json("/analysis/boundaries/compare?a=reference-osm-2017&b=de-facto-2024");
        Map<String, JsonNode> faces = new LinkedHashMap<>();
        body.path("features").forEach(f -> faces.put(f.path("id").asString(), f));
        Map<String, String> shown = new LinkedHashMap<>();
        for (JsonNode p : body.path("places_on_different_sides")) {
            assertThat(shown.put(p.path("place").asString(), p.path("side_a").asString() + "→" + p.path("side_b").asString()))
                    .as("listed once: " + p).isNull();
            JsonNode face = faces.get(p.path("face").asString());
            assertThat(face).as(p.toString()).isNotNull();
            assertThat(face.path("properties").path("direction").asString()).isEqualTo(shown.get(p.path("place").asString()));
        }
        assertThat(shown).containsExactlyInAnyOrderEntriesOf(expected);
        // each area's point on surface lies in its face, as PostGIS sees it
        for (JsonNode p : body.path("places_on_different_sides")) {
            String area = jdbc.sql("select id from corridor.disputed_areas where name || coalesce(' (' || place || ')', '') = ?")
                    .param(p.path("place").asString()).query(String.class).single();
            boolean inside = jdbc.sql("select ST_Within(ST_PointOnSurface(geom), ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)) from corridor.disputed_areas where id = ?")
                    .param(faces.get(p.path("face").asString()).path("geometry").toString()).param(area).query(Boolean.class).single();
            assertThat(inside).as(area).isTrue();
        }

        HttpResponse<String> html = client.get("/analysis/boundaries/compare?a=reference-osm-2017&b=de-facto-2024&f=html");
        assertThat(html.statusCode()).isEqualTo(200);
        String body2 = html.body();
        // the totals in words, each direction with its area, not a Java map's notation
        assertThat(body2).contains("<p>Totals: " + body.path("totals").path("area_km2").asDouble() + " km² between the lines; by direction: ")
                .doesNotContain("{area_km2=");
        int from = body2.indexOf("<h2>Places on different sides</h2>");
        assertThat(from).isPositive();
        List<List<List<String>>> placesTables = tables(body2.substring(from, body2.indexOf("<h2>", from + 5)));
        assertThat(placesTables).hasSize(1);
        List<List<String>> rows = placesTables.get(0);
        assertThat(rows).hasSize(1 + expected.size());
        List<String> header = rows.get(0);
        assertThat(header).containsExactly("place", "side a", "side b", "face");
        Map<String, String> inHtml = new LinkedHashMap<>();
        rows.subList(1, rows.size()).forEach(r -> inHtml.put(r.get(0), r.get(1) + "→" + r.get(2)));
        assertThat(inHtml).containsExactlyInAnyOrderEntriesOf(expected);
        // the areas table: one row per face, with its area
        List<List<List<String>>> all = tables(body2);
        List<List<String>> areas = all.get(1);
        assertThat(areas).hasSize(1 + faces.size());
        assertThat(areas.get(0).get(0)).isEqualTo("id");
    }

    /** The label the map comparison gives an area: its name and, in parentheses, its place. */
    private String label(String areaId) {
        return jdbc.sql("select name || coalesce(' (' || place || ')', '') from corridor.disputed_areas where id = ?").param(areaId)
                .query(String.class).single();
    }

    private double sectionKm(String map, String section) {
        return jdbc.sql("select ST_Length(ST_Union(geom)::geography) / 1000 from corridor.boundary_lines where map_id = ? and section = ?")
                .param(map).param(section).query(Double.class).single();
    }

    private BigDecimal countryKm(String route, String country) {
        return jdbc.sql("select round((sum(ST_Length(geom::geography)) / 1000)::numeric, 3) from corridor.route_segments"
                + " where route_id = ? and country = ?").param(route).param(country).query(BigDecimal.class).single();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    }

    /** The tables of an HTML page: rows of cell texts (header cells included), unescaped. */
    static List<List<List<String>>> tables(String html) {
        List<List<List<String>>> tables = new ArrayList<>();
        Matcher t = Pattern.compile("<table>(.*?)</table>", Pattern.DOTALL).matcher(html);
        while (t.find()) {
            List<List<String>> rows = new ArrayList<>();
            Matcher r = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(t.group(1));
            while (r.find()) {
                List<String> cells = new ArrayList<>();
                Matcher c = Pattern.compile("<t[hd]>(.*?)</t[hd]>", Pattern.DOTALL).matcher(r.group(1));
                while (c.find()) {
                    cells.add(unescape(c.group(1)));
                }
                rows.add(cells);
            }
            tables.add(rows);
        }
        return tables;
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&");
    }
}
