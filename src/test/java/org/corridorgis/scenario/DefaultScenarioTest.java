package org.corridorgis.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.corridorgis.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The scenario meant when a request names none is said once, by the service, and tiles and analyses follow it. */
@PostgisIntegrationTest
class DefaultScenarioTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theDefaultIsTheObservedStateAsTheReadmeSays() throws Exception {
        HttpResponse<byte[]> r = get("/scenarios");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        // the README's configuration table: CORRIDOR_DEFAULT_SCENARIO, default observed
        assertThat(body.path("default_scenario").asString()).isEqualTo("observed");
        assertThat(jdbc.sql("select count(*) from corridor.scenarios where id = 'observed'").query(Long.class).single()).isOne();
        assertThat(body.path("scenarios").asString()).endsWith("/collections/scenarios/items");
    }

    @Test
    void aTileAndARouteComparisonWithoutAScenarioAreTheObservedOnes() throws Exception {
        String tile = "/collections/checkpoints/tiles/WebMercatorQuad/7/48/79";
        HttpResponse<byte[]> without = get(tile), observed = get(tile + "?scenario=observed");
        assertThat(without.statusCode()).isEqualTo(200);
        assertThat(without.body().length).isPositive();
        assertThat(java.util.Arrays.equals(without.body(), observed.body())).as("the same tile as scenario=observed").isTrue();
        JsonNode compare = json.readTree(get("/analysis/routes/compare?routes=baku-nakhchivan-via-meghri").body());
        assertThat(compare.path("scenario").path("id").asString()).isEqualTo("observed");
    }

    @Test
    void anUnknownParameterIsAProblem() throws Exception {
        HttpResponse<byte[]> r = get("/scenarios?nope=1");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
