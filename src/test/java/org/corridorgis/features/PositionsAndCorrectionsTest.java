package org.corridorgis.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Positions attributed per party, the regimes and scenarios that encode them, and the corrected figures: expected
 * values are the fact sheet's (the 2020 statement's point 9, the 12.7 km Tavush–Gazakh line, the even splits).
 */
class PositionsAndCorrectionsTest extends ServiceTestBase {

    /** Topics the issue asks for, with the parties whose position on each the fact sheet gives. */
    private static final Map<String, List<String>> TOPICS = Map.of(
            "treaty form", List.of("ARM", "AZE"),
            "map basis", List.of("ARM", "AZE", "joint"),
            "controls on the route through Syunik", List.of("ARM", "AZE"),
            "guarantors and dispute mechanism", List.of("ARM", "AZE"),
            "security of Armenian transit through Azerbaijan", List.of("ARM"),
            "constitution", List.of("AZE"),
            "third-party forces on the border", List.of("EU", "RUS", "joint"),
            "2020 statement, point 9", List.of("joint"));

    @Test
    void everyTopicHasTheAttributedPositions() {
        JsonNode all = client.json("/collections/positions/items?limit=1000");
        List<String> missing = new ArrayList<>();
        TOPICS.forEach((topic, parties) -> {
            for (String party : parties) {
                boolean found = false;
                for (JsonNode f : all.path("features")) {
                    JsonNode p = f.path("properties");
                    found |= p.path("topic").asString().equals(topic) && p.path("party").asString().equals(party)
                            && p.path("sources").size() > 0 && !p.path("stated_by").asString().isBlank();
                }
                if (!found) {
                    missing.add(topic + " / " + party);
                }
            }
        });
        assertThat(missing).isEmpty();
        // the seed analysis is itself a source
        assertThat(client.json("/collections/sources/items/apri-poghosyan-2024-01").path("properties").path("publisher").asString())
                .isEqualTo("APRI Armenia");
        assertThat(client.json("/collections/positions/items?limit=1000&filter=" + java.net.URLEncoder.encode(
                "A_CONTAINS(sources, ('apri-poghosyan-2024-01'))", java.nio.charset.StandardCharsets.UTF_8)).path("features").size())
                .isGreaterThanOrEqualTo(6);
    }

    @Test
    void regimesAndScenariosNameThePositionsTheyEncode() {
        List<String> dangling = jdbc.sql("""
                select 'regime ' || r.id || ' -> ' || p from corridor.control_regimes r, unnest(r.positions) p
                 where not exists (select 1 from corridor.positions x where x.id = p)
                union all
                select 'scenario ' || s.id || ' -> ' || p from corridor.scenarios s, unnest(s.positions) p
                 where not exists (select 1 from corridor.positions x where x.id = p)""").query(String.class).list();
        assertThat(dangling).isEmpty();
        JsonNode national = client.json("/collections/control-regimes/items/national");
        assertThat(national.path("properties").path("positions").toString()).contains("arm-syunik-controls");
        JsonNode aze = client.json("/collections/scenarios/items/azerbaijan-position-2024");
        assertThat(aze.path("properties").path("positions").toString()).contains("aze-syunik-no-controls", "aze-no-guarantors");
    }

    @Test
    void pointNineOfThe2020StatementAsWritten() {
        // Armenia guarantees the link's security; Russia's border guards oversee it (they are not guarantors)
        JsonNode fsb = client.json("/collections/control-regimes/items/russian-border-guards").path("properties");
        assertThat(fsb.path("guarantors").toString()).isEqualTo("[\"ARM\"]");
        assertThat(fsb.path("overseen_by").toString()).isEqualTo("[\"RUS\"]");
        // all links unblocked: Armenian transit through Azerbaijan is open under that scenario; no segment is "closed, not addressed"
        JsonNode route = client.json("/collections/routes/items/baku-yerevan-rail-via-azerbaijan-georgia?scenario=trilateral-statement-2020");
        boolean anyNotAddressed = false;
        for (JsonNode s : route.path("properties").path("scenario_regimes").get(0).path("segments")) {
            anyNotAddressed |= !s.path("open").asBoolean() && s.path("basis").asString().contains("not addressed");
            if (s.path("country").asString().equals("AZE")) {
                assertThat(s.path("open").asBoolean()).isTrue();
                assertThat(s.path("regime").asString()).isEqualTo("ART9-UNBLOCKED");
            }
        }
        assertThat(anyNotAddressed).isFalse();
        // the route analysis counts the check under oversight as Russia's
        JsonNode cmp = client.json("/analysis/routes/compare?routes=baku-nakhchivan-via-meghri&scenario=trilateral-statement-2020");
        boolean russian = false;
        for (JsonNode c : cmp.path("routes").get(0).path("checkpoints")) {
            russian |= c.path("controlled_by").toString().equals("[\"RUS\"]");
        }
        assertThat(russian).isTrue();
    }

    @Test
    void evenSplitsAreTargetsNotCitedFigures() {
        // 41 km² (May 2021) split among 3 places; (140 − 60.06) km² (Sept 2022) among 4: targets, no cited figure
        List<Map<String, Object>> rows = jdbc.sql("""
                select id, cited_area_km2, target_km2 from corridor.disputed_areas
                 where id like 'may-2021-%' or id in ('sept-2022-sotk','sept-2022-vardenis','sept-2022-goris','sept-2022-kapan')
                 order by id""").query().listOfRows();
        assertThat(rows).hasSize(7);
        for (Map<String, Object> r : rows) {
            assertThat(r.get("cited_area_km2")).as(r.get("id").toString()).isNull();
            double expected = r.get("id").toString().startsWith("may") ? 13.667 : 19.985; // 41 / 3, 79.94 / 4
            assertThat(((Number) r.get("target_km2")).doubleValue()).as(r.get("id").toString()).isEqualTo(expected);
        }
        // the figure near Jermuk is cited as such (Gen. Asryan)
        assertThat(jdbc.sql("select cited_area_km2 from corridor.disputed_areas where id = 'sept-2022-jermuk'").query(Double.class).single())
                .isEqualTo(60.06);
    }

    @Test
    void theTavushGazakhLineIsCitedAs12Point7KmPreliminarilyAgreed() {
        JsonNode map = client.json("/collections/boundary-maps/items/tavush-gazakh-2024").path("properties");
        assertThat(map.path("description").asString()).contains("12.7 km").contains("preliminarily agreed");
        // the section of the reference line it replaces is 12.7 km long (hand-checked: 6.35 km either side of the midpoint)
        JsonNode line = client.json("/collections/boundary-lines/items/tavush-gazakh-2024:tavush-gazakh").path("properties");
        assertThat(line.path("note").asString()).contains("12.7 km taken along it, cited 12.7 km");
    }

    @Test
    void everyBorderARouteCrossesHasACheckpointRecord() {
        // the pairs of states each route passes between, from its segments in order (hand-written SQL), each must
        // have a checkpoint of that route whose states are that pair
        List<String> missing = jdbc.sql("""
                with steps as (
                  select route_id, country, lag(country) over (partition by route_id order by seq) as prev
                    from corridor.route_segments)
                select distinct s.route_id || ': ' || least(s.prev, s.country) || '–' || greatest(s.prev, s.country)
                  from steps s join corridor.routes r on r.id = s.route_id
                 where s.prev is not null and s.prev <> s.country
                   and not exists (select 1 from corridor.checkpoints c
                                    where c.id = any (r.checkpoints) and c.states @> array[s.prev, s.country])""")
                .query(String.class).list();
        assertThat(missing).isEmpty();
        assertThat(jdbc.sql("select status from corridor.checkpoints where id = 'ijevan-gazakh-rail-crossing'").query(String.class).single())
                .isEqualTo("closed");
    }

    @Test
    void noCollectionLeavesAccuracyOpen() {
        for (String table : List.of("countries", "boundary_maps", "boundary_lines", "disputed_areas", "routes", "route_segments",
                "checkpoints", "control_regimes", "scenarios", "events", "positions")) {
            assertThat(jdbc.sql("select count(*) from corridor." + table + " where accuracy is null").query(Integer.class).single())
                    .as(table).isZero();
        }
    }

    @Test
    void aliasesAndEachSidesNamesAreSearchable() {
        assertThat(filterIds("routes", "A_CONTAINS(aliases, ('Zangezur corridor'))")).containsExactly("baku-nakhchivan-via-meghri");
        assertThat(filterIds("routes", "A_CONTAINS(aliases, ('TRIPP'))")).containsExactly("baku-nakhchivan-via-meghri");
        assertThat(filterIds("disputed-areas", "A_CONTAINS(aliases, ('Başkənd'))")).containsExactly("artsvashen");
        assertThat(filterIds("disputed-areas", "A_CONTAINS(aliases, ('Verin Voskepar'))")).containsExactly("yukhari-askipara");
        assertThat(filterIds("disputed-areas", "A_CONTAINS(aliases, ('Qaragöl'))")).containsExactly("may-2021-sev-lich");
        JsonNode names = client.json("/collections/disputed-areas/items/artsvashen").path("properties").path("names");
        assertThat(names.path("hy").asString()).isEqualTo("Artsvashen");
        assertThat(names.path("az").asString()).isEqualTo("Başkənd");
        // sources have room for url and language
        JsonNode ru = client.json("/collections/sources/items/wikipedia-ru-barkhudarly").path("properties");
        assertThat(ru.path("language").asString()).isEqualTo("ru");
        assertThat(ru.has("url")).isTrue();
    }

    @Test
    void theAgarakNurduzRoadIsCrossedByTheMeghriLine() {
        assertThat(jdbc.sql("""
                select ST_Intersects(a.geom, b.geom) from corridor.routes a, corridor.routes b
                 where a.id = 'agarak-nurduz-road' and b.id = 'baku-nakhchivan-via-meghri'""").query(Boolean.class).single()).isTrue();
        // it ends at Armenia's only land crossing with Iran
        assertThat(jdbc.sql("select checkpoints from corridor.routes where id = 'agarak-nurduz-road'").query(String.class).single())
                .isEqualTo("{agarak-nurduz}");
        // the railway is cited at 110.4 km (Trend); drawn on the 112 km highway's line, within 10 %
        double km = jdbc.sql("select ST_Length(geom::geography) / 1000 from corridor.routes where id = 'horadiz-aghband-rail'")
                .query(Double.class).single();
        assertThat(km).isBetween(110.4 * 0.9, 110.4 * 1.1);
    }

    @Test
    void travelTimeIsReconciledWithTheCitedJourneyTime() {
        JsonNode body = client.json("/analysis/routes/compare?routes=baku-nakhchivan-via-iran-historic-road&scenario=observed");
        assertThat(body.path("parameter_basis").path("speed.road").asString()).startsWith("assumption");
        JsonNode route = body.path("routes").get(0);
        JsonNode r = route.path("reconciliation");
        // Baku–Nakhchivan bus via Iran: ~12 h, ~8 h by 2019 (today.az 200347)
        assertThat(r.path("cited_hours").asString()).isEqualTo("8.0–12.0");
        double computed = route.path("transit_time").path("total_hours").asDouble();
        assertThat(r.path("computed_hours").asDouble()).isEqualTo(computed);
        assertThat(r.path("verdict").asString()).isEqualTo(computed > 12 ? "above" : computed < 8 ? "below" : "within");
        assertThat(r.path("why").asString()).contains("assumed");
        JsonNode given = client.json("/analysis/routes/compare?routes=baku-nakhchivan-via-iran-historic-road&scenario=observed&speed.road=80");
        assertThat(given.path("parameter_basis").path("speed.road").asString()).isEqualTo("given in the request");
    }

    @Test
    void theTerritoryHeadlineShowsEachSidesFigureBesideTheTotal() {
        JsonNode headline = client.json("/analysis/territory").path("headline");
        List<String> cited = new ArrayList<>();
        headline.path("cited").forEach(c -> cited.add(c.path("party").asString() + ": " + c.path("position").asString()));
        assertThat(cited).anyMatch(c -> c.startsWith("ARM: About 200 km²"));
        assertThat(cited).anyMatch(c -> c.startsWith("ARM media: At least 215 km²"));
        assertThat(cited).anyMatch(c -> c.startsWith("AZE: Denies occupying Armenian land"));
        assertThat(headline.path("area_km2").asDouble()).isPositive();
    }

    private List<String> filterIds(String collection, String cql) {
        List<String> ids = new ArrayList<>();
        client.json("/collections/" + collection + "/items?limit=1000&filter=" + java.net.URLEncoder.encode(cql, java.nio.charset.StandardCharsets.UTF_8))
                .path("features").forEach(f -> ids.add(f.path("id").asString()));
        return ids;
    }
}
