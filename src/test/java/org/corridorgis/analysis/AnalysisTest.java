package org.corridorgis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.corridorgis.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PostgisIntegrationTest
class AnalysisTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode ok(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void tenByTenKilometreSquareIs100SquareKilometres() {
        // an exact 10 km x 10 km square in an equal-area projection centred in the region, measured by the same expression
        double km2 = jdbc.sql("select " + TerritoryAccounting.AREA_KM2.formatted(
                "ST_Transform(ST_MakeEnvelope(-5000, -5000, 5000, 5000), '+proj=laea +lat_0=40 +lon_0=46 +datum=WGS84 +units=m +no_defs', 4326)"))
                .query(Double.class).single();
        assertThat(km2).isCloseTo(100.0, org.assertj.core.data.Percentage.withPercentage(0.5));
    }

    @Test
    void perCountryLengthsSumToTheRouteTotal() throws Exception {
        JsonNode body = ok("/analysis/routes/compare?routes=baku-nakhchivan-via-meghri,baku-nakhchivan-via-aras-corridor-iran,baku-nakhchivan-via-iran-historic-road");
        assertThat(body.path("scenario_note").asString()).contains("observed");
        assertThat(body.path("sources").size()).isPositive();
        assertThat(body.path("routes").size()).isEqualTo(3);
        for (JsonNode r : body.path("routes")) {
            // each route crosses at least one border, so it has a length in two countries at least
            assertThat(r.path("length_by_country_km").size()).as(r.path("id").asString()).isGreaterThanOrEqualTo(2);
            double sum = 0;
            for (var e : r.path("length_by_country_km").properties()) {
                sum += e.getValue().asDouble();
            }
            double independent = jdbc.sql("select ST_Length(geom::geography) / 1000 from corridor.routes where id = :id")
                    .param("id", r.path("id").asString()).query(Double.class).single();
            assertThat(sum).isCloseTo(r.path("length_km").asDouble(), org.assertj.core.data.Offset.offset(0.01));
            assertThat(sum).isCloseTo(independent, org.assertj.core.data.Percentage.withPercentage(0.01));
            assertThat(r.has("checkpoints")).isTrue();
        }
    }

    @Test
    void meghriUnderAzerbaijanPositionHasNoCustomsInArmeniaAndUnderCrossroadsCustomsOnEachBorder() throws Exception {
        JsonNode aze = ok("/analysis/routes/compare?routes=baku-nakhchivan-via-meghri&scenario=azerbaijan-position-2024").path("routes").get(0);
        // the route passes two posts, both on the ARM/AZE border, and has one segment in Armenia
        assertThat(aze.path("checkpoints").size()).isEqualTo(2);
        assertThat(aze.path("checkpoints").get(0).path("states").toString()).contains("\"ARM\"");
        assertThat(aze.path("checkpoints").get(1).path("states").toString()).contains("\"ARM\"");
        assertThat(aze.path("segments").valueStream().filter(s -> s.path("country").asString().equals("ARM")).count()).isEqualTo(1);
        int customsInArmenia = 0;
        for (JsonNode c : aze.path("checkpoints")) {
            boolean inArmenia = false;
            for (JsonNode s : c.path("states")) {
                inArmenia |= s.asString().equals("ARM");
            }
            if (inArmenia) {
                customsInArmenia += c.path("checks").path("customs").asInt();
            }
        }
        for (JsonNode s : aze.path("segments")) {
            if (s.path("country").asString().equals("ARM")) {
                assertThat(s.path("regime").path("customs_control").asBoolean(false)).isFalse();
            }
        }
        assertThat(customsInArmenia).isZero();
        JsonNode cop = ok("/analysis/routes/compare?routes=baku-nakhchivan-via-meghri&scenario=crossroads-of-peace-2023").path("routes").get(0);
        assertThat(cop.path("crossings").size()).isEqualTo(2);
        for (JsonNode x : cop.path("crossings")) {
            assertThat(x.path("customs_checks").asInt()).as(x.toString()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aClosedCheckpointCountsInTheIfOpenTimeAsAnyCrossingDoes() throws Exception {
        // under TRIPP the Aghband–Kalaleh bridge is closed: no checks under the scenario, but the "if it were open" time
        // counts it as any international crossing (each state: passport 30 + customs 60 + border 20 min)
        JsonNode routes = ok("/analysis/routes/compare?routes=baku-nakhchivan-via-aras-corridor-iran,baku-nakhchivan-via-meghri&scenario=tripp-2026")
                .path("routes");
        assertThat(routes.size()).isEqualTo(2);
        for (JsonNode r : routes) {
            String id = r.path("id").asString();
            double moving = jdbc.sql("select sum(ST_Length(geom::geography) / 1000 / (case mode when 'rail' then 60 else 70 end) * 60) "
                    + "from corridor.route_segments where route_id = ?").param(id).query(Double.class).single();
            int states = jdbc.sql("select sum(cardinality(c.states))::int from corridor.routes r cross join unnest(r.checkpoints) u(id) "
                    + "join corridor.checkpoints c on c.id = u.id where r.id = ?").param(id).query(Integer.class).single();
            assertThat(r.path("transit_time").path("total_minutes").asDouble()).as(id)
                    .isCloseTo(moving + states * 110.0, org.assertj.core.data.Offset.offset(0.11));
        }
        // 14:34 via the Aras and 15:40 via Meghri: the Aras route is no longer shown quicker for being closed
        assertThat(Math.round(routes.get(0).path("transit_time").path("total_minutes").asDouble())).isEqualTo(14 * 60 + 34);
        assertThat(Math.round(routes.get(1).path("transit_time").path("total_minutes").asDouble())).isEqualTo(15 * 60 + 40);
        JsonNode bridge = null;
        for (JsonNode c : routes.get(0).path("checkpoints")) {
            if (c.path("id").asString().equals("aghband-kalaleh-bridge")) {
                bridge = c;
            }
        }
        assertThat(bridge).isNotNull();
        assertThat(bridge.path("checks").path("customs").asInt()).isZero();
        assertThat(bridge.path("if_open").path("customs").asInt()).isEqualTo(2);
        assertThat(bridge.path("if_open").path("dwell_minutes").asDouble()).isEqualTo(220.0);
        assertThat(routes.get(0).path("transit_time").path("assumed_dwell_minutes").asDouble()).isEqualTo(220.0);
    }

    @Test
    void controlsTheSourcesLeaveOpenAreListedAsUnspecified() throws Exception {
        for (String scenario : jdbc.sql("select id from corridor.scenarios order by id").query(String.class).list()) {
            JsonNode routes = ok("/analysis/routes/compare?routes=baku-nakhchivan-via-meghri,yerevan-iran-rail-via-nakhchivan&scenario=" + scenario).path("routes");
            assertThat(routes.size()).isEqualTo(2);
            for (JsonNode r : routes) {
                int total = 0;
                int onRoute = jdbc.sql("select cardinality(checkpoints) from corridor.routes where id = ?").param(r.path("id").asString())
                        .query(Integer.class).single();
                assertThat(onRoute).isPositive();
                assertThat(r.path("checkpoints").size()).as(scenario + " " + r.path("id").asString()).isEqualTo(onRoute);
                for (JsonNode c : r.path("checkpoints")) {
                    java.util.List<String> expected = java.util.List.of();
                    if (c.path("open").asBoolean(false)) {
                        expected = jdbc.sql("""
                                select x.control from corridor.control_regimes cr cross join lateral (values
                                  ('passport', cr.passport_control), ('customs', cr.customs_control), ('border', cr.border_control)) x(control, v)
                                 where cr.code = ? and x.v is null""").param(c.path("regime").path("code").asString()).query(String.class).list();
                    }
                    java.util.List<String> shown = new java.util.ArrayList<>();
                    c.path("unspecified").forEach(u -> shown.add(u.asString()));
                    assertThat(shown).as(scenario + " " + c.path("id").asString()).containsExactlyElementsOf(expected);
                    total += expected.size();
                }
                assertThat(r.path("checkpoint_checks").path("unspecified").asInt()).isEqualTo(total);
            }
        }
        // the seed data has such a regime: Russian border guards under point 9 leave passport and customs control unspecified
        assertThat(jdbc.sql("select count(*) from corridor.control_regimes where passport_control is null and border_control").query(Long.class).single())
                .isPositive();
    }

    @Test
    void mapComparedWithItselfHasNoAreaAndSwappingSwapsDirections() throws Exception {
        JsonNode self = ok("/analysis/boundaries/compare?a=reference-osm-2017&b=reference-osm-2017");
        assertThat(self.path("totals").path("area_km2").asDouble()).isZero();
        assertThat(self.path("features").size()).isZero();
        JsonNode ab = ok("/analysis/boundaries/compare?a=reference-osm-2017&b=de-facto-2024");
        JsonNode ba = ok("/analysis/boundaries/compare?a=de-facto-2024&b=reference-osm-2017");
        assertThat(ab.path("totals").path("area_km2").asDouble()).isPositive();
        assertThat(ab.path("totals").path("area_km2").asDouble()).isCloseTo(ba.path("totals").path("area_km2").asDouble(),
                org.assertj.core.data.Offset.offset(0.01));
        // both directions occur: land the reference line gives Armenia and the de facto one Azerbaijan, and the exclaves the other way
        assertThat(ab.path("totals").path("directions").size()).isEqualTo(2);
        assertThat(ba.path("totals").path("directions").size()).isEqualTo(2);
        for (var e : ab.path("totals").path("directions").properties()) {
            String[] d = e.getKey().split("→");
            assertThat(ba.path("totals").path("directions").path(d[1] + "→" + d[0]).asDouble())
                    .isCloseTo(e.getValue().asDouble(), org.assertj.core.data.Offset.offset(0.01));
        }
        JsonNode none = ok("/analysis/boundaries/compare?a=reference-osm-2017&b=arm-position-1975-maps");
        assertThat(none.path("notes").size()).isPositive();
    }

    @Test
    void territoryHeadlineMatchesAnIndependentSum() throws Exception {
        JsonNode body = ok("/analysis/territory");
        // straight ST_Area over the areas taken since the ceasefire, chosen by hand from the fact sheet (May 2021,
        // September 2022, Tegh March 2023), not the service's definition of the headline
        double independent = jdbc.sql("select sum(ST_Area(geom::geography)) / 1e6 from corridor.disputed_areas where id in ("
                + "'may-2021-sev-lich', 'may-2021-sisian', 'may-2021-vardenis', 'sept-2022-goris', 'sept-2022-jermuk', 'sept-2022-kapan', "
                + "'sept-2022-sotk', 'sept-2022-vardenis', 'mar-2023-tegh')").query(Double.class).single();
        assertThat(body.path("headline").path("area_km2").asDouble()).isCloseTo(independent, org.assertj.core.data.Offset.offset(0.002));
        JsonNode past = ok("/analysis/territory?datetime=2021-01-01");
        assertThat(past.path("headline").path("area_km2").asDouble()).isZero();
        ok("/analysis");
        ok("/analysis/routes/baku-nakhchivan-via-meghri/scenarios");
    }

    @Test
    void badInputIsAProblemNeverA500() throws Exception {
        Map<String, Integer> cases = Map.of(
                "/analysis/routes/compare?routes=nope", 404,
                "/analysis/routes/compare?routes=baku-nakhchivan-via-meghri&scenario=nope", 404,
                "/analysis/routes/compare?routes=a,b,c,d,e,f,g", 400,
                "/analysis/routes/compare?routes=baku-nakhchivan-via-meghri&speed.rail=-60", 400,
                "/analysis/routes/compare?routes=baku-nakhchivan-via-meghri&dwell.customs=abc", 400,
                "/analysis/routes/compare?routes=baku-nakhchivan-via-meghri&exposure.km=-1", 400,
                "/analysis/routes/nope/scenarios", 404,
                "/analysis/boundaries/compare?a=nope&b=de-facto-2024", 404,
                "/analysis/territory?datetime=yesterday", 400,
                "/analysis/territory?bogus=1", 400);
        for (var c : cases.entrySet()) {
            HttpResponse<String> r = get(c.getKey());
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(c.getKey()).contains("application/problem+json");
        }
    }
}
