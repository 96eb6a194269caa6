package org.corridorgis.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.corridorgis.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The vector tiles and their metadata, over HTTP against the seed data. */
@PostgisIntegrationTest
class VectorTilesTest {

    /** Meghri (Syunik, Armenia) at zoom 8: the tile holds the Armenian rail section, its posts and the Aras. */
    static final int Z = 8;
    static final int X = 160;
    static final int Y = 97;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TileLayers layers;

    HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode json(HttpResponse<byte[]> r) {
        return JSON.readTree(r.body());
    }

    @Test
    void tileOverMeghriHasEveryLayerWithTheViewersProperties() throws Exception {
        // the tile computed from Meghri's position, not assumed
        Map<String, Object> xy = jdbc.sql("""
                select floor((46.2436 + 180) / 360 * 2 ^ 8)::int as x,
                       floor((1 - ln(tan(radians(38.9032)) + 1 / cos(radians(38.9032))) / pi()) / 2 * 2 ^ 8)::int as y""")
                .query().singleRow();
        assertThat(xy).containsEntry("x", X).containsEntry("y", Y);

        HttpResponse<byte[]> r = get("/tiles/WebMercatorQuad/" + Z + "/" + Y + "/" + X);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
        Map<String, MvtReader.Layer> tile = MvtReader.layers(r.body());
        assertThat(tile.keySet()).containsExactlyInAnyOrder("countries", "boundary-lines", "disputed-areas", "routes", "route-segments", "checkpoints");
        tile.values().forEach(l -> assertThat(l.extent()).isEqualTo(4096));

        // the same as the bare count in PostGIS
        int routesHere = jdbc.sql("select count(*) from corridor.routes where ST_Intersects(ST_Transform(geom, 3857), ST_TileEnvelope(8, 160, 97))")
                .query(Integer.class).single();
        assertThat(tile.get("routes").features()).hasSize(routesHere);
        assertThat(tile.get("countries").features()).extracting(f -> f.get("iso3")).contains("ARM", "AZE", "IRN");
        assertThat(tile.get("countries").geometryTypes()).containsOnly(3);
        assertThat(tile.get("checkpoints").geometryTypes()).containsOnly(1);
        assertThat(tile.get("routes").geometryTypes()).containsOnly(2);

        Map<String, Object> meghri = feature(tile, "routes", "baku-nakhchivan-via-meghri");
        assertThat(meghri).containsEntry("via", "ARM").containsEntry("mode", "rail").containsEntry("status", "disused")
                .containsEntry("accuracy", "schematic").containsKeys("name", "length_km", "regime", "regime_name", "regime_open")
                .doesNotContainKeys("cited_lengths", "note");
        assertThat((String) meghri.get("name")).contains("Meghri");
        // status quo 2024 (the default scenario): the Armenian segment is closed
        assertThat(meghri).containsEntry("regime", "CLOSED").containsEntry("regime_open", false);

        Map<String, Object> post = feature(tile, "checkpoints", "agarak-post");
        assertThat(post).containsEntry("kind", "border crossing").containsEntry("regime", "CLOSED");
        assertThat(tile.get("boundary-lines").features()).extracting(f -> f.get("map_id")).contains("reference-osm-2017", "de-facto-2024");
        assertThat(tile.get("boundary-lines").features()).allSatisfy(f -> assertThat(f).containsKeys("section", "agreed"));
    }

    @Test
    void scenarioChangesTheControlRegimeInTheTile() throws Exception {
        Map<String, MvtReader.Layer> tripp = MvtReader.layers(get("/collections/routes/tiles/WebMercatorQuad/" + Z + "/" + Y + "/" + X
                + "?scenario=tripp-2026").body());
        assertThat(tripp.keySet()).containsExactly("routes");
        assertThat(feature(tripp, "routes", "baku-nakhchivan-via-meghri")).containsEntry("regime", "TRIPP").containsEntry("regime_open", true);

        // the regime is the one the scenario assigns, joined with control_regimes by code
        String expected = jdbc.sql("""
                select cr.name from corridor.scenarios s, jsonb_array_elements(s.assignments->'checkpoints') a
                  join corridor.control_regimes cr on cr.code = a->>'regime'
                 where s.id = 'crossroads-of-peace-2023' and a->>'checkpoint_id' = 'agarak-post'""").query(String.class).single();
        Map<String, MvtReader.Layer> crossroads = MvtReader.layers(get("/collections/checkpoints/tiles/WebMercatorQuad/" + Z + "/" + Y + "/" + X
                + "?scenario=crossroads-of-peace-2023").body());
        assertThat(feature(crossroads, "checkpoints", "agarak-post")).containsEntry("regime", "NATIONAL").containsEntry("regime_name", expected);

        HttpResponse<byte[]> unknown = get("/collections/routes/tiles/WebMercatorQuad/8/97/160?scenario=no-such-scenario");
        assertProblem(unknown, 400);
    }

    @Test
    void theServiceSendsWhatTheBareQueryMakes() throws Exception {
        // the query the service runs, as the tile benchmark reads it from the service's SQL log; never served
        String sql = layers.query(layers.all());
        assertThat(get("/tiles/WebMercatorQuad/query.sql").statusCode()).isEqualTo(404);
        byte[] bare = jdbc.sql(sql).param("tile_z", Z).param("tile_x", X).param("tile_y", Y).param("scenario_id", "status-quo-2024")
                .query((rs, n) -> rs.getBytes("mvt")).single();
        assertThat(get("/tiles/WebMercatorQuad/" + Z + "/" + Y + "/" + X).body()).isEqualTo(bare);
    }

    @Test
    void etagCacheControlNotModifiedAndGzip() throws Exception {
        String path = "/tiles/WebMercatorQuad/6/24/40";
        HttpResponse<byte[]> first = get(path);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age");
        HttpResponse<byte[]> again = get(path, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        // another scenario is another representation
        assertThat(get(path + "?scenario=tripp-2026", "If-None-Match", etag).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> gz = get(path, "Accept-Encoding", "gzip");
        assertThat(gz.statusCode()).isEqualTo(200);
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(MvtReader.gunzip(gz.body())).isEqualTo(first.body());
        String gzEtag = gz.headers().firstValue("ETag").orElseThrow();
        assertThat(get(path, "Accept-Encoding", "gzip", "If-None-Match", gzEtag).statusCode()).isEqualTo(304);
    }

    @Test
    void emptyTileIsAValidEmptyTile() throws Exception {
        HttpResponse<byte[]> r = get("/tiles/WebMercatorQuad/12/0/0");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
        assertThat(r.body()).isEmpty();
        assertThat(MvtReader.layers(r.body())).isEmpty();
        // a tile where only some layers have features carries only those
        assertThat(MvtReader.layers(get("/tiles/WebMercatorQuad/3/3/5").body()).keySet()).contains("countries").doesNotContain("nothing");
    }

    @Test
    void badTileAddressesAreProblemsNeverServerErrors() throws Exception {
        for (String path : List.of("/tiles/WebMercatorQuad/25/0/0", "/tiles/WebMercatorQuad/-1/0/0", "/tiles/WebMercatorQuad/a/0/0",
                "/tiles/WebMercatorQuad/3/8/0", "/tiles/WebMercatorQuad/3/0/8", "/tiles/WebMercatorQuad/0/1/0",
                "/tiles/WebMercatorQuad/99999999999/0/0", "/tiles/WebMercatorQuad/2/1.5/0", "/tiles/WebMercatorQuad/1/0/0?foo=bar",
                "/tiles/WebMercatorQuad/1/0/0?collections=routes,sources", "/tiles/WebMercatorQuad/1/0/0?collections=",
                "/tiles/WebMercatorQuad/1/0/0?scenario=", "/tiles/WebMercatorQuad/1/0/0?scenario=%27%3B%20drop%20table%20x",
                "/collections/routes/tiles/WebMercatorQuad/30/1/1", "/collections/routes/tiles/WebMercatorQuad/1/0/0?collections=routes")) {
            assertProblem(get(path), 400);
        }
        for (String path : List.of("/collections/nope/tiles/WebMercatorQuad/1/0/0", "/collections/sources/tiles/WebMercatorQuad/1/0/0",
                "/collections/scenarios/tiles/WebMercatorQuad", "/tiles/WorldCRS84Quad/1/0/0", "/collections/routes/tiles/Other/1/0/0")) {
            assertProblem(get(path), 404);
        }
    }

    @Test
    void tileJsonAndTilesetDescriptions() throws Exception {
        JsonNode tj = json(get("/tiles/WebMercatorQuad/tilejson.json"));
        assertThat(tj.get("tilejson").asText()).isEqualTo("3.0.0");
        assertThat(tj.get("tiles").get(0).asText()).endsWith("/tiles/WebMercatorQuad/{z}/{y}/{x}");
        assertThat(tj.get("minzoom").asInt()).isEqualTo(0);
        assertThat(tj.get("maxzoom").asInt()).isEqualTo(16);
        assertThat(tj.get("bounds")).hasSize(4);
        assertThat(tj.get("bounds").get(0).asDouble()).isBetween(42.5, 51.0);
        assertThat(tj.get("vector_layers").valueStream().map(l -> l.get("id").asText()).toList())
                .containsExactly("countries", "boundary-lines", "disputed-areas", "routes", "route-segments", "checkpoints");
        JsonNode routes = tj.get("vector_layers").get(3);
        assertThat(routes.get("fields").get("regime").asText()).isEqualTo("String");
        assertThat(routes.get("fields").get("length_km").asText()).isEqualTo("Number");
        assertThat(routes.get("fields").has("cited_lengths")).isFalse();

        JsonNode one = json(get("/collections/checkpoints/tiles/WebMercatorQuad/tilejson.json?scenario=tripp-2026"));
        assertThat(one.get("tiles").get(0).asText()).endsWith("/collections/checkpoints/tiles/WebMercatorQuad/{z}/{y}/{x}?scenario=tripp-2026");
        assertThat(one.get("vector_layers")).hasSize(1);

        JsonNode ogc = json(get("/tiles/WebMercatorQuad"));
        assertThat(ogc.get("dataType").asText()).isEqualTo("vector");
        assertThat(ogc.get("tileMatrixSetURI").asText()).endsWith("/WebMercatorQuad");
        assertThat(ogc.get("layers")).hasSize(6);
        assertThat(ogc.get("layers").get(0).get("fields").has("iso3")).isTrue();
        assertThat(ogc.get("layers").get(0).get("boundingBox").get("lowerLeft")).hasSize(2);
        assertThat(ogc.get("links").valueStream().anyMatch(l -> l.path("templated").asBoolean()
                && l.get("href").asText().endsWith("/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}"))).isTrue();

        JsonNode list = json(get("/tiles"));
        assertThat(list.get("tilesets").get(0).get("tileMatrixSetURI").asText()).endsWith("WebMercatorQuad");
        JsonNode collection = json(get("/collections/routes/tiles/WebMercatorQuad"));
        assertThat(collection.get("layers")).hasSize(1);
        assertThat(collection.get("layers").get(0).get("geometryDimension").asInt()).isEqualTo(1);
        assertThat(json(get("/collections/routes/tiles")).get("tilesets")).hasSize(1);
        assertThat(layers.all()).extracting(TileLayer::id).doesNotContain("sources", "scenarios", "boundary-maps", "control-regimes");
    }

    static Map<String, Object> feature(Map<String, MvtReader.Layer> tile, String layer, String id) {
        return tile.get(layer).features().stream().filter(f -> id.equals(f.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in layer " + layer));
    }

    void assertProblem(HttpResponse<byte[]> r, int status) {
        assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(r.uri().toString()).startsWith("application/problem+json");
        JsonNode body = json(r);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asText()).isNotBlank();
    }
}
