package org.corridorgis.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.corridorgis.security.ApiTokens;
import org.corridorgis.security.Role;
import org.corridorgis.support.ServiceClient;
import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * OGC API – Features – Part 4 against the real database: each write path with good and bad input, optimistic
 * locking, history with author and reason, derived data. Every feature made here has an id starting with
 * {@code wtest-} and is removed afterwards (with its history), so the seed data other tests count stays as it was.
 */
class EditingTest extends ServiceTestBase {

    private static final String GEOJSON = "application/geo+json";

    @Autowired
    ApiTokens tokens;

    private String reviewer;
    private String editor;

    @BeforeEach
    void tokens() {
        reviewer = "Bearer " + tokens.create("Reviewer R.", Role.REVIEWER, null).token();
        editor = "Bearer " + tokens.create("Editor E.", Role.EDITOR, null).token();
    }

    @AfterEach
    void removeWhatTheTestsMade() {
        for (String table : List.of("checkpoints", "routes", "disputed_areas", "events")) {
            jdbc.sql("delete from corridor." + table + " where id like 'wtest-%'").update();
            jdbc.sql("delete from corridor." + table + "_history where id like 'wtest-%'").update();
        }
        jdbc.sql("delete from corridor.route_segments_history where route_id like 'wtest-%'").update();
        jdbc.sql("delete from corridor.change_log where feature_id like 'wtest-%'").update();
        jdbc.sql("delete from corridor.proposal where feature_id like 'wtest-%'").update();
        jdbc.sql("delete from corridor.api_token where name in ('Reviewer R.', 'Editor E.')").update();
    }

    private static String checkpoint(String id, double lon, double lat, String extra) {
        return "{\"type\":\"Feature\"" + (id == null ? "" : ",\"id\":\"" + id + "\"")
                + ",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat + "]},"
                + "\"properties\":{\"name\":\"Test crossing\",\"states\":[\"ARM\",\"AZE\"],\"kind\":\"border crossing\","
                + "\"status\":\"proposed\",\"sources\":[\"crossings-facts\"],\"accuracy\":\"schematic\"" + extra + "}}";
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) {
        return client.send(method, path, GEOJSON, body, headers);
    }

    private static void assertProblem(HttpResponse<String> r, int status, String detailContains) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(ServiceClient.parse(r.body()).path("detail").asString()).contains(detailContains);
    }

    @Test
    void createReplaceUpdateDeleteKeepEveryVersionWithAuthorAndReason() {
        long versionBefore = jdbc.sql("select coalesce(sum(version), 0) from corridor.table_version").query(Long.class).single();
        HttpResponse<String> created = send("POST", "/collections/checkpoints/items", checkpoint("wtest-one", 45.5, 39.5, ""),
                "Authorization", reviewer, "Change-Reason", "Read%20off%20the%20map%20of%20March%202024");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue(client.base() + "/collections/checkpoints/items/wtest-one");
        assertThat(Long.parseLong(created.headers().firstValue("Data-Version").orElseThrow())).isGreaterThan(versionBefore);
        assertThat(jdbc.sql("select ST_AsText(geom) from corridor.checkpoints where id = 'wtest-one'").query(String.class).single())
                .isEqualTo("POINT(45.5 39.5)");
        assertThat(jdbc.sql("select author || '|' || reason || '|' || operation from corridor.change_log where feature_id = 'wtest-one'")
                .query(String.class).list()).containsExactly("Reviewer R.|Read off the map of March 2024|create");

        // the ETag of a GET is the one a write needs; the one the POST gave names the same version
        HttpResponse<String> got = client.get("/collections/checkpoints/items/wtest-one");
        String etag = got.headers().firstValue("ETag").orElseThrow();
        assertThat(etag.substring(etag.length() - 17)).isEqualTo(created.headers().firstValue("ETag").orElseThrow()
                .substring(etag.length() - 17));

        // replace: every property as sent, a new position
        HttpResponse<String> replaced = send("PUT", "/collections/checkpoints/items/wtest-one",
                checkpoint("wtest-one", 45.6, 39.4, ",\"note\":\"moved\""), "Authorization", reviewer, "If-Match", etag,
                "Change-Reason", "Surveyed position");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(204);
        String etag2 = replaced.headers().firstValue("ETag").orElseThrow();
        assertThat(etag2).isNotEqualTo(etag);
        assertThat(jdbc.sql("select ST_AsText(geom) || '|' || note from corridor.checkpoints where id = 'wtest-one'").query(String.class).single())
                .isEqualTo("POINT(45.6 39.4)|moved");

        // update: one property, the rest stays
        HttpResponse<String> patched = client.send("PATCH", "/collections/checkpoints/items/wtest-one", "application/merge-patch+json",
                "{\"properties\":{\"status\":\"under construction\",\"change_reason\":\"Works began\"}}",
                "Authorization", reviewer, "If-Match", etag2);
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
        assertThat(jdbc.sql("select status || '|' || note || '|' || ST_AsText(geom) from corridor.checkpoints where id = 'wtest-one'")
                .query(String.class).single()).isEqualTo("under construction|moved|POINT(45.6 39.4)");

        // the old ETag is stale now
        assertProblem(send("DELETE", "/collections/checkpoints/items/wtest-one", null, "Authorization", reviewer, "If-Match", etag2),
                412, "has changed");
        HttpResponse<String> deleted = send("DELETE", "/collections/checkpoints/items/wtest-one", null, "Authorization", reviewer,
                "If-Match", patched.headers().firstValue("ETag").orElseThrow(), "Change-Reason", "Duplicate of another record");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from corridor.checkpoints where id = 'wtest-one'").query(Long.class).single()).isZero();
        assertThat(client.get("/collections/checkpoints/items/wtest-one").statusCode()).isEqualTo(404);

        // history: three versions, each with who made it and why
        JsonNode history = client.json("/collections/checkpoints/items/wtest-one/history");
        assertThat(history.path("features").size()).isEqualTo(3);
        List<String> rows = new ArrayList<>();
        history.path("features").forEach(f -> rows.add(f.path("properties").path("status").asString() + "|"
                + f.path("properties").path("recorded_by").asString() + "|" + f.path("properties").path("change_reason").asString()));
        assertThat(rows).containsExactly("proposed|Reviewer R.|Read off the map of March 2024", "proposed|Reviewer R.|Surveyed position",
                "under construction|Reviewer R.|Works began");
        assertThat(jdbc.sql("select operation from corridor.change_log where feature_id = 'wtest-one' order by id").query(String.class).list())
                .containsExactly("create", "replace", "update", "delete");

        // as of the moment between the first and second version: the first one only
        String between = jdbc.sql("select to_char((recorded_to - interval '1 millisecond') at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') "
                + "from corridor.checkpoints_history where id = 'wtest-one' order by recorded_at limit 1").query(String.class).single();
        JsonNode asOf = client.json("/collections/checkpoints/items/wtest-one/history?datetime=" + between);
        assertThat(asOf.path("features").size()).isEqualTo(1);
        assertThat(asOf.path("features").get(0).path("geometry").path("coordinates").toString()).isEqualTo("[45.5,39.5]");
    }

    @Test
    void writesNeedAPreconditionAndAnUpToDateOne() {
        assertThat(send("POST", "/collections/checkpoints/items", checkpoint("wtest-lock", 45.5, 39.5, ""), "Authorization", reviewer)
                .statusCode()).isEqualTo(201);
        assertProblem(send("PUT", "/collections/checkpoints/items/wtest-lock", checkpoint("wtest-lock", 45.5, 39.5, ""),
                "Authorization", reviewer), 428, "If-Match");
        assertProblem(send("PUT", "/collections/checkpoints/items/wtest-lock", checkpoint("wtest-lock", 45.5, 39.5, ""),
                "Authorization", reviewer, "If-Match", "\"12-abc\""), 412, "names no version");
        assertProblem(send("POST", "/collections/checkpoints/items", checkpoint("wtest-lock", 45.5, 39.5, ""), "Authorization", reviewer),
                409, "exists already");
        assertProblem(send("PUT", "/collections/checkpoints/items/wtest-nothere", checkpoint("wtest-nothere", 45.5, 39.5, ""),
                "Authorization", reviewer, "If-Match", "*"), 404, "no feature");
    }

    @Test
    void concurrentWritersOnOneFeatureExactlyOneWins() throws Exception {
        assertThat(send("POST", "/collections/checkpoints/items", checkpoint("wtest-race", 45.5, 39.5, ""), "Authorization", reviewer)
                .statusCode()).isEqualTo(201);
        String etag = client.get("/collections/checkpoints/items/wtest-race").headers().firstValue("ETag").orElseThrow();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String name = "Writer " + i;
            Callable<HttpResponse<String>> write = () -> {
                start.await();
                return client.send("PATCH", "/collections/checkpoints/items/wtest-race", GEOJSON,
                        "{\"properties\":{\"name\":\"" + name + "\"}}", "Authorization", reviewer, "If-Match", etag);
            };
            answers.add(pool.submit(write));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        String winner = null;
        for (int i = 0; i < writers; i++) {
            HttpResponse<String> r = answers.get(i).get();
            statuses.add(r.statusCode());
            if (r.statusCode() == 204) {
                winner = "Writer " + i;
            }
        }
        pool.shutdown();
        assertThat(statuses).hasSize(writers);
        assertThat(statuses.stream().filter(s -> s == 204).count()).as(statuses.toString()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 412).count()).as(statuses.toString()).isEqualTo(writers - 1);
        assertThat(jdbc.sql("select name from corridor.checkpoints where id = 'wtest-race'").query(String.class).single()).isEqualTo(winner);
        assertThat(jdbc.sql("select count(*) from corridor.checkpoints_history where id = 'wtest-race'").query(Long.class).single()).isEqualTo(1L);
        System.out.printf("concurrent writers: %d PATCH with one ETag at once: %d answered 204, %d answered 412%n", writers,
                statuses.stream().filter(s -> s == 204).count(), statuses.stream().filter(s -> s == 412).count());
    }

    @Test
    void badFeaturesAreRefusedWithWhatWasWrong() {
        String path = "/collections/checkpoints/items";
        assertProblem(send("POST", path, "{not json", "Authorization", reviewer), 400, "not valid JSON");
        assertProblem(send("POST", path, "{\"type\":\"FeatureCollection\",\"features\":[]}", "Authorization", reviewer), 400, "GeoJSON Feature");
        assertProblem(client.send("POST", path, "text/plain", checkpoint("wtest-bad", 45.5, 39.5, ""), "Authorization", reviewer), 415,
                "application/geo+json");
        assertProblem(send("POST", path, checkpoint("wtest-bad", 45.5, 39.5, "").replace("\"Point\"", "\"LineString\"")
                .replace("[45.5,39.5]", "[[45.5,39.5],[45.6,39.6]]"), "Authorization", reviewer), 422, "Point geometries, not LineString");
        assertProblem(send("POST", path, checkpoint("wtest-bad", 12.5, 41.9, ""), "Authorization", reviewer), 422, "outside the region");
        assertProblem(send("POST", path, checkpoint("wtest-bad", 45.5, 39.5, "").replace("\"crossings-facts\"", "\"no-such-source\""),
                "Authorization", reviewer), 422, "[no-such-source]");
        assertProblem(send("POST", path, checkpoint("wtest-bad", 45.5, 39.5, "").replace(",\"sources\":[\"crossings-facts\"]", ""),
                "Authorization", reviewer), 422, "'sources' is required");
        assertProblem(send("POST", path, checkpoint("wtest-bad", 45.5, 39.5, "").replace("\"schematic\"", "\"guessed\""),
                "Authorization", reviewer), 422, "accuracy must be one of");
        assertProblem(send("POST", path, checkpoint("wtest-bad", 45.5, 39.5, "").replace("\"border crossing\"", "\"tunnel\""),
                "Authorization", reviewer), 422, "checkpoints_kind_check");
        assertProblem(send("POST", path, checkpoint("wtest-bad", 45.5, 39.5, ",\"valid_from\":\"2024-02-30\""),
                "Authorization", reviewer), 400, "valid_from");
        assertProblem(send("POST", path, checkpoint("wtest-bad", 45.5, 39.5, ",\"valid_from\":\"2024-05-01\",\"valid_to\":\"2024-01-01\""),
                "Authorization", reviewer), 422, "after valid_to");
        assertProblem(send("POST", path, checkpoint("wtest-bad", 45.5, 39.5, ",\"colour\":\"red\""), "Authorization", reviewer),
                400, "no property 'colour'");
        assertProblem(send("POST", path, checkpoint("wtest-bad", 45.5, 39.5, "").replace("[\"ARM\",\"AZE\"]", "\"ARM\""),
                "Authorization", reviewer), 400, "'states' must be an array of text");
        assertProblem(send("POST", path, checkpoint("wtest-bad", 45.5, 39.5, ""), "Authorization", reviewer, "Content-Crs", "<EPSG:9999>"),
                400, "not a supported CRS");
        assertProblem(send("POST", "/collections/route-segments/items", checkpoint("wtest-bad", 45.5, 39.5, ""), "Authorization", reviewer),
                405, "computed");
        // a self-intersecting polygon ("bow tie") is not a valid area
        String bowTie = "{\"type\":\"Feature\",\"id\":\"wtest-bowtie\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[45.0,39.0],[45.1,39.1],[45.1,39.0],[45.0,39.1],[45.0,39.0]]]},\"properties\":{\"kind\":\"held-since-2021\","
                + "\"name\":\"Bow tie\",\"sources\":[\"crossings-facts\"],\"accuracy\":\"schematic\"}}";
        assertProblem(send("POST", "/collections/disputed-areas/items", bowTie, "Authorization", reviewer), 422, "not valid");
        assertThat(jdbc.sql("select count(*) from corridor.checkpoints where id like 'wtest-%'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from corridor.change_log where feature_id like 'wtest-%'").query(Long.class).single()).isZero();
    }

    @Test
    void coordinatesInTheCrsOfContentCrs() {
        // EPSG:4326 is latitude first
        assertThat(send("POST", "/collections/checkpoints/items", checkpoint("wtest-latlon", 39.25, 45.75, ""), "Authorization", reviewer,
                "Content-Crs", "<http://www.opengis.net/def/crs/EPSG/0/4326>").statusCode()).isEqualTo(201);
        assertThat(jdbc.sql("select ST_AsText(geom) from corridor.checkpoints where id = 'wtest-latlon'").query(String.class).single())
                .isEqualTo("POINT(45.75 39.25)");
        // UTM 38N: the point PostGIS itself projects from 45.25 E 39.75 N comes back there
        Map<String, Object> utm = jdbc.sql("select ST_X(p) as x, ST_Y(p) as y from (select ST_Transform(ST_SetSRID(ST_MakePoint(45.25, 39.75), 4326), 32638) p) q")
                .query().singleRow();
        assertThat(send("POST", "/collections/checkpoints/items", checkpoint("wtest-utm", ((Number) utm.get("x")).doubleValue(),
                ((Number) utm.get("y")).doubleValue(), ""), "Authorization", reviewer, "Content-Crs", "<http://www.opengis.net/def/crs/EPSG/0/32638>")
                .statusCode()).isEqualTo(201);
        assertThat(jdbc.sql("select round(ST_X(geom)::numeric, 6) || ' ' || round(ST_Y(geom)::numeric, 6) from corridor.checkpoints where id = 'wtest-utm'")
                .query(String.class).single()).isEqualTo("45.250000 39.750000");
    }

    @Test
    void aNewRouteIsCutIntoSegmentsInTheSameWrite() {
        // a short road east of Yerevan, inside Armenia
        String route = "{\"type\":\"Feature\",\"id\":\"wtest-road\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
                + "[[44.60,40.15],[44.70,40.20]]},\"properties\":{\"name\":\"Test road\",\"origin\":\"A\",\"destination\":\"B\","
                + "\"via\":[],\"mode\":\"road\",\"status\":\"proposed\",\"sources\":[\"crossings-facts\"],\"accuracy\":\"schematic\"}}";
        HttpResponse<String> r = send("POST", "/collections/routes/items", route, "Authorization", reviewer);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        List<String> segments = jdbc.sql("select country || ' ' || length_km from corridor.route_segments where route_id = 'wtest-road' order by seq")
                .query(String.class).list();
        String expected = jdbc.sql("select 'ARM ' || round((ST_Length(ST_SetSRID(ST_MakeLine(ST_MakePoint(44.60, 40.15), ST_MakePoint(44.70, 40.20)), 4326)::geography) / 1000)::numeric, 3)")
                .query(String.class).single();
        assertThat(segments).containsExactly(expected);
        assertThat(client.json("/collections/route-segments/items?route_id=wtest-road").path("features").size()).isEqualTo(1);
    }

    @Test
    void anEditorsWriteToTheOfficialLayersIsOnlyProposed() {
        HttpResponse<String> r = send("POST", "/collections/checkpoints/items", checkpoint("wtest-editor", 45.5, 39.5, ""), "Authorization", editor);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(jdbc.sql("select count(*) from corridor.checkpoints where id = 'wtest-editor'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select author || '|' || status from corridor.proposal where feature_id = 'wtest-editor'").query(String.class).list())
                .containsExactly("Editor E.|open");
    }
}
