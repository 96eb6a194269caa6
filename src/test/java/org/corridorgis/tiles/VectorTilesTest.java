package org.corridorgis.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
        assertThat(tile.keySet()).containsExactlyInAnyOrder("countries", "boundary-lines", "disputed-areas", "routes", "route-segments", "checkpoints",
                "events", "positions");
        tile.values().forEach(l -> assertThat(l.extent()).isEqualTo(4096));

        // the same as the bare count in PostGIS of the routes valid today (a tile shows today without a datetime; the Lachin
        // corridor, which crosses this tile, ended in Sept 2023)
        int routesHere = jdbc.sql("select count(*) from corridor.routes where ST_Intersects(ST_Transform(geom, 3857), ST_TileEnvelope(8, 160, 97)) "
                + "and (valid_from is null or valid_from <= current_date) and (valid_to is null or valid_to >= current_date)")
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
    void theLoggedTileQueryMakesWhatTheServiceSendsAndIsNeverServed() throws Exception {
        // the query as the service logs it for operators (org.corridorgis.tiles.sql) is the one it runs: a consistency
        // check, not a check of the tile's content (the decoding tests below compare with coordinates worked out by
        // hand); the query itself is never served
        String sql = layers.query(layers.all());
        assertThat(get("/tiles/WebMercatorQuad/query.sql").statusCode()).isEqualTo(404);
        byte[] bare = jdbc.sql(sql).param("tile_z", Z).param("tile_x", X).param("tile_y", Y).param("scenario_id", "observed")
                .param("at", java.time.LocalDate.now(java.time.ZoneOffset.UTC))
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
        // z3 x5 y3 spans 45°–90° E, 0°–41° N: the whole region east of 45° E, so every layer has features there
        assertThat(MvtReader.layers(get("/tiles/WebMercatorQuad/3/3/5").body()).keySet()).containsExactly("countries", "boundary-lines",
                "disputed-areas", "routes", "route-segments", "checkpoints", "events", "positions");
        // a tile where only some layers have features carries only those: z8 x158 y98 lies in eastern Turkey (around
        // 42.2°–43.6° E, 37.7°–38.8° N), where only the country polygons reach, as hand-written SQL over each table says
        double[] box = bounds(8, 158, 98);
        for (String table : List.of("boundary_lines", "disputed_areas", "routes", "route_segments", "checkpoints", "events", "positions")) {
            assertThat(jdbc.sql("select count(*) from corridor." + table + " where ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))")
                    .params(box[0] - 0.05, box[1] - 0.05, box[2] + 0.05, box[3] + 0.05).query(Integer.class).single()).as(table).isZero();
        }
        assertThat(jdbc.sql("select count(*) from corridor.countries where ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))")
                .params(box[0], box[1], box[2], box[3]).query(Integer.class).single()).isPositive();
        assertThat(MvtReader.layers(get("/tiles/WebMercatorQuad/8/98/158").body()).keySet()).containsExactly("countries");
    }

    /** A tile's bounds in degrees, {west, south, east, north}, by the inverse of the Web Mercator tile formula. */
    static double[] bounds(int z, int x, int y) {
        double n = Math.pow(2, z);
        return new double[] {x / n * 360 - 180, Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * (y + 1) / n)))),
                (x + 1) / n * 360 - 180, Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y / n))))};
    }

    /** Where a longitude and latitude fall in tile z/x/y, in tile pixels of a 4096 extent (x right, y down), by the Web Mercator formula. */
    static double[] pixel(double lon, double lat, int z, int x, int y) {
        double n = Math.pow(2, z);
        double phi = Math.toRadians(lat);
        double tx = (lon + 180) / 360 * n;
        double ty = (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * n;
        return new double[] {(tx - x) * 4096, (ty - y) * 4096};
    }

    @Test
    void checkpointsLieAtThePixelsTheWebMercatorFormulaGives() throws Exception {
        // by hand: Meghri's tile at zoom 8 spans 45.0°–46.40625° E, so one pixel of 4096 is 1.406°/4096 ≈ 0.00034° of longitude
        double[] box = bounds(Z, X, Y);
        assertThat(box[0]).isEqualTo(45.0);
        assertThat(box[2]).isEqualTo(46.40625);
        Map<String, MvtReader.Layer> tile = MvtReader.layers(get("/collections/checkpoints/tiles/WebMercatorQuad/" + Z + "/" + Y + "/" + X).body());
        assertThat(tile.keySet()).containsExactly("checkpoints");
        MvtReader.Layer layer = tile.get("checkpoints");
        // expected: every checkpoint in force today whose pixel, worked out here, falls in the tile or its 64-pixel buffer
        Map<String, double[]> expected = new java.util.TreeMap<>();
        jdbc.sql("select id, ST_X(geom), ST_Y(geom) from corridor.checkpoints where (valid_from is null or valid_from <= current_date) "
                + "and (valid_to is null or valid_to >= current_date)").query(rs -> {
            double[] p = pixel(rs.getDouble(2), rs.getDouble(3), Z, X, Y);
            if (p[0] >= -64 && p[0] <= 4096 + 64 && p[1] >= -64 && p[1] <= 4096 + 64) {
                expected.put(rs.getString(1), p);
            }
        });
        assertThat(expected).containsKeys("agarak-post", "agarak-nurduz", "julfa-jolfa");
        assertThat(layer.features()).hasSize(expected.size());
        assertThat(layer.geometryTypes()).containsOnly(1);
        for (int i = 0; i < layer.features().size(); i++) {
            String id = (String) layer.features().get(i).get("id");
            assertThat(expected).containsKey(id);
            List<List<int[]>> parts = layer.geometries().get(i);
            assertThat(parts).as(id).hasSize(1);
            int[] got = parts.get(0).get(0);
            double[] want = expected.get(id);
            // x is the easting and y grows southwards (not lat/lon, not flipped); within the half pixel of rounding
            assertThat((double) got[0]).as(id + " x").isCloseTo(want[0], within(0.51));
            assertThat((double) got[1]).as(id + " y").isCloseTo(want[1], within(0.51));
        }
    }

    @Test
    void shapesAreClippedToTheTileAndItsBuffer() throws Exception {
        Map<String, MvtReader.Layer> tile = MvtReader.layers(get("/tiles/WebMercatorQuad/" + Z + "/" + Y + "/" + X).body());
        MvtReader.Layer countries = tile.get("countries");
        assertThat(countries.features()).isNotEmpty();
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = Integer.MIN_VALUE, maxY = Integer.MIN_VALUE;
        int points = 0;
        for (MvtReader.Layer layer : tile.values()) {
            for (List<List<int[]>> parts : layer.geometries()) {
                assertThat(parts).as(layer.name()).isNotEmpty();
                for (List<int[]> part : parts) {
                    for (int[] p : part) {
                        // nothing beyond the 64-pixel buffer around the 4096 extent
                        assertThat(p[0]).as(layer.name()).isBetween(-64, 4096 + 64);
                        assertThat(p[1]).as(layer.name()).isBetween(-64, 4096 + 64);
                        points++;
                    }
                }
            }
        }
        assertThat(points).isGreaterThan(100);
        // the countries cover the whole tile (Armenia, Azerbaijan's Nakhchivan and mainland, Iran), so clipped they reach
        // the buffer's edge on every side; and their rings are closed
        for (List<List<int[]>> parts : countries.geometries()) {
            for (List<int[]> ring : parts) {
                assertThat(ring.size()).isGreaterThanOrEqualTo(4);
                assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1));
                for (int[] p : ring) {
                    minX = Math.min(minX, p[0]);
                    maxX = Math.max(maxX, p[0]);
                    minY = Math.min(minY, p[1]);
                    maxY = Math.max(maxY, p[1]);
                }
            }
        }
        assertThat(new int[] {minX, minY, maxX, maxY}).containsExactly(-64, -64, 4096 + 64, 4096 + 64);
        // Iran lies south of Armenia across the Aras: below it in the tile (y grows downwards)
        assertThat(meanY(tile, "countries", "IRN")).isGreaterThan(meanY(tile, "countries", "ARM"));
        // the Meghri railway runs along the Aras, ending in the tile at its two posts' pixels or beyond
        Map<String, Object> route = feature(tile, "routes", "baku-nakhchivan-via-meghri");
        int index = tile.get("routes").features().indexOf(route);
        List<List<int[]>> line = tile.get("routes").geometries().get(index);
        assertThat(line).isNotEmpty();
        assertThat(line.get(0).size()).isGreaterThanOrEqualTo(2);
    }

    private static double meanY(Map<String, MvtReader.Layer> tile, String layer, String iso3) {
        MvtReader.Layer l = tile.get(layer);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < l.features().size(); i++) {
            if (iso3.equals(l.features().get(i).get("iso3"))) {
                for (List<int[]> ring : l.geometries().get(i)) {
                    for (int[] p : ring) {
                        sum += p[1];
                        n++;
                    }
                }
            }
        }
        assertThat(n).as(iso3 + " in the tile").isPositive();
        return sum / n;
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
                .containsExactly("countries", "boundary-lines", "disputed-areas", "routes", "route-segments", "checkpoints", "events", "positions");
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
        assertThat(ogc.get("layers")).hasSize(8); // the six map layers, events and positions
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
