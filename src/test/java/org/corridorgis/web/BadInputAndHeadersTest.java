package org.corridorgis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.corridorgis.catalog.Catalog;
import org.corridorgis.security.ApiTokens;
import org.corridorgis.security.Role;
import org.corridorgis.support.ServiceClient;
import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Bad input answered with a 400 (never a 500), the security headers on pages and data, what health tells an
 * anonymous caller, where absolute links come from, and refused CORS preflights: real requests against the
 * running service.
 */
class BadInputAndHeadersTest extends ServiceTestBase {

    static final String UTM_38N = "http://www.opengis.net/def/crs/EPSG/0/32638";

    @Autowired
    Catalog catalog;

    @Autowired
    ApiTokens tokens;

    private void assertProblem(HttpResponse<String> r, int status, String detailContains) {
        assertThat(r.statusCode()).as(r.uri() + " -> " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode body = ServiceClient.parse(r.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("detail").asString()).contains(detailContains);
    }

    @Test
    void propertyValuesThatDoNotFitTheColumnTypeAre400() {
        assertProblem(client.get("/collections/disputed-areas/items?valid_from=2024-02-30"), 400, "'2024-02-30' is not a date");
        assertProblem(client.get("/collections/disputed-areas/items?area_km2=abc"), 400, "'abc' is not a number");
        assertProblem(client.get("/collections/route-segments/items?seq=x"), 400, "'x' is not a whole number");
        assertProblem(client.get("/collections/route-segments/items?seq=2147483648"), 400, "out of range");
        assertProblem(client.get("/collections/control-regimes/items?passport_control=maybe"), 400, "true or false");
        assertProblem(client.get("/collections/sources/items?published=x"), 400, "'x' is not a date");
        assertProblem(client.get("/collections/sources/items?recorded_at=2024-01-01T25:00:00Z"), 400, "is not a time");
    }

    @Test
    void fittingPropertyValuesSelectWhatSqlSelects() {
        // the expected counts come from PostgreSQL directly
        long segments = jdbc.sql("select count(*) from corridor.route_segments where seq = 2").query(Long.class).single();
        assertThat(segments).isPositive();
        assertThat((long) client.json("/collections/route-segments/items?seq=2&limit=100").path("features").size()).isEqualTo(segments);
        long passport = jdbc.sql("select count(*) from corridor.control_regimes where passport_control").query(Long.class).single();
        assertThat((long) client.json("/collections/control-regimes/items?passport_control=true&limit=100").path("features").size())
                .isEqualTo(passport);
        String since = jdbc.sql("select min(valid_from)::text from corridor.disputed_areas").query(String.class).single();
        long sameDay = jdbc.sql("select count(*) from corridor.disputed_areas where valid_from = cast(? as date)").param(since)
                .query(Long.class).single();
        assertThat(sameDay).isPositive().isLessThan(100);
        assertThat((long) client.json("/collections/disputed-areas/items?limit=100&valid_from=" + since).path("features").size())
                .isEqualTo(sameDay);
    }

    @Test
    void aNulCharacterInAnyValueIs400() {
        assertProblem(client.get("/collections/checkpoints/items?name=a%00b"), 400, "NUL");
        assertProblem(client.get("/collections/routes/items?scenario=a%00b"), 400, "NUL");
        assertProblem(client.get("/collections/routes/items?filter=name%3D%27a%00b%27"), 400, "NUL");
        assertProblem(client.get("/analysis/routes/compare?routes=a%00b"), 400, "NUL");
    }

    @Test
    void projectedCoordinatesOutsideTheProjectionAre400() {
        assertProblem(client.get("/collections/checkpoints/items?filter-crs=" + UTM_38N
                + "&filter=S_INTERSECTS(geom,POINT(10000000000%2010000000000))"), 400, "must lie within");
        assertProblem(client.get("/collections/checkpoints/items?filter-crs=" + UTM_38N
                + "&filter=S_INTERSECTS(geom,POINT(-20000000%200))"), 400, "must lie within");
        assertProblem(client.get("/collections/checkpoints/items?bbox-crs=" + UTM_38N + "&bbox=1e10,1e10,2e10,2e10"), 400, "must lie within");
        // the Agarak post (Meghri) in UTM 38N, as PostGIS projects it, still finds it
        String box = jdbc.sql("""
                select concat_ws(',', round(ST_X(p)::numeric) - 10, round(ST_Y(p)::numeric) - 10,
                                      round(ST_X(p)::numeric) + 10, round(ST_Y(p)::numeric) + 10) from (
                  select ST_Transform(geom, 32638) p from corridor.checkpoints where id = 'agarak-post') t""").query(String.class).single();
        HttpResponse<String> found = client.get("/collections/checkpoints/items?filter-crs=" + UTM_38N
                + "&filter=S_INTERSECTS(geom,BBOX(" + box + "))");
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(ServiceClient.parse(found.body()).path("features").findValuesAsString("id")).contains("agarak-post");
    }

    @Test
    void historyOfACollectionWithoutAHistoryTableIs404() {
        jdbc.sql("create table corridor.no_history_test (id text primary key, name text, recorded_at timestamptz not null default now())").update();
        try {
            jdbc.sql("insert into corridor.no_history_test (id, name) values ('one', 'One')").update();
            jdbc.sql("insert into corridor.collection (id, table_name, title, description, geometry_type, sort_order) "
                    + "values ('no-history-test', 'no_history_test', 'No history (test)', 'a table without a history table', null, 9998)").update();
            catalog.refresh();
            assertThat(client.json("/collections/no-history-test/items/one").path("id").asString()).isEqualTo("one");
            assertProblem(client.get("/collections/no-history-test/items/one/history"), 404, "keeps no history");
            // a collection that keeps history still answers
            assertThat(client.get("/collections/checkpoints/items/agarak-post/history").statusCode()).isEqualTo(200);
        } finally {
            jdbc.sql("delete from corridor.collection where id = 'no-history-test'").update();
            jdbc.sql("drop table corridor.no_history_test").update();
            catalog.refresh();
        }
    }

    /** The service's own problem bodies, not a framework's default wording, answer what Spring MVC refuses itself. */
    @Test
    void requestsSpringRefusesGetTheServicesOwnProblemBodies() {
        String editor = "Bearer " + tokens.create("utest problem bodies", Role.EDITOR, null).token();
        assertProblem(client.send("DELETE", "/conformance", null, null, "Authorization", editor), 405, "DELETE is not supported here; use [GET");
    }

    @Test
    void theErrorPathAskedForDirectlyIsNotAServerError() {
        assertProblem(client.get("/error"), 404, "nothing is served at /error");
    }

    @Test
    void pagesCarryAContentSecurityPolicyWithoutInlineScript() {
        for (String page : List.of("/", "/viewer", "/collections?f=html", "/collections/routes/items?f=html", "/api?f=html",
                "/analysis?f=html", "/collections/checkpoints/items/agarak-post?f=html")) {
            HttpResponse<String> r = client.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow(() -> new AssertionError(page + " has no CSP"));
            assertThat(csp).as(page).isEqualTo("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src blob:; child-src blob:; "
                    + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(page).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(page).hasValue("strict-origin-when-cross-origin");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(page).hasValue("SAMEORIGIN");
            // the policy forbids inline script, so the pages must have none: every script tag loads a file
            Matcher scripts = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE).matcher(r.body());
            while (scripts.find()) {
                assertThat(scripts.group(1)).as(page + " inline script").contains("src=");
            }
            assertThat(r.body()).as(page).doesNotContainPattern("(?i)\\son[a-z]+\\s*=\\s*[\"']").doesNotContain("javascript:");
        }
        assertThat(client.get("/viewer").body()).contains("<script src=\"/viewer/viewer.js\"></script>");
    }

    @Test
    void jsonAnswersAndProblemsAreNosniffToo() throws Exception {
        for (String path : List.of("/collections", "/collections/routes/items?limit=1", "/collections/routes/items?limit=-1",
                "/tiles/WebMercatorQuad/tilejson.json", "/no/such/path")) {
            assertThat(client.get(path).headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
        // refused by the servlet container itself, before any filter: a method it does not allow
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> trace = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + "/collections"))
                .method("TRACE", java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(trace.statusCode()).isEqualTo(405);
        assertThat(trace.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(trace.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void anonymousHealthShowsStatusOnly() {
        HttpResponse<String> r = client.get("/actuator/health");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode health = ServiceClient.parse(r.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("postgis").path("status").asString()).isEqualTo("UP");
        assertThat(health.findValues("details")).isEmpty();
        // no file-system paths, no versions or build strings
        assertThat(r.body()).doesNotContain("\"path\"").doesNotContain("POSTGIS=").doesNotContain("PostgreSQL 1")
                .doesNotContain(System.getProperty("user.dir"));
        assertThat(client.get("/actuator/info").body()).doesNotContain("\"build\"").doesNotContain("\"git\"");
    }

    @Test
    void theTileQueryIsNotServed() {
        assertThat(client.get("/tiles/WebMercatorQuad/query.sql").statusCode()).isEqualTo(404);
        assertThat(client.get("/tiles/WebMercatorQuad/query.sql?collections=routes").statusCode()).isEqualTo(404);
    }

    @Test
    void linksNeverComeFromTheHostHeaderOrUntrustedForwardedHeaders() throws Exception {
        // Java's HTTP client will not send another Host, so this one goes over a socket
        String answer;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /?f=json HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                    + "Forwarded: host=evil.example;proto=https\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(answer).startsWith("HTTP/1.1 200").doesNotContain("evil.example").contains("\"href\":\"http://127.0.0.1:" + port + "/api\"");
        HttpResponse<String> forwarded = client.get("/collections/routes/items?limit=1", "X-Forwarded-Host", "evil.example",
                "X-Forwarded-Proto", "https", "Forwarded", "host=evil.example");
        assertThat(forwarded.statusCode()).isEqualTo(200);
        assertThat(forwarded.body()).doesNotContain("evil.example").contains("http://127.0.0.1:" + port + "/collections/routes/items");
    }

    @Test
    void aRefusedCorsPreflightHasAProblemBody() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> refused = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + "/collections"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "DELETE").build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(refused, 403, "GET, HEAD and OPTIONS");
        HttpResponse<String> allowed = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + "/collections"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "GET").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,HEAD,OPTIONS");
    }

    @Test
    void anyPageMaySendASearch() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI search = java.net.URI.create(client.base() + "/collections/checkpoints/search?limit=100");
        HttpResponse<String> preflight = http.send(java.net.http.HttpRequest.newBuilder(search)
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,HEAD,POST,OPTIONS");
        HttpResponse<String> found = client.post("/collections/checkpoints/search?limit=100", "application/cql2+json",
                "{\"op\": \"=\", \"args\": [{\"property\": \"id\"}, \"agarak-nurduz\"]}", "Origin", "https://elsewhere.example");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(ServiceClient.parse(found.body()).path("features").size()).isEqualTo(1);
        // deleting through a search is no read: refused like any other method but GET and HEAD
        HttpResponse<String> delete = http.send(java.net.http.HttpRequest.newBuilder(search)
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "DELETE").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(403);
    }
}
