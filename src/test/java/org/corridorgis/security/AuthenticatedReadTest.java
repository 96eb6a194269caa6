package org.corridorgis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.corridorgis.support.ServiceClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code CORRIDOR_READ=authenticated}: every read of data (collections, features, searches, tiles, analyses,
 * proposals, downloads) needs a valid bearer token, and is refused with a 401 problem body and
 * {@code WWW-Authenticate: Bearer} without one; the health probes, the viewer's files, the API definition, the
 * conformance classes and {@code /auth/me} stay open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "corridor.security.read=authenticated")
class AuthenticatedReadTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from corridor.api_token where name like 'artest %'").update();
        jdbc.sql("delete from corridor.auth_failure").update();
    }

    // the Meghri area at zoom 6: x = floor((45 + 180) / 360 * 64) = 40; y = floor((1 - asinh(tan 39.5°) / pi) / 2 * 64) = 24
    private static final List<String> DATA = List.of("/", "/collections", "/collections/routes", "/collections/routes/items",
            "/collections/sources/items/crossings-facts", "/collections/checkpoints/items?include=proposals",
            "/collections/routes/items/baku-nakhchivan-via-meghri/history", "/collections/routes/queryables",
            "/tiles/WebMercatorQuad/6/24/40", "/collections/checkpoints/tiles/WebMercatorQuad/6/24/40", "/tiles/WebMercatorQuad/tilejson.json",
            "/analysis/territory", "/analysis/routes/compare?routes=baku-nakhchivan-via-meghri,baku-nakhchivan-via-aras-corridor-iran",
            "/proposals", "/export.gpkg", "/functions");

    @Test
    void anonymousReadsOfDataAreRefusedWithAProblemAndABearerChallenge() {
        ServiceClient client = new ServiceClient(port);
        assertThat(DATA).hasSize(16);
        for (String path : DATA) {
            HttpResponse<String> r = client.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Bearer realm=\"corridor-gis\"");
            assertThat(r.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode problem = ServiceClient.parse(r.body());
            assertThat(problem.path("status").asInt()).as(path).isEqualTo(401);
            assertThat(problem.path("detail").asString()).as(path).contains("needs a bearer token");
        }
        HttpResponse<String> head = client.head("/collections/routes/items");
        assertThat(head.statusCode()).isEqualTo(401);
        HttpResponse<String> search = client.post("/collections/routes/search", "application/cql2+json",
                "{\"op\":\"=\",\"args\":[{\"property\":\"id\"},\"baku-nakhchivan-via-meghri\"]}");
        assertThat(search.statusCode()).isEqualTo(401);
        HttpResponse<String> forged = client.get("/collections/routes/items", "Authorization", "Bearer cgis_000000000000_not-a-secret");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"corridor-gis\", error=\"invalid_token\"");
    }

    @Test
    void aValidTokenReadsAsAnyoneReadsWhereReadingIsPublic() {
        ServiceClient client = new ServiceClient(port);
        String bearer = "Bearer " + tokens.create("artest Reader", Role.EDITOR, null).token();
        assertThat(DATA).hasSize(16);
        for (String path : DATA) {
            assertThat(client.get(path, "Authorization", bearer).statusCode()).as(path).isEqualTo(200);
        }
        JsonNode source = ServiceClient.parse(client.get("/collections/sources/items/crossings-facts", "Authorization", bearer).body());
        assertThat(source.path("properties").path("title").asString())
                .isEqualTo(jdbc.sql("select title from corridor.sources where id = 'crossings-facts'").query(String.class).single());
        HttpResponse<byte[]> tile = client.getBytes("/tiles/WebMercatorQuad/6/24/40", "Authorization", bearer);
        assertThat(tile.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
        assertThat(tile.body().length).isGreaterThan(0);
        JsonNode me = ServiceClient.parse(client.get("/auth/me", "Authorization", bearer).body());
        assertThat(me.path("authenticated").asBoolean()).isTrue();
        assertThat(me.path("name").asString()).isEqualTo("artest Reader");
    }

    @Test
    void probesTheViewerTheDefinitionAndWhoAmIStayOpen() {
        ServiceClient client = new ServiceClient(port);
        List<String> open = List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/viewer/",
                "/viewer/viewer.js", "/api", "/conformance", "/auth/me");
        assertThat(open).hasSize(8);
        for (String path : open) {
            assertThat(client.get(path).statusCode()).as(path).isEqualTo(200);
        }
        JsonNode me = ServiceClient.parse(client.get("/auth/me").body());
        assertThat(me.path("authenticated").asBoolean()).isFalse();
        assertThat(me.path("roles").size()).isZero();
        // the definition says how to authenticate
        JsonNode api = ServiceClient.parse(client.get("/api").body());
        assertThat(api.path("components").path("securitySchemes").path("bearerAuth").path("scheme").asString()).isEqualTo("bearer");
    }
}
