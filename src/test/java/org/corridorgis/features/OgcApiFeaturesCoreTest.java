package org.corridorgis.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.corridorgis.support.GeoJsonValidator;
import org.corridorgis.support.ServiceClient;
import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * OGC API – Features – Part 1: Core, GeoJSON, HTML and OpenAPI 3.0, one test per requirement (named by its
 * id), against the seed data in the real PostGIS.
 */
class OgcApiFeaturesCoreTest extends ServiceTestBase {

    private static Set<String> rels(JsonNode links) {
        Set<String> rels = new HashSet<>();
        links.forEach(l -> rels.add(l.path("rel").asString()));
        return rels;
    }

    private int rows(String table) {
        return jdbc.sql("select count(*) from corridor." + table).query(Integer.class).single();
    }

    @Test
    @DisplayName("/req/core/root-op, /req/core/root-success")
    void landingPageLinksToApiConformanceAndData() {
        JsonNode root = client.json("/");
        assertThat(rels(root.path("links"))).contains("self", "alternate", "service-desc", "service-doc", "conformance", "data");
        for (JsonNode link : root.path("links")) {
            if (link.path("rel").asString().equals("service-desc")) {
                assertThat(link.path("type").asString()).startsWith("application/vnd.oai.openapi+json");
            }
        }
    }

    @Test
    @DisplayName("/req/core/api-definition-op, /req/core/api-definition-success, /req/oas30/oas-definition-1")
    void apiDefinitionIsOpenApi30AndListsEveryCollection() {
        HttpResponse<String> r = client.get("/api");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/vnd.oai.openapi+json"));
        JsonNode api = ServiceClient.parse(r.body());
        assertThat(api.path("openapi").asString()).startsWith("3.0");
        for (String id : jdbc.sql("select id from corridor.collection").query(String.class).list()) {
            assertThat(api.path("paths").has("/collections/" + id + "/items")).as(id).isTrue();
        }
        JsonNode params = api.path("paths").path("/collections/checkpoints/items").path("get").path("parameters");
        List<String> names = new ArrayList<>();
        params.forEach(p -> names.add(p.has("$ref") ? p.path("$ref").asString().replace("#/components/parameters/", "") : p.path("name").asString()));
        assertThat(names).contains("limit", "bbox", "datetime", "crs", "bbox-crs", "filter", "name", "kind", "status");
        assertThat(client.get("/api?f=html").body()).contains("/collections/{collectionId}".replace("{collectionId}", "routes") + "/items");
    }

    @Test
    @DisplayName("/req/oas30/oas-impl, /req/core/http")
    void everyOperationTheDefinitionListsIsImplemented() {
        JsonNode api = ServiceClient.parse(client.get("/api").body());
        List<String> checked = new ArrayList<>();
        api.path("paths").properties().forEach(e -> {
            String path = e.getKey();
            if (!e.getValue().has("get")) {
                return; // POST .../search is exercised by its own test
            }
            boolean required = false;
            for (JsonNode p : e.getValue().path("get").path("parameters")) {
                required |= p.path("required").asBoolean() && p.path("in").asString().equals("query");
            }
            if (path.contains("{") || required) {
                return; // templated and parameterised operations are exercised by their own tests
            }
            HttpResponse<String> r = client.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.version()).as(path).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
            checked.add(path);
        });
        assertThat(checked).contains("/", "/conformance", "/collections", "/collections/routes/items", "/analysis", "/analysis/territory");
        for (String id : jdbc.sql("select id from corridor.collection").query(String.class).list()) {
            String any = client.json("/collections/" + id + "/items?limit=1").path("features").get(0).path("id").asString();
            assertThat(client.get("/collections/" + id + "/items/" + any).statusCode()).as(id + "/" + any).isEqualTo(200);
            assertThat(client.get("/collections/" + id + "/items/" + any + "/history").statusCode()).as(id + " history").isEqualTo(200);
        }
    }

    @Test
    @DisplayName("/req/core/conformance-op, /req/core/conformance-success")
    void conformanceListsTheImplementedClasses() {
        List<String> classes = new ArrayList<>();
        client.json("/conformance").path("conformsTo").forEach(c -> classes.add(c.asString()));
        assertThat(classes).contains(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
        assertThat(classes).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("/req/core/fc-md-op, /req/core/fc-md-success, /req/core/fc-md-links, /req/core/fc-md-items")
    void collectionsListsEveryCollectionWithItsLinks() {
        JsonNode collections = client.json("/collections");
        assertThat(rels(collections.path("links"))).contains("self", "alternate");
        List<String> ids = new ArrayList<>();
        collections.path("collections").forEach(c -> ids.add(c.path("id").asString()));
        assertThat(ids).containsExactly("sources", "countries", "boundary-maps", "boundary-lines", "disputed-areas", "routes",
                "route-segments", "checkpoints", "control-regimes", "scenarios", "events", "positions");
        for (JsonNode c : collections.path("collections")) {
            assertThat(rels(c.path("links"))).as(c.path("id").asString()).contains("self", "items");
            assertThat(c.path("itemType").asString()).isEqualTo("feature");
        }
    }

    @Test
    @DisplayName("/req/core/fc-md-extent, /req/core/crs84")
    void spatialExtentIsComputedFromTheDataInCrs84() {
        JsonNode checkpoints = client.json("/collections/checkpoints");
        JsonNode bbox = checkpoints.path("extent").path("spatial").path("bbox").get(0);
        double[] expected = jdbc.sql("select ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) from (select ST_Extent(geom) e from corridor.checkpoints) x")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)}).single();
        // The data's box, widened outwards only (so that it survives conversion to the projected CRSs, see
        // OgcCertificationTest) and by little: four decimals, at most a quarter degree on a side.
        assertThat(bbox.size()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            double v = bbox.get(i).asDouble();
            assertThat(v * 1e4).as("corner value %d in steps of 1e-4", i).isCloseTo(Math.rint(v * 1e4), org.assertj.core.data.Offset.offset(1e-6));
            if (i < 2) {
                assertThat(v).isLessThanOrEqualTo(expected[i]).isGreaterThan(expected[i] - 0.25);
            } else {
                assertThat(v).isGreaterThanOrEqualTo(expected[i]).isLessThan(expected[i] + 0.25);
            }
        }
        assertThat(checkpoints.path("extent").path("spatial").path("crs").asString()).isEqualTo("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
        assertThat(client.json("/collections/sources").has("extent")).isFalse();
    }

    @Test
    @DisplayName("/req/core/sfc-md-op, /req/core/sfc-md-success")
    void oneCollectionDescribesItselfAndUnknownIs404() {
        assertThat(client.json("/collections/routes").path("id").asString()).isEqualTo("routes");
        HttpResponse<String> missing = client.get("/collections/nosuch");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(missing.body()).contains("no collection 'nosuch'").contains("routes");
    }

    @Test
    @DisplayName("/req/core/fc-op, /req/core/fc-response, /req/geojson/definition, /req/geojson/content")
    void itemsAreAGeoJsonFeatureCollectionOfTheStoredFeatures() {
        for (String id : List.of("countries", "boundary-lines", "disputed-areas", "routes", "route-segments", "checkpoints",
                "sources", "scenarios", "control-regimes", "boundary-maps", "events", "positions")) {
            HttpResponse<String> r = client.get("/collections/" + id + "/items?limit=1000");
            assertThat(r.statusCode()).as(id).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).as(id).hasValueSatisfying(t -> assertThat(t).startsWith("application/geo+json"));
            JsonNode fc = ServiceClient.parse(r.body());
            assertThat(GeoJsonValidator.problems(fc)).as(id).isEmpty();
            assertThat(fc.path("numberReturned").asInt()).as(id).isEqualTo(rows(id.replace('-', '_')));
        }
    }

    @Test
    @DisplayName("/req/core/fc-limit-definition, /req/core/fc-limit-response, /req/core/fc-numberReturned, /req/core/fc-numberMatched")
    void limitBoundsThePageAndNumbersAreExact() {
        JsonNode page = client.json("/collections/checkpoints/items?limit=5");
        assertThat(page.path("features").size()).isEqualTo(5);
        assertThat(page.path("numberReturned").asInt()).isEqualTo(5);
        assertThat(page.path("numberMatched").asInt()).isEqualTo(rows("checkpoints"));
        assertThat(client.json("/collections/checkpoints/items").path("features").size()).isEqualTo(Math.min(10, rows("checkpoints")));
        assertThat(client.get("/collections/checkpoints/items?limit=10001").statusCode()).isEqualTo(400);
        assertThat(client.get("/collections/checkpoints/items?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("/req/core/fc-links, /req/core/fc-rel-type")
    void pagesLinkToThemselvesTheirAlternateAndTheNextPage() {
        JsonNode page = client.json("/collections/checkpoints/items?limit=5");
        assertThat(rels(page.path("links"))).contains("self", "alternate", "next", "collection").doesNotContain("prev");
        String next = null;
        for (JsonNode l : page.path("links")) {
            if (l.path("rel").asString().equals("next")) {
                next = l.path("href").asString();
                assertThat(l.path("type").asString()).isEqualTo("application/geo+json");
            }
        }
        JsonNode second = client.json(next);
        assertThat(rels(second.path("links"))).contains("prev");
    }

    @Test
    @DisplayName("/req/core/fc-timeStamp")
    void timeStampIsTheTimeOfTheDataVersion() {
        // the last change to any table, read by hand-written SQL before and after the request (other tests may write
        // meanwhile: then the two differ and the request is asked again)
        String lastChange = "select max(changed_at) from corridor.table_version";
        for (int attempt = 0; ; attempt++) {
            java.time.Instant before = jdbc.sql(lastChange).query(java.time.OffsetDateTime.class).single().toInstant();
            String ts = client.json("/collections/routes/items?limit=1").path("timeStamp").asString();
            java.time.Instant answered = java.time.Instant.now();
            java.time.Instant after = jdbc.sql(lastChange).query(java.time.OffsetDateTime.class).single().toInstant();
            if (!before.equals(after) && attempt < 5) {
                continue;
            }
            assertThat(before).isEqualTo(after);
            assertThat(java.time.Instant.parse(ts)).isEqualTo(before).isBeforeOrEqualTo(answered);
            return;
        }
    }

    @Test
    @DisplayName("/req/core/fc-bbox-definition, /req/core/fc-bbox-response")
    void bboxSelectsWhatIntersectsIt() {
        // A box around Meghri and Agarak: the checkpoints inside it, counted independently by PostGIS.
        String box = "46.0,38.8,46.5,39.0";
        int expected = jdbc.sql("select count(*) from corridor.checkpoints where ST_Intersects(geom, ST_MakeEnvelope(46.0,38.8,46.5,39.0,4326))")
                .query(Integer.class).single();
        assertThat(expected).isPositive();
        JsonNode page = client.json("/collections/checkpoints/items?limit=100&bbox=" + box);
        assertThat(page.path("numberMatched").asInt()).isEqualTo(expected);
        assertThat(client.json("/collections/checkpoints/items?bbox=46.0,38.8,0,46.5,39.0,100").path("numberMatched").asInt()).isEqualTo(expected);
    }

    @Test
    @DisplayName("/req/core/fc-time-definition, /req/core/fc-time-response")
    void datetimeSelectsByTheTimeAFeatureDescribes() {
        int since2022 = jdbc.sql("select count(*) from corridor.disputed_areas where (valid_from is null or valid_from <= date '2021-12-31')"
                + " and (valid_to is null or valid_to >= date '2021-01-01')").query(Integer.class).single();
        assertThat(client.json("/collections/disputed-areas/items?limit=100&datetime=2021-01-01/2021-12-31").path("numberMatched").asInt())
                .isEqualTo(since2022);
        int before = jdbc.sql("select count(*) from corridor.disputed_areas where valid_from is null or valid_from <= date '2020-01-01'")
                .query(Integer.class).single();
        assertThat(client.json("/collections/disputed-areas/items?limit=100&datetime=../2020-01-01").path("numberMatched").asInt())
                .isEqualTo(before);
        assertThat(client.json("/collections/disputed-areas/items?limit=100&datetime=2022-09-14T10:00:00Z").path("numberMatched").asInt())
                .isEqualTo(jdbc.sql("select count(*) from corridor.disputed_areas where (valid_from is null or valid_from <= date '2022-09-14')"
                        + " and (valid_to is null or valid_to >= date '2022-09-14')").query(Integer.class).single());
    }

    @Test
    @DisplayName("/req/core/query-param-invalid")
    void invalidParametersAre400WithAProblemSayingWhat() {
        for (String q : List.of("limit=abc", "limit=-1", "offset=-3", "bbox=1,2,3", "bbox=10,95,11,96", "bbox=45,41,50,40",
                "bbox=a,b,c,d", "datetime=notadate", "datetime=2024-02-30", "datetime=2024-01-01/2023-01-01", "crs=EPSG:999999",
                "bbox-crs=EPSG:1&bbox=1,2,3,4", "sortby=nosuchprop", "properties=nosuchprop", "sortby=geom", "filter=name%20%3D",
                "filter-lang=sql&filter=1=1", "cursor=garbage", "limit=1&limit=2")) {
            HttpResponse<String> r = client.get("/collections/checkpoints/items?" + q);
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).as(q).hasValue("application/problem+json");
            JsonNode problem = ServiceClient.parse(r.body());
            assertThat(problem.path("status").asInt()).as(q).isEqualTo(400);
            assertThat(problem.path("detail").asString()).as(q).isNotBlank();
            assertThat(r.body()).as(q).doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    @Test
    @DisplayName("/req/core/query-param-unknown")
    void unknownParametersAre400() {
        HttpResponse<String> r = client.get("/collections/checkpoints/items?nosuchparam=1");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("nosuchparam");
        assertThat(client.get("/collections?limit=3").statusCode()).isEqualTo(400);
        assertThat(client.get("/collections/checkpoints/items/agarak-nurduz?bbox=1,2,3,4").statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("/req/core/f-op, /req/core/f-success, /req/html/definition, /req/html/content")
    void everyResourceHasAnHtmlRepresentation() {
        for (String path : List.of("/", "/conformance", "/collections", "/collections/routes", "/collections/routes/items",
                "/collections/routes/queryables", "/collections/checkpoints/items/agarak-nurduz", "/api")) {
            HttpResponse<String> r = client.get(path, "Accept", "text/html");
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(r.body()).as(path).startsWith("<!doctype html>");
        }
        String item = client.get("/collections/checkpoints/items/agarak-nurduz?f=html").body();
        assertThat(item).contains("<svg").contains("Sources").contains("/collections/sources/items/");
        String page = client.get("/collections/routes/items?f=html&limit=3").body();
        assertThat(page).contains("<svg").contains("next »");
    }

    @Test
    @DisplayName("/req/core/f-links")
    void jsonAndHtmlLinkToEachOther() {
        JsonNode page = client.json("/collections/routes/items?limit=2");
        boolean html = false;
        for (JsonNode l : page.path("links")) {
            html |= l.path("rel").asString().equals("alternate") && l.path("type").asString().equals("text/html");
        }
        assertThat(html).isTrue();
        assertThat(client.get("/collections/routes/items?f=html").body()).contains("application/json");
    }

    @Test
    @DisplayName("/req/core/f-op (single feature), /req/geojson/content")
    void oneFeatureWithLinksOr404() {
        HttpResponse<String> r = client.get("/collections/checkpoints/items/agarak-nurduz");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode f = ServiceClient.parse(r.body());
        assertThat(GeoJsonValidator.problems(f)).isEmpty();
        assertThat(f.path("id").asString()).isEqualTo("agarak-nurduz");
        assertThat(rels(f.path("links"))).contains("self", "alternate", "collection");
        HttpResponse<String> missing = client.get("/collections/checkpoints/items/nosuch");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    @DisplayName("/req/queryables/get-queryables, queryables-query-parameters")
    void queryablesDescribeEveryPropertyAndCanFilter() {
        JsonNode q = client.json("/collections/checkpoints/queryables");
        assertThat(q.path("$schema").asString()).contains("json-schema.org");
        assertThat(q.path("properties").path("name").path("type").asString()).isEqualTo("string");
        assertThat(q.path("properties").path("states").path("type").asString()).isEqualTo("array");
        assertThat(q.path("properties").path("geom").path("format").asString()).isEqualTo("geometry-point");
        int borderCrossings = jdbc.sql("select count(*) from corridor.checkpoints where kind = 'border crossing'").query(Integer.class).single();
        assertThat(client.json("/collections/checkpoints/items?limit=100&kind=border%20crossing").path("numberMatched").asInt())
                .isEqualTo(borderCrossings);
        int withIran = jdbc.sql("select count(*) from corridor.checkpoints where 'IRN' = any(states)").query(Integer.class).single();
        assertThat(client.json("/collections/checkpoints/items?limit=100&states=IRN").path("numberMatched").asInt()).isEqualTo(withIran);
    }

    @Test
    @DisplayName("properties and sortby")
    void propertiesChooseAndSortbyOrders() {
        JsonNode page = client.json("/collections/checkpoints/items?limit=100&properties=name,kind&sortby=-name");
        List<String> names = new ArrayList<>();
        for (JsonNode f : page.path("features")) {
            List<String> keys = new ArrayList<>();
            f.path("properties").properties().forEach(e -> keys.add(e.getKey()));
            assertThat(keys).containsExactly("name", "kind");
            names.add(f.path("properties").path("name").asString());
        }
        List<String> expected = jdbc.sql("select name from corridor.checkpoints order by name desc, id").query(String.class).list();
        assertThat(names).isEqualTo(expected);
    }

    @Test
    @DisplayName("route features carry their checkpoints and regimes per scenario")
    void routesCarryCheckpointsInOrderAndRegimes() {
        JsonNode route = client.json("/collections/routes/items/baku-nakhchivan-via-meghri");
        List<String> order = jdbc.sql("select unnest(checkpoints) from corridor.routes where id = 'baku-nakhchivan-via-meghri'")
                .query(String.class).list();
        List<String> served = new ArrayList<>();
        route.path("properties").path("checkpoint_details").forEach(c -> served.add(c.path("id").asString()));
        assertThat(served).isEqualTo(order).isNotEmpty();
        int scenarios = jdbc.sql("select count(*) from corridor.scenarios").query(Integer.class).single();
        assertThat(route.path("properties").path("scenario_regimes").size()).isEqualTo(scenarios);
        JsonNode one = client.json("/collections/routes/items/baku-nakhchivan-via-meghri?scenario=crossroads-of-peace-2023");
        assertThat(one.path("properties").path("scenario_regimes").size()).isEqualTo(1);
        JsonNode armenia = null;
        for (JsonNode s : one.path("properties").path("scenario_regimes").get(0).path("segments")) {
            if (s.path("country").asString().equals("ARM")) {
                armenia = s;
            }
        }
        assertThat(armenia).isNotNull();
        assertThat(armenia.path("customs_control").asBoolean()).isTrue();
        assertThat(client.get("/collections/routes/items?scenario=nosuch").statusCode()).isEqualTo(400);
        assertThat(client.get("/collections/countries/items?scenario=status-quo-2024").statusCode()).isEqualTo(400);
        JsonNode checkpoint = client.json("/collections/checkpoints/items/margara?scenario=crossroads-of-peace-2023");
        assertThat(checkpoint.path("properties").path("scenario_regimes").size()).isEqualTo(1);
        assertThat(checkpoint.path("properties").path("scenario_regimes").get(0).path("regime").asString()).isEqualTo("NATIONAL");
    }
}
