package org.corridorgis.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.Test;

/**
 * Tiles show the state on a day: features valid then, regimes in force then, events that have happened by then.
 * Tile 5/12/20 covers lon 45–56.25°, lat 31.95–40.98° (worked out from the Web Mercator formulas): Baku, the
 * rail route to Armenia via Georgia leaves it only north of 40.98°.
 */
class TilesAsOfDateTest extends ServiceTestBase {

    private Map<String, MvtReader.Layer> tile(String query) {
        var r = client.getBytes("/tiles/WebMercatorQuad/5/12/20?" + query);
        assertThat(r.statusCode()).as(query).isEqualTo(200);
        return MvtReader.layers(r.body());
    }

    @Test
    void eventsAppearOnceTheyHaveHappened() {
        Set<String> before = ids(tile("collections=events&datetime=2025-10-20"), "events");
        Set<String> after = ids(tile("collections=events&datetime=2025-10-21"), "events");
        assertThat(before).doesNotContain("2025-10-21-transit-ban-lifted").contains("2022-09-13-september-fighting");
        assertThat(after).contains("2025-10-21-transit-ban-lifted", "2022-09-13-september-fighting");
    }

    @Test
    void regimesAndLinesOfTheDay() {
        var before = tile("collections=route-segments,boundary-lines&scenario=observed&datetime=2025-10-20");
        var after = tile("collections=route-segments,boundary-lines&scenario=observed&datetime=2025-10-21");
        assertThat(regimeOf(before, "AZE")).isEqualTo("CLOSED");
        assertThat(regimeOf(after, "AZE")).isEqualTo("INTL-TRANSIT");
        TreeSet<String> maps = new TreeSet<>();
        tile("collections=boundary-lines&datetime=2023-01-01").get("boundary-lines").features().forEach(f -> maps.add((String) f.get("map_id")));
        assertThat(maps).containsExactly("de-facto-2022", "reference-osm-2017");
        assertThat(client.getBytes("/tiles/WebMercatorQuad/5/12/20?datetime=yesterday").statusCode()).isEqualTo(400);
    }

    private static String regimeOf(Map<String, MvtReader.Layer> tile, String country) {
        return tile.get("route-segments").features().stream()
                .filter(f -> "baku-yerevan-rail-via-azerbaijan-georgia".equals(f.get("route_id")) && country.equals(f.get("country")))
                .map(f -> (String) f.get("regime")).findFirst().orElseThrow(() -> new AssertionError("no " + country + " segment"));
    }

    private static Set<String> ids(Map<String, MvtReader.Layer> tile, String layer) {
        TreeSet<String> ids = new TreeSet<>();
        tile.get(layer).features().forEach(f -> ids.add((String) f.get("id")));
        return ids;
    }
}
