package org.corridorgis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Territory accounting on a date: an area counts from its start, or, with no known start, from its first source. */
class TerritoryAsOfDateTest extends ServiceTestBase {

    @Test
    void september2022AreasCountFromThe13th() {
        assertThat(ids("2022-09-12")).noneMatch(id -> id.startsWith("sept-2022-"));
        assertThat(ids("2022-09-13")).filteredOn(id -> id.startsWith("sept-2022-")).hasSize(5);
    }

    @Test
    void anAreaWithNoKnownStartCountsFromItsFirstSource() {
        // "over 70 km² in Tavush and Ararat": no start date; first reported by PM Pashinyan on 10 Jan 2023 (news.am 738800)
        assertThat(ids("2023-01-09")).doesNotContain("tavush-ararat-1990s");
        assertThat(ids("2023-01-10")).contains("tavush-ararat-1990s");
        JsonNode area = null;
        for (JsonNode a : client.json("/analysis/territory?datetime=2023-01-10").path("areas")) {
            if (a.path("id").asString().equals("tavush-ararat-1990s")) {
                area = a;
            }
        }
        assertThat(area).isNotNull();
        assertThat(area.path("known_from").asString()).isEqualTo("2023-01-10");
        // Artsvashen has a start (Aug 1992): counted on any later date
        assertThat(ids("2000-01-01")).contains("artsvashen").doesNotContain("tavush-ararat-1990s");
    }

    private List<String> ids(String date) {
        List<String> ids = new ArrayList<>();
        client.json("/analysis/territory?datetime=" + date).path("areas").forEach(a -> ids.add(a.path("id").asString()));
        return ids;
    }
}
