package org.corridorgis.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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
 * Tile caching follows the data version: a tile asked for with the version the client knows ({@code v}, e.g. the
 * {@code Data-Version} of its own write) is cached for good, so a client that has just changed its scenario asks
 * for new URLs and sees the change at once; a tile whose {@code v} is not the version read is revalidated on
 * every use; without {@code v} the configured max-age holds.
 */
class TileCachingTest extends ServiceTestBase {

    @Autowired
    ApiTokens tokens;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from corridor.scenarios where id like 'ttest-%'").update();
        jdbc.sql("delete from corridor.scenarios_history where id like 'ttest-%'").update();
        jdbc.sql("delete from corridor.change_log where feature_id like 'ttest-%'").update();
        jdbc.sql("delete from corridor.api_token where name = 'ttest Tara'").update();
    }

    private HttpResponse<byte[]> tile(String query, String... headers) {
        double[] agarak = jdbc.sql("select ST_X(geom) as x, ST_Y(geom) as y from corridor.checkpoints where id = 'agarak-post'")
                .query((rs, n) -> new double[] {rs.getDouble("x"), rs.getDouble("y")}).single();
        // the slippy-map tile of the post at zoom 8: x = floor((lon + 180) / 360 * 2^z), y = floor((1 - asinh(tan(lat)) / pi) / 2 * 2^z)
        int x = (int) Math.floor((agarak[0] + 180) / 360 * 256);
        int y = (int) Math.floor((1 - Math.log(Math.tan(Math.toRadians(agarak[1])) + 1 / Math.cos(Math.toRadians(agarak[1]))) / Math.PI) / 2 * 256);
        return client.getBytes("/collections/checkpoints/tiles/WebMercatorQuad/8/" + y + "/" + x + "?scenario=ttest-copy" + query, headers);
    }

    private static Object agarakRegime(HttpResponse<byte[]> tile) {
        assertThat(tile.statusCode()).isEqualTo(200);
        return VectorTilesTest.feature(MvtReader.layers(tile.body()), "checkpoints", "agarak-post").get("regime");
    }

    @Test
    void aTileOfTheVersionAClientWroteShowsItsEditAtOnce() {
        String editor = "Bearer " + tokens.create("ttest Tara", Role.EDITOR, null).token();
        HttpResponse<String> copied = client.send("POST", "/collections/scenarios/items", "application/geo+json",
                "{\"type\":\"Feature\",\"id\":\"ttest-copy\",\"geometry\":null,\"properties\":{\"based_on\":\"azerbaijan-position-2024\"}}",
                "Authorization", editor);
        assertThat(copied.statusCode()).as(copied.body()).isEqualTo(201);
        long before = Long.parseLong(copied.headers().firstValue("Data-Version").orElseThrow());
        String today = "&datetime=" + LocalDate.now(ZoneOffset.UTC);

        // the base scenario leaves the post uninspected (see UserScenarioTest); at the version written, kept for good
        HttpResponse<byte[]> first = tile(today + "&v=" + before);
        assertThat(agarakRegime(first)).isEqualTo("UNINSPECTED");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        // without v: what the deployment configures (CORRIDOR_CACHE_MAX_AGE, CORRIDOR_CACHE_STALE_WHILE_REVALIDATE: 60 s each)
        assertThat(tile(today).headers().firstValue("Cache-Control")).hasValue("public, max-age=60, stale-while-revalidate=60");

        HttpResponse<String> got = client.get("/collections/scenarios/items/ttest-copy");
        ObjectNode assignments = (ObjectNode) ServiceClient.parse(got.body()).path("properties").path("assignments");
        ArrayNode checkpoints = (ArrayNode) assignments.path("checkpoints");
        int changed = 0;
        for (JsonNode a : checkpoints) {
            if (a.path("checkpoint_id").asString().equals("agarak-post")) {
                ((ObjectNode) a).put("regime", "NATIONAL");
                changed++;
            }
        }
        assertThat(changed).isEqualTo(1);
        HttpResponse<String> patched = client.send("PATCH", "/collections/scenarios/items/ttest-copy", "application/geo+json",
                "{\"properties\":{\"assignments\":" + assignments + "}}", "Authorization", editor,
                "If-Match", got.headers().firstValue("ETag").orElseThrow());
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
        long after = Long.parseLong(patched.headers().firstValue("Data-Version").orElseThrow());
        assertThat(after).isGreaterThan(before);

        // the new version's URL shows the edit, and is kept for good too
        HttpResponse<byte[]> edited = tile(today + "&v=" + after);
        assertThat(agarakRegime(edited)).isEqualTo("NATIONAL");
        assertThat(edited.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        HttpResponse<byte[]> revalidated = tile(today + "&v=" + after, "If-None-Match", edited.headers().firstValue("ETag").orElseThrow());
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        // the old version's URL now answers the current data, and says it must be revalidated
        HttpResponse<byte[]> old = tile(today + "&v=" + before);
        assertThat(agarakRegime(old)).isEqualTo("NATIONAL");
        assertThat(old.headers().firstValue("Cache-Control")).hasValue("no-cache");
        // a tile of today (no datetime) is kept until the day ends (UTC)
        OffsetDateTime asked = OffsetDateTime.now(ZoneOffset.UTC);
        HttpResponse<byte[]> undated = tile("&v=" + after);
        long untilMidnight = Duration.between(asked, asked.toLocalDate().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)).toSeconds();
        String cacheControl = undated.headers().firstValue("Cache-Control").orElseThrow();
        assertThat(cacheControl).startsWith("public, max-age=");
        assertThat(Long.parseLong(cacheControl.substring("public, max-age=".length()))).isBetween(0L, untilMidnight);
        assertThat(agarakRegime(undated)).isEqualTo("NATIONAL");

        HttpResponse<byte[]> bad = tile("&v=latest");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
}
