package org.corridorgis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.corridorgis.support.PostgisIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many statements the analyses and a tile send to the database, counted by PostgreSQL itself
 * (pg_stat_statements, top-level statements of this database). The catalogue's own re-read (at most every few
 * seconds, by whichever request comes) and this test's statements are left out of the count.
 */
@PostgisIntegrationTest
class StatementCountTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void statementStatistics() {
        jdbc.sql("create extension if not exists pg_stat_statements").update();
    }

    /** The statements one request for {@code path} runs (asked once before, so that nothing is read for the first time). */
    long statementsOf(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
        HttpResponse<byte[]> warm = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(warm.statusCode()).as(path).isEqualTo(200);
        jdbc.sql("select pg_stat_statements_reset()").query().listOfRows();
        HttpResponse<byte[]> measured = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(measured.statusCode()).as(path).isEqualTo(200);
        long statements = jdbc.sql("""
                select coalesce(sum(calls), 0) from pg_stat_statements
                 where dbid = (select oid from pg_database where datname = current_database())
                   and query not like '%pg_stat_statements%' and query not like '%from corridor.collection c%'""")
                .query(Long.class).single();
        System.out.println("statements of " + path + ": " + statements);
        return statements;
    }

    @Test
    void aRouteComparisonChecksItsInputAndAnswersInTwoStatements() throws Exception {
        // one reads what may be asked (routes, scenarios) and the data version, one computes the answer
        assertThat(statementsOf("/analysis/routes/compare?routes=baku-nakhchivan-via-meghri,baku-nakhchivan-via-aras-corridor-iran"
                + ",baku-nakhchivan-via-iran-historic-road&scenario=crossroads-of-peace-2023")).isEqualTo(2);
        assertThat(statementsOf("/analysis/routes/compare?routes=baku-nakhchivan-via-meghri&exposure.km=3&f=geojson")).isEqualTo(2);
    }

    @Test
    void aRouteUnderEveryScenarioTakesAsManyStatementsAsUnderOne() throws Exception {
        long scenarios = jdbc.sql("select count(*) from corridor.scenarios").query(Long.class).single();
        assertThat(scenarios).as("several scenarios to compare").isGreaterThanOrEqualTo(5);
        assertThat(statementsOf("/analysis/routes/baku-nakhchivan-via-meghri/scenarios")).isEqualTo(2);
        assertThat(statementsOf("/analysis/routes/baku-nakhchivan-via-meghri/scenarios?f=csv")).isEqualTo(2);
    }

    @Test
    void territoryAccountingReadsItsRowsOnce() throws Exception {
        // the data version, then the rows, their totals, the stated figures and the citations together
        assertThat(statementsOf("/analysis/territory?datetime=2022-01-01")).isEqualTo(2);
        assertThat(statementsOf("/analysis/territory?f=html")).isEqualTo(2);
    }

    @Test
    void aMapComparisonReadsTheMapsThenComparesThem() throws Exception {
        // one reads both maps, the section, the data version and the citations; one computes the areas and sections
        assertThat(statementsOf("/analysis/boundaries/compare?a=reference-osm-2017&b=de-facto-2024")).isEqualTo(2);
    }

    @Test
    void aTileIsOneStatement() throws Exception {
        assertThat(statementsOf("/tiles/WebMercatorQuad/7/48/79")).isEqualTo(1);
        assertThat(statementsOf("/collections/routes/tiles/WebMercatorQuad/7/48/79?scenario=tripp-2026")).isEqualTo(1);
    }
}
