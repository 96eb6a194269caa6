package org.corridorgis.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.corridorgis.support.ServiceClient;
import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * OGC API – Features Part 5 (Schemas: schema, queryables, sortables) and the ad-hoc search of the "Search" draft
 * ({@code POST /collections/{id}/search} with a CQL2 JSON body). Expected columns and values come from the
 * database catalogue and hand-written SQL, closed lists from the data model's own definitions.
 */
class SchemasAndSearchTest extends ServiceTestBase {

    static final String PART5 = "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/";

    private List<String> collectionIds() {
        return jdbc.sql("select id from corridor.collection order by sort_order, id").query(String.class).list();
    }

    private String table(String collectionId) {
        return jdbc.sql("select table_name from corridor.collection where id = ?").param(collectionId).query(String.class).single();
    }

    /** The table's columns as information_schema lists them, with the PostgreSQL data type. */
    private List<String[]> columns(String table) {
        return jdbc.sql("select column_name, data_type from information_schema.columns where table_schema = 'corridor' "
                + "and table_name = ? order by ordinal_position").param(table)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    private static Set<String> names(JsonNode schema) {
        Set<String> names = new LinkedHashSet<>();
        schema.path("properties").properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    @Test
    @DisplayName("Part 5 /req/schemas/schema-get, /req/core-roles-features/id, primary-geometry, primary-interval — "
            + "with rel=describedby from every collection")
    void everyCollectionLinksItsSchemaWhichNamesEveryColumnWithItsRole() {
        List<String> ids = collectionIds();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(10);
        for (String id : ids) {
            String href = null;
            for (JsonNode link : client.json("/collections/" + id).path("links")) {
                if (link.path("rel").asString().equals("describedby")) {
                    assertThat(link.path("type").asString()).isEqualTo("application/schema+json");
                    href = link.path("href").asString();
                }
            }
            assertThat(href).as(id).endsWith("/collections/" + id + "/schema");
            HttpResponse<String> r = client.get(href);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/schema+json"));
            JsonNode schema = ServiceClient.parse(r.body());
            assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("type").asString()).isEqualTo("object");
            JsonNode p = schema.path("properties");
            assertThat(p.path("id").path("x-ogc-role").asString()).isEqualTo("id");
            List<String> expected = new ArrayList<>();
            for (String[] column : columns(table(id))) {
                expected.add(column[0]);
                JsonNode s = p.path(column[0]);
                assertThat(s.isMissingNode()).as(id + "." + column[0]).isFalse();
                assertThat(s.path("title").asString()).isEqualTo(column[0]);
                String type = switch (column[1]) {
                    case "text", "date", "timestamp with time zone" -> "string";
                    case "numeric", "double precision" -> "number";
                    case "integer", "bigint" -> "integer";
                    case "boolean" -> "boolean";
                    case "ARRAY" -> "array";
                    case "jsonb", "json" -> "object";
                    default -> null; // the geometry: a format, no type
                };
                if (type == null) {
                    assertThat(s.path("x-ogc-role").asString()).as(id + "." + column[0]).isEqualTo("primary-geometry");
                } else {
                    assertThat(s.path("type").asString()).as(id + "." + column[0]).isEqualTo(type);
                }
            }
            assertThat(expected).contains("valid_from", "valid_to");
            assertThat(p.path("valid_from").path("x-ogc-role").asString()).isEqualTo("primary-interval-start");
            assertThat(p.path("valid_to").path("x-ogc-role").asString()).isEqualTo("primary-interval-end");
            if (expected.contains("sources")) {
                assertThat(p.path("sources").path("description").asString()).as(id).isNotEmpty();
            }
            // and what the features carry is what the schema says they carry
            JsonNode first = client.json("/collections/" + id + "/items?limit=1").path("features").get(0);
            Set<String> carried = new TreeSet<>();
            first.path("properties").properties().forEach(e -> carried.add(e.getKey()));
            assertThat(names(schema)).as(id).containsAll(carried);
        }
        JsonNode checkpoints = client.json("/collections/checkpoints/schema").path("properties");
        assertThat(checkpoints.path("geom").path("format").asString()).isEqualTo("geometry-point");
        assertThat(names(client.json("/collections/routes/schema"))).contains("checkpoint_details", "scenario_regimes");
    }

    @Test
    @DisplayName("Part 5 /req/schemas/schema-get: closed lists are enumerations, as the data model closes them")
    void closedListsAreEnumerations() {
        JsonNode p = client.json("/collections/checkpoints/schema").path("properties");
        // the lists as migrations/V2__data_model.sql writes them (checkpoint status as V7 widens it)
        assertThat(strings(p.path("accuracy").path("enum"))).containsExactly("surveyed", "approximate", "schematic");
        assertThat(strings(p.path("kind").path("enum"))).containsExactly("border crossing", "customs post", "passport post", "bridge");
        assertThat(strings(p.path("status").path("enum"))).containsExactly("operating", "not open to regular traffic", "proposed",
                "under construction", "built, not open", "unknown", "closed", "none");
        assertThat(p.path("name").has("enum")).isFalse(); // an open list
        assertThat(strings(client.json("/collections/routes/schema").path("properties").path("mode").path("enum")))
                .containsExactly("rail", "road");
        // every value in the data is one of them
        for (String column : List.of("accuracy", "kind", "status")) {
            List<String> used = jdbc.sql("select distinct " + column + " from corridor.checkpoints").query(String.class).list();
            assertThat(strings(p.path(column).path("enum"))).as(column).containsAll(used);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    @Test
    @DisplayName("Part 5 /req/queryables, /req/sortables: the same definitions as the schema; every sortable sorts")
    void queryablesAndSortablesAgreeWithTheSchema() {
        for (String id : collectionIds()) {
            JsonNode schema = client.json("/collections/" + id + "/schema").path("properties");
            JsonNode queryables = client.json("/collections/" + id + "/queryables").path("properties");
            queryables.properties().forEach(e -> assertThat(e.getValue()).as(id + " queryable " + e.getKey()).isEqualTo(schema.path(e.getKey())));
            JsonNode sortables = client.json("/collections/" + id + "/sortables");
            assertThat(sortables.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            // sortable: id and every column with a scalar type (not the geometry, arrays or JSON)
            List<String> expected = new ArrayList<>(List.of("id"));
            for (String[] column : columns(table(id))) {
                if (!column[0].equals("id") && !List.of("ARRAY", "USER-DEFINED", "jsonb", "json").contains(column[1])) {
                    expected.add(column[0]);
                }
            }
            assertThat(new ArrayList<>(names(sortables))).as(id).containsExactlyElementsOf(expected);
            for (String name : expected) {
                assertThat(sortables.path("properties").path(name)).as(id + " sortable " + name).isEqualTo(schema.path(name));
                assertThat(client.get("/collections/" + id + "/items?limit=1&sortby=-" + name).statusCode()).as(id + " " + name).isEqualTo(200);
            }
        }
        List<String> classes = strings(client.json("/conformance").path("conformsTo"));
        assertThat(classes).contains(PART5 + "schemas", PART5 + "core-roles-features", PART5 + "queryables", PART5 + "sortables",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter");
        assertThat(client.get("/collections/nosuch/schema").statusCode()).isEqualTo(404);
        assertThat(client.get("/collections/routes/sortables?f=html").body()).contains("length_km");
    }

    private static TreeSet<String> ids(JsonNode page) {
        TreeSet<String> ids = new TreeSet<>();
        page.path("features").forEach(f -> ids.add(f.path("id").asString()));
        return ids;
    }

    @Test
    @DisplayName("Search draft /req/search/post-op, /req/search/post-body: a CQL2 JSON filter in the body")
    void searchTakesACql2JsonFilterInTheBody() {
        String turkey = "{\"op\":\"a_overlaps\",\"args\":[{\"property\":\"states\"},[\"TUR\"]]}";
        TreeSet<String> expected = new TreeSet<>(jdbc.sql("select id from corridor.checkpoints where states && array['TUR']")
                .query(String.class).list());
        assertThat(expected).isNotEmpty();
        HttpResponse<String> r = client.post("/collections/checkpoints/search?limit=100", "application/cql2+json", turkey);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/geo+json"));
        JsonNode page = ServiceClient.parse(r.body());
        assertThat(ids(page)).isEqualTo(expected);
        assertThat(page.path("numberMatched").asInt()).isEqualTo(expected.size());

        // A filter longer than a URL comfortably carries: 80 names, one clause each, against SQL with the same names.
        List<String> names = jdbc.sql("select name from corridor.checkpoints order by id limit 3").query(String.class).list();
        assertThat(names).hasSize(3);
        StringBuilder or = new StringBuilder("{\"op\":\"or\",\"args\":[");
        for (int i = 0; i < 80; i++) {
            String name = i < names.size() ? names.get(i) : "no checkpoint is called this " + i;
            or.append(i > 0 ? "," : "").append("{\"op\":\"=\",\"args\":[{\"property\":\"name\"},\"").append(name).append("\"]}");
        }
        String longFilter = or.append("]}").toString();
        assertThat(longFilter.length()).isGreaterThan(4000);
        TreeSet<String> named = new TreeSet<>(jdbc.sql("select id from corridor.checkpoints where name in (?, ?, ?)")
                .params(names.get(0), names.get(1), names.get(2)).query(String.class).list());
        HttpResponse<String> longAnswer = client.post("/collections/checkpoints/search?limit=1", "application/json", longFilter);
        assertThat(longAnswer.statusCode()).as(longAnswer.body()).isEqualTo(200);
        JsonNode first = ServiceClient.parse(longAnswer.body());
        assertThat(first.path("numberMatched").asInt()).isEqualTo(named.size());
        assertThat(first.path("numberReturned").asInt()).isEqualTo(1);
        // the next page is a GET of the items resource with the same filter
        String next = null;
        for (JsonNode link : first.path("links")) {
            if (link.path("rel").asString().equals("next")) {
                next = link.path("href").asString();
            }
        }
        assertThat(next).contains("/collections/checkpoints/items?").contains("filter-lang=cql2-json");
        assertThat(client.get(next).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("Search: bad bodies are 4xx problems, never 500")
    void badSearchesAreProblems() {
        String filter = "{\"op\":\"=\",\"args\":[{\"property\":\"name\"},\"x\"]}";
        for (Object[] c : new Object[][] {
                {"/collections/checkpoints/search", "text/plain", filter, 415},
                {"/collections/checkpoints/search", "application/json", "{\"op\":\"=\",\"args\":[", 400},
                {"/collections/checkpoints/search", "application/json", "", 400},
                {"/collections/checkpoints/search", "application/json", "{\"op\":\"=\",\"args\":[{\"property\":\"nosuch\"},1]}", 400},
                {"/collections/checkpoints/search?filter=name%3D'x'", "application/json", filter, 400},
                {"/collections/checkpoints/search?limit=0", "application/json", filter, 400},
                {"/collections/checkpoints/search", "application/json", "[" + "1,".repeat(9000) + "1]", 400},
                {"/collections/nosuch/search", "application/json", filter, 404}}) {
            HttpResponse<String> r = client.post((String) c[0], (String) c[1], (String) c[2]);
            assertThat(r.statusCode()).as(c[0] + " " + c[1] + " " + c[2].toString().substring(0, Math.min(40, c[2].toString().length())))
                    .isEqualTo((int) c[3]);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        JsonNode api = ServiceClient.parse(client.get("/api").body());
        assertThat(api.path("paths").path("/collections/checkpoints/search").path("post").path("requestBody").isMissingNode()).isFalse();
    }
}
