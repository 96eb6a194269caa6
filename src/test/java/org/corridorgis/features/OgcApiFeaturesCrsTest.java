package org.corridorgis.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.corridorgis.support.ServiceClient;
import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** OGC API – Features – Part 2: Coordinate Reference Systems by Reference. */
class OgcApiFeaturesCrsTest extends ServiceTestBase {

    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String EPSG4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";
    static final String EPSG3857 = "http://www.opengis.net/def/crs/EPSG/0/3857";
    static final String UTM38N = "http://www.opengis.net/def/crs/EPSG/0/32638";

    private double[] agarak(String crs) {
        HttpResponse<String> r = client.get("/collections/checkpoints/items/agarak-nurduz?crs=" + crs);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Crs")).hasValue("<" + crs + ">");
        JsonNode c = ServiceClient.parse(r.body()).path("geometry").path("coordinates");
        return new double[] {c.get(0).asDouble(), c.get(1).asDouble()};
    }

    @Test
    @DisplayName("/req/crs/fc-md-crs-list, /req/crs/fc-md-storageCrs")
    void collectionsListTheirCrsAndStorageCrs() {
        JsonNode c = client.json("/collections/routes");
        List<String> crs = new ArrayList<>();
        c.path("crs").forEach(x -> crs.add(x.asString()));
        assertThat(crs).containsExactlyInAnyOrder(CRS84, EPSG4326, EPSG3857, UTM38N);
        assertThat(c.path("storageCrs").asString()).isEqualTo(CRS84);
    }

    @Test
    @DisplayName("/req/crs/fc-crs-definition, /req/crs/fc-crs-valid-value, /req/crs/crs-action, /req/crs/ogc-crs-header")
    void crsReprojectsInPostgisWithTheAxisOrderOfTheCrs() {
        double[] lonLat = agarak(CRS84);
        double[] latLon = agarak(EPSG4326);
        assertThat(latLon[0]).isEqualTo(lonLat[1]);
        assertThat(latLon[1]).isEqualTo(lonLat[0]);
        double[] mercator = agarak(EPSG3857);
        double[] expected = jdbc.sql("select ST_X(g), ST_Y(g) from (select ST_Transform(geom, 3857) g from corridor.checkpoints where id = 'agarak-nurduz') x")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
        assertThat(mercator[0]).isCloseTo(expected[0], offset(0.01));
        assertThat(mercator[1]).isCloseTo(expected[1], offset(0.01));
        double[] utm = agarak(UTM38N);
        // Agarak lies at about 46.2 E, in UTM zone 38 (42-48 E): eastings near 600 km, northings near 4300 km; exactly,
        // the stored point projected by PostGIS in hand-written SQL, to the centimetre the service writes
        double[] utmExpected = jdbc.sql("select ST_X(g), ST_Y(g) from (select ST_Transform(geom, 32638) g from corridor.checkpoints where id = 'agarak-nurduz') x")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
        assertThat(utmExpected[0]).isBetween(500_000.0, 800_000.0);
        assertThat(utmExpected[1]).isBetween(4_250_000.0, 4_350_000.0);
        assertThat(utm[0]).isCloseTo(utmExpected[0], offset(0.006));
        assertThat(utm[1]).isCloseTo(utmExpected[1], offset(0.006));
        // and the CRS84 answer is the stored point itself
        double[] stored = jdbc.sql("select ST_X(geom), ST_Y(geom) from corridor.checkpoints where id = 'agarak-nurduz'")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
        assertThat(lonLat[0]).isCloseTo(stored[0], offset(5e-7));
        assertThat(lonLat[1]).isCloseTo(stored[1], offset(5e-7));
        HttpResponse<String> page = client.get("/collections/checkpoints/items?crs=EPSG:3857&limit=1");
        assertThat(page.headers().firstValue("Content-Crs")).hasValue("<" + EPSG3857 + ">");
    }

    @Test
    @DisplayName("/req/crs/fc-bbox-crs-definition, /req/crs/fc-bbox-crs-valid-value, /req/crs/fc-bbox-crs-action")
    void bboxCrsIsHonoured() {
        int inCrs84 = client.json("/collections/checkpoints/items?limit=100&bbox=46.0,38.8,46.5,39.0").path("numberMatched").asInt();
        assertThat(inCrs84).isPositive();
        int inLatLon = client.json("/collections/checkpoints/items?limit=100&bbox=38.8,46.0,39.0,46.5&bbox-crs=" + EPSG4326)
                .path("numberMatched").asInt();
        assertThat(inLatLon).isEqualTo(inCrs84);
        double[] box = jdbc.sql("select ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b) from (select ST_Transform(ST_MakeEnvelope(46.0,38.8,46.5,39.0,4326), 3857) b) x")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)}).single();
        int inMercator = client.json("/collections/checkpoints/items?limit=100&bbox-crs=" + EPSG3857 + "&bbox="
                + box[0] + "," + box[1] + "," + box[2] + "," + box[3]).path("numberMatched").asInt();
        assertThat(inMercator).isEqualTo(inCrs84);
        assertThat(client.get("/collections/checkpoints/items?bbox=1,2,3,4&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/9999").statusCode())
                .isEqualTo(400);
    }

    @Test
    @DisplayName("/req/crs/fc-crs-valid-value (unsupported)")
    void unsupportedCrsIs400() {
        HttpResponse<String> r = client.get("/collections/routes/items?crs=EPSG:999999");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("supported").contains(CRS84);
    }
}
