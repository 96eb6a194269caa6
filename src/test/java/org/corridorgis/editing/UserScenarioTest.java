package org.corridorgis.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.corridorgis.security.ApiTokens;
import org.corridorgis.security.Role;
import org.corridorgis.support.ServiceClient;
import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An editor's own scenario: a copy of an official one ({@code based_on}), whose regimes the editor changes; the
 * route comparison takes it like an official scenario.
 */
class UserScenarioTest extends ServiceTestBase {

    private static final String ROUTES = "baku-nakhchivan-via-meghri,baku-nakhchivan-via-iran-historic-road";

    @Autowired
    ApiTokens tokens;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from corridor.scenarios where id like 'utest-%'").update();
        jdbc.sql("delete from corridor.scenarios_history where id like 'utest-%'").update();
        jdbc.sql("delete from corridor.change_log where feature_id like 'utest-%'").update();
        jdbc.sql("delete from corridor.api_token where name = 'utest Eva'").update();
    }

    private JsonNode meghri(String scenario) {
        for (JsonNode r : client.json("/analysis/routes/compare?routes=" + ROUTES + "&scenario=" + scenario).path("routes")) {
            if (r.path("id").asString().equals("baku-nakhchivan-via-meghri")) {
                return r;
            }
        }
        throw new AssertionError("no Meghri route in the comparison under " + scenario);
    }

    @Test
    void aCopiedScenarioWithOneRegimeChangedChangesTheRouteComparison() {
        String editor = "Bearer " + tokens.create("utest Eva", Role.EDITOR, null).token();
        HttpResponse<String> copied = client.send("POST", "/collections/scenarios/items", "application/geo+json",
                "{\"type\":\"Feature\",\"id\":\"utest-eu-mission\",\"geometry\":null,\"properties\":{\"based_on\":\"azerbaijan-position-2024\","
                        + "\"name\":\"What if an EU mission checked at Meghri\"}}", "Authorization", editor);
        assertThat(copied.statusCode()).as(copied.body()).isEqualTo(201);
        // the copy: the base's assignments, its own name, the editor as author
        assertThat(jdbc.sql("select (c.assignments = b.assignments) and c.sources = b.sources and c.accuracy = b.accuracy "
                + "from corridor.scenarios c, corridor.scenarios b where c.id = 'utest-eu-mission' and b.id = 'azerbaijan-position-2024'")
                .query(Boolean.class).single()).isTrue();
        JsonNode copy = client.json("/collections/scenarios/items/utest-eu-mission");
        assertThat(copy.path("properties").path("created_by").asString()).isEqualTo("utest Eva");
        assertThat(copy.path("properties").path("name").asString()).isEqualTo("What if an EU mission checked at Meghri");

        JsonNode base = meghri("azerbaijan-position-2024");
        JsonNode before = meghri("utest-eu-mission");
        assertThat(before.path("checkpoint_checks")).isEqualTo(base.path("checkpoint_checks"));
        assertThat(before.path("transit_time").path("dwell_minutes").asDouble()).isEqualTo(base.path("transit_time").path("dwell_minutes").asDouble());

        // agarak-post: UNINSPECTED under the base (no passport, customs or border check) becomes NATIONAL (all three)
        HttpResponse<String> got = client.get("/collections/scenarios/items/utest-eu-mission");
        ObjectNode assignments = (ObjectNode) ServiceClient.parse(got.body()).path("properties").path("assignments");
        ArrayNode checkpoints = (ArrayNode) assignments.path("checkpoints");
        int changed = 0;
        for (JsonNode a : checkpoints) {
            if (a.path("checkpoint_id").asString().equals("agarak-post")) {
                assertThat(a.path("regime").asString()).isEqualTo("UNINSPECTED");
                ((ObjectNode) a).put("regime", "NATIONAL");
                changed++;
            }
        }
        assertThat(changed).isEqualTo(1);
        HttpResponse<String> patched = client.send("PATCH", "/collections/scenarios/items/utest-eu-mission", "application/geo+json",
                "{\"properties\":{\"assignments\":" + assignments + "}}", "Authorization", editor,
                "If-Match", got.headers().firstValue("ETag").orElseThrow(), "Change-Reason", "EU mission at Agarak");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);

        JsonNode after = meghri("utest-eu-mission");
        // a nationally run post checks once for each state it serves
        assertThat(jdbc.sql("select operator from corridor.control_regimes where code = 'NATIONAL'").query(String.class).single()).isEqualTo("national");
        int sides = jdbc.sql("select cardinality(states) from corridor.checkpoints where id = 'agarak-post'").query(Integer.class).single();
        assertThat(sides).isPositive();
        for (String check : List.of("passport", "customs", "border")) {
            assertThat(after.path("checkpoint_checks").path(check).asInt()).as(check)
                    .isEqualTo(base.path("checkpoint_checks").path(check).asInt() + sides);
        }
        // default dwell: 30 min a passport check, 60 a customs check, 20 a border check (the API's documented defaults)
        assertThat(after.path("transit_time").path("dwell_minutes").asDouble())
                .isEqualTo(base.path("transit_time").path("dwell_minutes").asDouble() + 110.0 * sides);
        // the official scenario is as it was
        assertThat(meghri("azerbaijan-position-2024")).isEqualTo(base);
        // and the checkpoint's own page under the copy names the new regime
        assertThat(client.json("/collections/checkpoints/items/agarak-post?scenario=utest-eu-mission").toString()).contains("NATIONAL");
    }
}
