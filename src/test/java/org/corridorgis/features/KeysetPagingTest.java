package org.corridorgis.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Keyset paging: following next links visits every feature once, in order, under any sort; prev goes back. */
class KeysetPagingTest extends ServiceTestBase {

    private static String link(JsonNode page, String rel) {
        for (JsonNode l : page.path("links")) {
            if (l.path("rel").asString().equals(rel)) {
                return l.path("href").asString();
            }
        }
        return null;
    }

    private List<String> walk(String first, List<JsonNode> pages) {
        List<String> ids = new ArrayList<>();
        String href = first;
        while (href != null) {
            JsonNode page = client.json(href);
            pages.add(page);
            page.path("features").forEach(f -> ids.add(f.path("id").asString()));
            href = link(page, "next");
        }
        return ids;
    }

    @Test
    void nextLinksVisitEveryFeatureOnceInTheRequestedOrder() {
        // disputed_areas: sort by a column with nulls and ties (since), descending, then by id.
        List<String> expected = jdbc.sql("select id from corridor.disputed_areas order by since desc nulls last, id").query(String.class).list();
        List<JsonNode> pages = new ArrayList<>();
        List<String> ids = walk("/collections/disputed-areas/items?limit=4&sortby=-since", pages);
        assertThat(ids).isEqualTo(expected);
        assertThat(pages).hasSize((expected.size() + 3) / 4);

        List<String> byKind = jdbc.sql("select id from corridor.disputed_areas order by kind asc nulls last, cited_area_km2 desc nulls last, id")
                .query(String.class).list();
        assertThat(walk("/collections/disputed-areas/items?limit=3&sortby=kind,-cited_area_km2", new ArrayList<>())).isEqualTo(byKind);
    }

    @Test
    void prevLinksGoBackPageByPage() {
        List<JsonNode> pages = new ArrayList<>();
        walk("/collections/checkpoints/items?limit=4&sortby=name", pages);
        assertThat(pages.size()).isGreaterThanOrEqualTo(3);
        JsonNode last = pages.get(pages.size() - 1);
        JsonNode back = client.json(link(last, "prev"));
        assertThat(back.path("features")).isEqualTo(pages.get(pages.size() - 2).path("features"));
        JsonNode first = client.json(link(pages.get(1), "prev"));
        assertThat(first.path("features")).isEqualTo(pages.get(0).path("features"));
        assertThat(link(first, "prev")).isNull();
    }

    @Test
    void offsetStillWorksForClientsThatSendIt() {
        List<String> expected = jdbc.sql("select id from corridor.checkpoints order by id offset 5 limit 3").query(String.class).list();
        List<String> ids = new ArrayList<>();
        client.json("/collections/checkpoints/items?limit=3&offset=5").path("features").forEach(f -> ids.add(f.path("id").asString()));
        assertThat(ids).isEqualTo(expected);
    }

    @Test
    void aCursorForAnotherOrderIsRefused() {
        JsonNode page = client.json("/collections/checkpoints/items?limit=2&sortby=name");
        String next = link(page, "next");
        String cursor = next.substring(next.indexOf("cursor=") + 7);
        assertThat(client.get("/collections/checkpoints/items?limit=2&sortby=-name&cursor=" + cursor).statusCode()).isEqualTo(400);
    }
}
