package org.corridorgis.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

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
 * Review: an editor's changes to the official data wait as proposals until a reviewer decides; an editor's own
 * scenarios and candidate lines are written at once and carry their author.
 */
class ReviewTest extends ServiceTestBase {

    private static final String GEOJSON = "application/geo+json";

    @Autowired
    ApiTokens tokens;

    private String editor;
    private String otherEditor;
    private String reviewer;

    @BeforeEach
    void tokens() {
        editor = "Bearer " + tokens.create("rtest Edna", Role.EDITOR, null).token();
        otherEditor = "Bearer " + tokens.create("rtest Otto", Role.EDITOR, null).token();
        reviewer = "Bearer " + tokens.create("rtest Rita", Role.REVIEWER, null).token();
    }

    @AfterEach
    void cleanUp() {
        for (String table : List.of("checkpoints", "boundary_lines", "boundary_maps", "scenarios")) {
            jdbc.sql("delete from corridor." + table + " where id like 'rtest-%'").update();
            jdbc.sql("delete from corridor." + table + "_history where id like 'rtest-%'").update();
        }
        jdbc.sql("delete from corridor.change_log where feature_id like 'rtest-%'").update();
        jdbc.sql("delete from corridor.proposal where feature_id like 'rtest-%'").update();
        jdbc.sql("delete from corridor.api_token where name like 'rtest %'").update();
    }

    private static final String CHECKPOINT = "{\"type\":\"Feature\",\"id\":\"rtest-cp\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[45.5,39.5]},"
            + "\"properties\":{\"name\":\"Proposed crossing\",\"states\":[\"ARM\",\"AZE\"],\"kind\":\"border crossing\",\"status\":\"proposed\","
            + "\"sources\":[\"crossings-facts\"],\"accuracy\":\"schematic\"}}";

    @Test
    void anEditorsChangeToOfficialDataWaitsForAReviewer() {
        HttpResponse<String> proposed = client.send("POST", "/collections/checkpoints/items", GEOJSON, CHECKPOINT,
                "Authorization", editor, "Change-Reason", "Seen on the 2025 map");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(202);
        long id = ServiceClient.parse(proposed.body()).path("proposal").asLong();
        assertThat(proposed.headers().firstValue("Location")).hasValue(client.base() + "/proposals/" + id);
        assertThat(jdbc.sql("select count(*) from corridor.checkpoints where id = 'rtest-cp'").query(Long.class).single()).isZero();

        // a proposal with bad input is refused at once, like the write
        assertThat(client.send("POST", "/collections/checkpoints/items", GEOJSON, CHECKPOINT.replace("schematic", "rumoured"),
                "Authorization", editor).statusCode()).isEqualTo(422);

        JsonNode page = client.json("/collections/checkpoints/items?include=proposals&limit=1");
        JsonNode last = page.path("features").get(page.path("features").size() - 1);
        assertThat(page.path("numberOfProposals").asInt()).isEqualTo(jdbc.sql(
                "select count(*) from corridor.proposal where collection = 'checkpoints' and status = 'open'").query(Integer.class).single());
        assertThat(page.path("features").size()).isEqualTo(1 + page.path("numberOfProposals").asInt());
        assertThat(last.path("id").asString()).isEqualTo("rtest-cp");
        assertThat(last.path("properties").path("proposal").path("author").asString()).isEqualTo("rtest Edna");
        assertThat(last.path("properties").path("proposal").path("operation").asString()).isEqualTo("create");
        List<String> open = new ArrayList<>();
        client.json("/proposals?collection=checkpoints").path("proposals").forEach(p -> open.add(p.path("featureId").asString()
                + "|" + p.path("author").asString() + "|" + p.path("reason").asString()));
        assertThat(open).contains("rtest-cp|rtest Edna|Seen on the 2025 map");
        assertThat(open.stream().filter(x -> x.startsWith("rtest-")).count()).isEqualTo(1);

        // an editor cannot decide; a reviewer accepts, and the change is the editor's
        assertThat(client.send("POST", "/proposals/" + id + "/accept", "application/json", "{}", "Authorization", otherEditor).statusCode())
                .isEqualTo(403);
        HttpResponse<String> accepted = client.send("POST", "/proposals/" + id + "/accept", "application/json",
                "{\"note\":\"Matches the survey\"}", "Authorization", reviewer);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(jdbc.sql("select ST_AsText(geom) || '|' || name from corridor.checkpoints where id = 'rtest-cp'").query(String.class).single())
                .isEqualTo("POINT(45.5 39.5)|Proposed crossing");
        assertThat(jdbc.sql("select author || '|' || reason from corridor.change_log where feature_id = 'rtest-cp'").query(String.class).list())
                .containsExactly("rtest Edna|Seen on the 2025 map");
        assertThat(jdbc.sql("select status || '|' || decided_by || '|' || decision from corridor.proposal where id = ?").param(id)
                .query(String.class).single()).isEqualTo("accepted|rtest Rita|Matches the survey");
        assertThat(client.send("POST", "/proposals/" + id + "/reject", "application/json", "{}", "Authorization", reviewer).statusCode())
                .isEqualTo(409);

        // a proposed deletion, rejected: the feature stays
        String etag = client.get("/collections/checkpoints/items/rtest-cp").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> deletion = client.send("DELETE", "/collections/checkpoints/items/rtest-cp", GEOJSON, null,
                "Authorization", otherEditor, "If-Match", etag);
        assertThat(deletion.statusCode()).as(deletion.body()).isEqualTo(202);
        long del = ServiceClient.parse(deletion.body()).path("proposal").asLong();
        assertThat(client.send("POST", "/proposals/" + del + "/reject", "application/json", "{\"note\":\"Still there\"}",
                "Authorization", reviewer).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from corridor.checkpoints where id = 'rtest-cp'").query(Long.class).single()).isEqualTo(1L);

        // a proposal on a version that changed since can no longer be accepted
        HttpResponse<String> rename = client.send("PATCH", "/collections/checkpoints/items/rtest-cp", GEOJSON,
                "{\"properties\":{\"name\":\"Renamed by an editor\"}}", "Authorization", editor, "If-Match", etag);
        assertThat(rename.statusCode()).isEqualTo(202);
        long stale = ServiceClient.parse(rename.body()).path("proposal").asLong();
        assertThat(client.send("PATCH", "/collections/checkpoints/items/rtest-cp", GEOJSON, "{\"properties\":{\"note\":\"checked\"}}",
                "Authorization", reviewer, "If-Match", etag).statusCode()).isEqualTo(204);
        HttpResponse<String> conflict = client.send("POST", "/proposals/" + stale + "/accept", "application/json", "{}", "Authorization", reviewer);
        assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
        assertThat(jdbc.sql("select name from corridor.checkpoints where id = 'rtest-cp'").query(String.class).single()).isEqualTo("Proposed crossing");
    }

    @Test
    void openProposalsAreShownAsTheFeaturesTheyWouldMake() {
        // the official feature: written by a reviewer, with a note
        String official = CHECKPOINT.replace("\"accuracy\":\"schematic\"", "\"accuracy\":\"schematic\",\"note\":\"to be checked\"");
        HttpResponse<String> created = client.send("POST", "/collections/checkpoints/items", GEOJSON, official, "Authorization", reviewer);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String etag = created.headers().firstValue("ETag").orElseThrow();

        // an editor proposes a merge patch: a new name and position, the note removed (null), the rest untouched
        HttpResponse<String> update = client.send("PATCH", "/collections/checkpoints/items/rtest-cp", GEOJSON,
                "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[45.6,39.4]},\"properties\":{\"name\":\"Renamed crossing\",\"note\":null}}",
                "Authorization", editor, "If-Match", etag, "Change-Reason", "Moved on the 2025 map");
        assertThat(update.statusCode()).as(update.body()).isEqualTo(202);
        long updateId = ServiceClient.parse(update.body()).path("proposal").asLong();
        HttpResponse<String> deletion = client.send("DELETE", "/collections/checkpoints/items/rtest-cp", GEOJSON, null,
                "Authorization", otherEditor, "If-Match", etag, "Change-Reason", "Never built");
        assertThat(deletion.statusCode()).as(deletion.body()).isEqualTo(202);
        long deleteId = ServiceClient.parse(deletion.body()).path("proposal").asLong();

        JsonNode page = client.json("/collections/checkpoints/items?include=proposals&limit=1");
        List<JsonNode> proposed = new ArrayList<>();
        page.path("features").forEach(f -> {
            if (f.path("properties").has("proposal") && f.path("id").asString().equals("rtest-cp")) {
                proposed.add(f);
            }
        });
        assertThat(proposed).hasSize(2);

        // the update: the whole feature after the patch
        JsonNode updated = proposed.get(0);
        assertThat(updated.path("type").asString()).isEqualTo("Feature");
        assertThat(updated.path("geometry").toString()).isEqualTo("{\"type\":\"Point\",\"coordinates\":[45.6,39.4]}");
        JsonNode p = updated.path("properties");
        assertThat(p.path("name").asString()).isEqualTo("Renamed crossing");
        assertThat(p.path("states").toString()).isEqualTo("[\"ARM\",\"AZE\"]");
        assertThat(p.path("kind").asString()).isEqualTo("border crossing");
        assertThat(p.path("status").asString()).isEqualTo("proposed");
        assertThat(p.path("sources").toString()).isEqualTo("[\"crossings-facts\"]");
        assertThat(p.path("accuracy").asString()).isEqualTo("schematic");
        assertThat(p.has("note")).as(p.toString()).isFalse();
        assertThat(p.path("proposal").path("id").asLong()).isEqualTo(updateId);
        assertThat(p.path("proposal").path("operation").asString()).isEqualTo("update");
        assertThat(p.path("proposal").path("author").asString()).isEqualTo("rtest Edna");
        assertThat(p.path("proposal").path("reason").asString()).isEqualTo("Moved on the 2025 map");
        assertThat(p.path("proposal").path("href").asString()).isEqualTo(client.base() + "/proposals/" + updateId);

        // the deletion: the feature as it is, marked
        JsonNode deleted = proposed.get(1);
        assertThat(deleted.path("geometry").toString()).isEqualTo("{\"type\":\"Point\",\"coordinates\":[45.5,39.5]}");
        assertThat(deleted.path("properties").path("name").asString()).isEqualTo("Proposed crossing");
        assertThat(deleted.path("properties").path("note").asString()).isEqualTo("to be checked");
        assertThat(deleted.path("properties").path("proposal").path("id").asLong()).isEqualTo(deleteId);
        assertThat(deleted.path("properties").path("proposal").path("operation").asString()).isEqualTo("delete");
        assertThat(deleted.path("properties").path("proposal").path("author").asString()).isEqualTo("rtest Otto");

        // one feature with its proposals, in the page's CRS: EPSG:4326 puts latitude first
        JsonNode one = client.json("/collections/checkpoints/items/rtest-cp?include=proposals&crs=http://www.opengis.net/def/crs/EPSG/0/4326");
        assertThat(one.path("geometry").toString()).isEqualTo("{\"type\":\"Point\",\"coordinates\":[39.5,45.5]}");
        assertThat(one.path("properties").path("name").asString()).isEqualTo("Proposed crossing");
        assertThat(one.path("proposals").size()).isEqualTo(2);
        assertThat(one.path("proposals").get(0).path("geometry").toString()).isEqualTo("{\"type\":\"Point\",\"coordinates\":[39.4,45.6]}");
        assertThat(one.path("proposals").get(0).path("properties").path("name").asString()).isEqualTo("Renamed crossing");
        assertThat(one.path("proposals").get(1).path("properties").path("proposal").path("operation").asString()).isEqualTo("delete");
        assertThat(client.get("/collections/checkpoints/items/rtest-cp?include=history").statusCode()).isEqualTo(400);
        assertThat(client.get("/collections/checkpoints/items/rtest-nothing?include=proposals").statusCode()).isEqualTo(404);
    }

    @Test
    void theApiDefinitionListsReviewWithItsSecurityAndProblems() {
        JsonNode paths = client.json("/api").path("paths");
        assertThat(paths.path("/proposals").path("get").path("operationId").asString()).isEqualTo("proposals");
        List<String> statuses = new ArrayList<>();
        paths.path("/proposals").path("get").path("parameters").forEach(p -> {
            if (p.path("name").asString().equals("status")) {
                p.path("schema").path("enum").forEach(e -> statuses.add(e.asString()));
            }
        });
        assertThat(statuses).containsExactly("open", "accepted", "rejected", "all");
        assertThat(paths.path("/proposals/{proposalId}").path("get").path("responses").path("404").path("content")
                .has("application/problem+json")).isTrue();
        for (String verb : List.of("accept", "reject")) {
            JsonNode op = paths.path("/proposals/{proposalId}/" + verb).path("post");
            assertThat(op.path("operationId").asString()).isEqualTo(verb + "-proposal");
            assertThat(op.path("security").toString()).isEqualTo("[{\"bearerAuth\":[]}]");
            List<String> problems = new ArrayList<>();
            op.path("responses").properties().forEach(r -> {
                if (r.getValue().path("content").has("application/problem+json")) {
                    problems.add(r.getKey());
                }
            });
            assertThat(problems).containsAll(List.of("400", "401", "403", "404", "409"));
        }
        assertThat(paths.path("/auth/me").path("get").path("security").toString()).isEqualTo("[{},{\"bearerAuth\":[]}]");
        // include=proposals is listed where it works: the items and the feature of a collection that can be written
        assertThat(paths.path("/collections/checkpoints/items").path("get").path("parameters").toString()).contains("#/components/parameters/include");
        assertThat(paths.path("/collections/checkpoints/items/{featureId}").path("get").path("parameters").toString())
                .contains("#/components/parameters/include");
        assertThat(paths.path("/collections/route-segments/items").path("get").path("parameters").toString()).doesNotContain("include");
        // and what is listed answers: an unknown proposal is a 404 problem, a decision without a token a 401
        HttpResponse<String> none = client.get("/proposals/999999999");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(client.send("POST", "/proposals/999999999/accept", "application/json", "{}").statusCode()).isEqualTo(401);
        assertThat(client.get("/proposals/not-a-number").statusCode()).isEqualTo(400);
    }

    @Test
    void anEditorsOwnCandidateMapAndLineNeedNoReviewAndCarryTheirAuthor() {
        HttpResponse<String> map = client.send("POST", "/collections/boundary-maps/items", GEOJSON,
                "{\"type\":\"Feature\",\"id\":\"rtest-map\",\"geometry\":null,\"properties\":{\"title\":\"My reading of the 1976 map\","
                        + "\"proposed_by\":\"third party\",\"status\":\"proposed\",\"description\":\"Lines read off a published map\","
                        + "\"sources\":[\"crossings-facts\"],\"accuracy\":\"schematic\"}}", "Authorization", editor);
        assertThat(map.statusCode()).as(map.body()).isEqualTo(201);
        HttpResponse<String> line = client.send("POST", "/collections/boundary-lines/items", GEOJSON,
                "{\"type\":\"Feature\",\"id\":\"rtest-line\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[45.40,40.90],[45.45,40.95]]},"
                        + "\"properties\":{\"map_id\":\"rtest-map\",\"section\":\"north\",\"agreed\":false,"
                        + "\"sources\":[\"crossings-facts\"],\"accuracy\":\"schematic\"}}", "Authorization", editor);
        assertThat(line.statusCode()).as(line.body()).isEqualTo(201);
        assertThat(jdbc.sql("select created_by || '|' || ST_GeometryType(geom) from corridor.boundary_lines where id = 'rtest-line'")
                .query(String.class).single()).isEqualTo("rtest Edna|ST_MultiLineString");
        JsonNode feature = client.json("/collections/boundary-lines/items/rtest-line");
        assertThat(feature.path("properties").path("created_by").asString()).isEqualTo("rtest Edna");
        List<String> official = new ArrayList<>();
        client.json("/collections/boundary-maps/items?limit=100").path("features").forEach(f -> {
            if (!f.path("id").asString().equals("rtest-map")) {
                official.add(f.path("properties").path("created_by").toString());
            }
        });
        assertThat(official).isNotEmpty().allMatch(v -> v.equals("null"));

        // the author changes it at once; another editor only proposes
        String etag = client.get("/collections/boundary-lines/items/rtest-line").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> other = client.send("PATCH", "/collections/boundary-lines/items/rtest-line", GEOJSON,
                "{\"properties\":{\"section\":\"north-east\"}}", "Authorization", otherEditor, "If-Match", etag);
        assertThat(other.statusCode()).isEqualTo(202);
        HttpResponse<String> own = client.send("PATCH", "/collections/boundary-lines/items/rtest-line", GEOJSON,
                "{\"properties\":{\"section\":\"north (corrected)\",\"created_by\":\"someone else\"}}", "Authorization", editor, "If-Match", etag);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(204);
        assertThat(jdbc.sql("select section || '|' || created_by from corridor.boundary_lines where id = 'rtest-line'").query(String.class).single())
                .isEqualTo("north (corrected)|rtest Edna");
    }
}
