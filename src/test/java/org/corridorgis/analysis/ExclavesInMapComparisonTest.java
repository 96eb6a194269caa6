package org.corridorgis.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;

import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The map comparison lists every exclave with its status. Those the compared maps draw (Artsvashen, Yukhari Askipara,
 * Barkhudarly: rings of the OSM-derived reference line) lie in an area between the lines; Karki, which the reference
 * polygons do not separate, is listed from its own schematic shape and kept out of the totals.
 */
class ExclavesInMapComparisonTest extends ServiceTestBase {

    @Test
    void everyExclaveIsListedWithItsStatus() {
        JsonNode result = client.json("/analysis/boundaries/compare?a=reference-osm-2017&b=de-facto-2024");
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        result.path("exclaves").forEach(e -> byId.put(e.path("id").asString(), e));
        assertThat(byId.keySet()).containsExactly("artsvashen", "barkhudarly", "karki", "sofulu", "yukhari-askipara");

        // Karki: claimed by Azerbaijan, held by Armenia (fact sheet); no map here draws it
        JsonNode karki = byId.get("karki");
        assertThat(karki.path("claimed_by").asString()).isEqualTo("AZE");
        assertThat(karki.path("controlled_by").asString()).isEqualTo("ARM");
        assertThat(karki.path("accuracy").asString()).isEqualTo("schematic");
        assertThat(karki.path("area_km2").asDouble()).isCloseTo(19.0, within(0.1));  // the cited 19 km²
        assertThat(karki.path("drawn_by").size()).isZero();
        assertThat(karki.path("counted").asBoolean()).isFalse();
        assertThat(karki.path("status").asString()).contains("drawn by neither map").contains("schematic");
        assertThat(karki.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        assertThat(result.path("notes").toString()).contains("Karki");
        // and indeed no area between the lines holds Karki's point (hand-written SQL over the answer's areas)
        for (JsonNode f : result.path("features")) {
            boolean holds = jdbc.sql("select ST_Intersects(ST_GeomFromGeoJSON(:face), ST_PointOnSurface(geom)) from corridor.disputed_areas where id = 'karki'")
                    .param("face", f.path("geometry").toString()).query(Boolean.class).single();
            assertThat(holds).as(f.path("id").asString()).isFalse();
        }

        // the exclaves the reference line draws as rings lie between the lines, in the direction of their status
        for (String[] x : new String[][] {{"yukhari-askipara", "(AZE→ARM)"}, {"barkhudarly", "(AZE→ARM)"}, {"artsvashen", "(ARM→AZE)"}}) {
            JsonNode e = byId.get(x[0]);
            assertThat(e.path("drawn_by").toString()).as(x[0]).isEqualTo("[\"reference-osm-2017\"]");
            assertThat(e.path("counted").asBoolean()).as(x[0]).isTrue();
            assertThat(e.path("faces").toString()).as(x[0]).contains(x[1]);
        }
        // Sofulu has no polygon (not in the OSM data, no coordinate)
        assertThat(byId.get("sofulu").path("geometry").isNull()).isTrue();
        assertThat(byId.get("sofulu").path("status").asString()).contains("no polygon");
    }

    @Test
    void theHtmlAnswerHasAnExclavesTable() {
        String html = client.get("/analysis/boundaries/compare?a=reference-osm-2017&b=de-facto-2024&f=html").body();
        assertThat(html).contains("<h2>Exclaves</h2>").contains("Karki").contains("drawn by neither map");
    }
}
