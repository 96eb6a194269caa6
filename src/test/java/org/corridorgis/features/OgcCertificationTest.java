package org.corridorgis.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.corridorgis.support.ServiceClient;
import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What OGC's executable test suite for Features Parts 1 and 2 (ets-ogcapi-features10) checks, one test per
 * requirement, each named after the requirement and the suite's test that covers it. Expected values come from
 * PostGIS queried directly or from the standard's own definitions, never from the service.
 */
class OgcCertificationTest extends ServiceTestBase {

    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String EPSG4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";
    static final List<String> PROJECTED = List.of("http://www.opengis.net/def/crs/EPSG/0/3857", "http://www.opengis.net/def/crs/EPSG/0/32638");
    static final List<String> ALL_CRS = List.of(CRS84, EPSG4326, PROJECTED.get(0), PROJECTED.get(1));

    private List<String> collectionIds() {
        return jdbc.sql("select id from corridor.collection order by sort_order, id").query(String.class).list();
    }

    private String table(String collectionId) {
        return jdbc.sql("select table_name from corridor.collection where id = ?").param(collectionId).query(String.class).single();
    }

    private static TreeSet<String> ids(JsonNode page) {
        TreeSet<String> ids = new TreeSet<>();
        page.path("features").forEach(f -> ids.add(f.path("id").asString()));
        return ids;
    }

    private TreeSet<String> sqlIds(String sql, Object... params) {
        return new TreeSet<>(jdbc.sql(sql).params(params).query(String.class).list());
    }

    @Test
    @DisplayName("/req/core/fc-bbox-definition (antimeridian) — ETS validateFeaturesWithBoundingBoxOperation")
    void aBoxWhoseWestIsEastOfItsEastSpansTheAntimeridian() {
        // The suite's box near the Bering Strait holds none of this region's data, on every spatial collection.
        for (String id : collectionIds()) {
            HttpResponse<String> r = client.get("/collections/" + id + "/items?bbox=177,65,-177,70");
            assertThat(r.statusCode()).as(id).isEqualTo(200);
            assertThat(ServiceClient.parse(r.body()).path("numberMatched").asInt()).as(id).isZero();
        }
        // A box from 46°E eastwards across 180° to 170°W, 38°N..40°N: the two halves counted by PostGIS.
        TreeSet<String> expected = sqlIds("select id from corridor.checkpoints where ST_Intersects(geom, ST_MakeEnvelope(46, 38, 180, 40, 4326))"
                + " or ST_Intersects(geom, ST_MakeEnvelope(-180, 38, -170, 40, 4326))");
        TreeSet<String> west = sqlIds("select id from corridor.checkpoints where ST_Intersects(geom, ST_MakeEnvelope(-180, 38, 46, 40, 4326))");
        assertThat(expected).isNotEmpty();
        assertThat(west).isNotEmpty(); // the box leaves something out, so the split is what selects
        assertThat(ids(client.json("/collections/checkpoints/items?limit=1000&bbox=46,38,-170,40"))).isEqualTo(expected);
        // the same box with EPSG:4326's latitude-first axes
        assertThat(ids(client.json("/collections/checkpoints/items?limit=1000&bbox-crs=" + EPSG4326 + "&bbox=38,46,40,-170")))
                .isEqualTo(expected);
        // south above north is still an error
        assertThat(client.get("/collections/checkpoints/items?bbox=44,40,45,38").statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("/req/core/fc-bbox-response (features without geometry) — ETS validateFeaturesWithBoundingBoxResponse")
    void featuresWithoutGeometryLieOutsideEveryBox() {
        for (String id : List.of("sources", "scenarios", "control-regimes", "boundary-maps")) {
            int rows = jdbc.sql("select count(*) from corridor." + table(id)).query(Integer.class).single();
            assertThat(rows).as(id).isPositive();
            JsonNode page = client.json("/collections/" + id + "/items?bbox=-180,-90,180,90");
            assertThat(page.path("numberMatched").asInt()).as(id).isZero();
        }
        // disputed areas: those with a polygon are in the world box, the three cited figures without one are not
        TreeSet<String> located = sqlIds("select id from corridor.disputed_areas where geom is not null");
        assertThat(ids(client.json("/collections/disputed-areas/items?limit=1000&bbox=-180,-90,180,90"))).isEqualTo(located);
    }

    @Test
    @DisplayName("/req/core/fc-bbox-definition, /req/core/fc-limit-definition, /req/core/fc-time-definition — ETS "
            + "boundingBoxParameterDefinition, limitParameterDefinition, timeParameterDefinition")
    void everyItemsPathDefinesBboxLimitAndDatetimeAsPart1Does() {
        JsonNode api = ServiceClient.parse(client.get("/api").body());
        List<String> ids = collectionIds();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(10);
        for (String id : ids) {
            JsonNode parameters = api.path("paths").path("/collections/" + id + "/items").path("get").path("parameters");
            JsonNode bbox = parameter(api, parameters, "bbox");
            assertThat(bbox).as(id + " bbox").isNotNull();
            assertThat(bbox.path("in").asString()).isEqualTo("query");
            assertThat(bbox.path("required").asBoolean(false)).isFalse();
            assertThat(bbox.path("style").asString()).isEqualTo("form");
            assertThat(bbox.path("explode").isBoolean() && !bbox.path("explode").asBoolean()).as(id + " bbox explode").isTrue();
            assertThat(bbox.path("schema").path("type").asString()).isEqualTo("array");
            assertThat(bbox.path("schema").path("minItems").asInt()).isEqualTo(4);
            assertThat(bbox.path("schema").path("maxItems").asInt()).isEqualTo(6);
            assertThat(bbox.path("schema").path("items").path("type").asString()).isEqualTo("number");
            for (String name : List.of("limit", "datetime")) {
                JsonNode p = parameter(api, parameters, name);
                assertThat(p).as(id + " " + name).isNotNull();
                assertThat(p.path("in").asString()).isEqualTo("query");
                assertThat(p.path("required").asBoolean(false)).isFalse();
                assertThat(p.path("style").asString()).as(id + " " + name + " style").isEqualTo("form");
                assertThat(p.path("explode").isBoolean() && !p.path("explode").asBoolean()).as(id + " " + name + " explode").isTrue();
            }
            JsonNode limit = parameter(api, parameters, "limit").path("schema");
            assertThat(limit.path("type").asString()).isEqualTo("integer");
            assertThat(limit.path("minimum").asInt()).isEqualTo(1);
            assertThat(limit.path("default").asInt()).isEqualTo(10);
            assertThat(parameter(api, parameters, "datetime").path("schema").path("type").asString()).isEqualTo("string");
        }
    }

    private static JsonNode parameter(JsonNode api, JsonNode parameters, String name) {
        for (JsonNode p : parameters) {
            JsonNode resolved = p.has("$ref")
                    ? api.path("components").path("parameters").path(p.path("$ref").asString().replace("#/components/parameters/", ""))
                    : p;
            if (resolved.path("name").asString().equals(name)) {
                return resolved;
            }
        }
        return null;
    }

    @Test
    @DisplayName("/req/crs/fc-md-crs-list, /req/crs/fc-md-storageCrs on every collection — ETS verifyFeatureCrsParameter, "
            + "verifyFeaturesCrsParameter, verifyFeatureCrsParameterTransformWithoutCrsParameter")
    void everyCollectionDeclaresItsCrsAndStorageCrs() {
        JsonNode all = client.json("/collections").path("collections");
        assertThat(all.size()).isEqualTo(collectionIds().size());
        for (JsonNode c : all) {
            List<String> crs = new ArrayList<>();
            c.path("crs").forEach(x -> crs.add(x.asString()));
            assertThat(crs).as(c.path("id").asString()).containsExactlyInAnyOrderElementsOf(ALL_CRS);
            assertThat(c.path("storageCrs").asString()).as(c.path("id").asString()).isEqualTo(CRS84);
        }
        // A collection without geometry honours crs: the header names it, and the geometry stays null.
        for (String crs : ALL_CRS) {
            HttpResponse<String> page = client.get("/collections/sources/items?limit=3&crs=" + crs);
            assertThat(page.statusCode()).as(crs).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Crs")).hasValue("<" + crs + ">");
            JsonNode features = ServiceClient.parse(page.body()).path("features");
            assertThat(features.size()).isEqualTo(3);
            features.forEach(f -> assertThat(f.path("geometry").isNull()).isTrue());
            String any = features.get(0).path("id").asString();
            HttpResponse<String> one = client.get("/collections/sources/items/" + any + "?crs=" + crs);
            assertThat(one.statusCode()).isEqualTo(200);
            assertThat(one.headers().firstValue("Content-Crs")).hasValue("<" + crs + ">");
        }
        HttpResponse<String> plain = client.get("/collections/scenarios/items");
        assertThat(plain.headers().firstValue("Content-Crs")).hasValue("<" + CRS84 + ">");
    }

    @Test
    @DisplayName("/req/crs/bbox-crs-action with the collection's extent — ETS verifyBboxCrsParameter")
    void theExtentConvertedToEachCrsSelectsTheSameFeaturesAsInCrs84() {
        for (String id : List.of("checkpoints", "disputed-areas", "countries", "routes", "boundary-lines", "route-segments")) {
            JsonNode box = client.json("/collections/" + id).path("extent").path("spatial").path("bbox").get(0);
            assertThat(box.size()).as(id).isEqualTo(4);
            double x0 = box.get(0).asDouble(), y0 = box.get(1).asDouble(), x1 = box.get(2).asDouble(), y1 = box.get(3).asDouble();
            TreeSet<String> located = sqlIds("select id from corridor." + table(id) + " where geom is not null");
            assertThat(located).as(id).isNotEmpty();
            String crs84Box = x0 + "," + y0 + "," + x1 + "," + y1;
            assertThat(ids(client.json("/collections/" + id + "/items?limit=1000&bbox=" + crs84Box))).as(id).isEqualTo(located);
            for (String crs : PROJECTED) {
                int srid = Integer.parseInt(crs.substring(crs.lastIndexOf('/') + 1));
                // The corners converted one by one, as a client (and the suite) does it; PostGIS converts them here.
                List<Double> corners = jdbc.sql("select ST_X(a), ST_Y(a), ST_X(b), ST_Y(b) from (select "
                                + "ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), ?) a, ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), ?) b) p")
                        .params(x0, y0, srid, x1, y1, srid)
                        .query((rs, n) -> List.of(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4))).single();
                String projected = corners.get(0) + "," + corners.get(1) + "," + corners.get(2) + "," + corners.get(3);
                assertThat(ids(client.json("/collections/" + id + "/items?limit=1000&bbox-crs=" + crs + "&bbox=" + projected)))
                        .as(id + " in " + crs).isEqualTo(located);
            }
        }
    }

    @Test
    @DisplayName("/req/crs/bbox-crs-action: a projected box's sides are straight in its own CRS")
    void aProjectedBoxIsTheAreaBetweenItsSidesInItsOwnCrs() {
        // A UTM 38N box whose north side is straight in UTM and so curves in longitude and latitude. PostGIS decides
        // which checkpoints lie in it by converting the checkpoints to UTM, not the box to degrees.
        String box = "550000,4300000,800000,4350000";
        TreeSet<String> expected = sqlIds("select id from corridor.checkpoints where ST_Intersects(ST_Transform(geom, 32638), "
                + "ST_MakeEnvelope(550000, 4300000, 800000, 4350000, 32638))");
        assertThat(ids(client.json("/collections/checkpoints/items?limit=1000&bbox-crs=" + PROJECTED.get(1) + "&bbox=" + box)))
                .isEqualTo(expected);
    }

    @Test
    @DisplayName("/req/crs/crs-action, /req/crs/ogc-crs-header on (multi)polygons — ETS verifyFeaturesCrsParameterTransformWithCrsParameter")
    void disputedAreasInEachCrsConvertBackToTheirCrs84Geometry() {
        JsonNode crs84 = client.json("/collections/disputed-areas/items?limit=100");
        int rows = jdbc.sql("select count(*) from corridor.disputed_areas").query(Integer.class).single();
        assertThat(crs84.path("features").size()).isEqualTo(rows);
        for (String crs : ALL_CRS) {
            HttpResponse<String> r = client.get("/collections/disputed-areas/items?limit=100&crs=" + crs);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Crs")).hasValue("<" + crs + ">");
            JsonNode features = ServiceClient.parse(r.body()).path("features");
            assertThat(features.size()).isEqualTo(rows);
            int srid = crs.equals(CRS84) ? 4326 : Integer.parseInt(crs.substring(crs.lastIndexOf('/') + 1));
            for (int i = 0; i < rows; i++) {
                JsonNode f = features.get(i);
                String id = f.path("id").asString();
                assertThat(crs84.path("features").get(i).path("id").asString()).isEqualTo(id);
                if (f.path("geometry").isNull()) {
                    assertThat(jdbc.sql("select geom is null from corridor.disputed_areas where id = ?").param(id)
                            .query(Boolean.class).single()).as(id).isTrue();
                    continue;
                }
                // Back to CRS84 by PostGIS (axes swapped for EPSG:4326), compared with the stored polygon: within 1 m.
                String back = crs.equals(EPSG4326)
                        ? "ST_FlipCoordinates(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))"
                        : "ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(?), " + srid + "), 4326)";
                double metres = jdbc.sql("select ST_HausdorffDistance(ST_Transform(" + back + ", 32638), ST_Transform(geom, 32638)) "
                                + "from corridor.disputed_areas where id = ?")
                        .params(f.path("geometry").toString(), id).query(Double.class).single();
                assertThat(metres).as(id + " in " + crs).isLessThan(1.0);
                assertThat(f.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
            }
        }
    }

    @Test
    @DisplayName("Part 1 /req/core/fc-op with bbox, crs and bbox-crs on every collection — ETS validateFeaturesWithBoundingBoxOperation")
    void everyCollectionAnswersEveryParameterTheDefinitionGivesIt() {
        Set<String> failures = new TreeSet<>();
        for (String id : collectionIds()) {
            for (String q : List.of("bbox=40,35,52,45", "bbox=35,40,45,52&bbox-crs=" + EPSG4326, "crs=" + PROJECTED.get(0),
                    "bbox=177,65,-177,70", "bbox=-180,85,180,90", "bbox=-180,-90,180,-85")) {
                int status = client.get("/collections/" + id + "/items?" + q).statusCode();
                if (status != 200) {
                    failures.add(id + "?" + q + " -> " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
