package org.corridorgis.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The state on a date: the events collection, regimes with validity in time (the observed scenario), the de facto
 * line before 2024 and the dates of the Sept 2022 areas. Expected dates and figures are the fact sheet's; expected
 * sets are worked out by hand from it or asked of PostGIS with hand-written SQL.
 */
class TimeAndEventsTest extends ServiceTestBase {

    /** Events the issue names, by the date the fact sheet gives for each. */
    private static final Map<String, String> REQUIRED = Map.ofEntries(
            Map.entry("2020-11-10", "Trilateral statement"), Map.entry("2021-05-12", "May 2021"),
            Map.entry("2021-11-16", "Clashes"), Map.entry("2022-09-13", "13–14 Sept 2022"),
            Map.entry("2023-09-19", "Lachin corridor closed"), Map.entry("2024-04-19", "Tavush–Gazakh"),
            Map.entry("2024-08-30", "Regulations"), Map.entry("2025-01-16", "tripoint"),
            Map.entry("2025-03-13", "treaty text agreed"), Map.entry("2025-08-08", "TRIPP announced"),
            Map.entry("2025-10-21", "lifts its ban on transit"), Map.entry("2025-11-08", "First train"),
            Map.entry("2026-01-13", "TRIPP Implementation Framework"), Map.entry("2026-06-07", "election"));

    @Test
    void atLeastThirtySourcedEventsIncludingEveryOneTheIssueNames() {
        JsonNode all = client.json("/collections/events/items?limit=1000");
        assertThat(all.path("features").size()).isGreaterThanOrEqualTo(30);
        List<String> missing = new ArrayList<>();
        REQUIRED.forEach((date, words) -> {
            boolean found = false;
            for (JsonNode f : all.path("features")) {
                JsonNode p = f.path("properties");
                if (p.path("event_date").asString().equals(date)
                        && p.path("title").asString().toLowerCase().contains(words.toLowerCase())) {
                    found = true;
                }
            }
            if (!found) {
                missing.add(date + " " + words);
            }
        });
        assertThat(missing).isEmpty();
        // every event cites a source that exists, and every feature it names exists
        assertThat(jdbc.sql("""
                select count(*) from corridor.events e, unnest(e.sources) s
                 where not exists (select 1 from corridor.sources x where x.id = s)""").query(Integer.class).single()).isZero();
        List<String> dangling = jdbc.sql("""
                select e.id || ' -> ' || c from corridor.events e, unnest(e.changed) c
                 where not exists (
                   select 1 from (select 'disputed-areas/' || id as ref from corridor.disputed_areas
                                  union all select 'routes/' || id from corridor.routes
                                  union all select 'checkpoints/' || id from corridor.checkpoints
                                  union all select 'boundary-maps/' || id from corridor.boundary_maps
                                  union all select 'boundary-lines/' || id from corridor.boundary_lines
                                  union all select 'control-regimes/' || id from corridor.control_regimes
                                  union all select 'scenarios/' || id from corridor.scenarios) f where f.ref = c)""")
                .query(String.class).list();
        assertThat(dangling).isEmpty();
        assertThat(jdbc.sql("select count(*) from corridor.events where accuracy is null").query(Integer.class).single()).isZero();
    }

    @Test
    void eventsCarryTheGeometryOfWhatTheyChanged() {
        // Sept 2022: 60.06 km² near Jermuk + the unlocated 79.94 km² (of ~140 km², Gen. Asryan) = 140 km², each area
        // grown to within 0.1 % of its figure
        JsonNode sept = client.json("/collections/events/items/2022-09-13-september-fighting");
        assertThat(sept.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        double km2 = jdbc.sql("select ST_Area(geom::geography) / 1e6 from corridor.events where id = '2022-09-13-september-fighting'")
                .query(Double.class).single();
        assertThat(km2).isBetween(140 * 0.999, 140 * 1.001);
        // the transit ban lifted on 21 Oct 2025 is drawn on the rail route it opened
        JsonNode ban = client.json("/collections/events/items/2025-10-21-transit-ban-lifted");
        assertThat(ban.path("geometry").path("type").asString()).endsWith("LineString");
        assertThat(ban.path("properties").path("changed").toString()).contains("routes/baku-yerevan-rail-via-azerbaijan-georgia");
        // a statement with no place has no geometry
        assertThat(client.json("/collections/events/items/2025-03-13-treaty-text-agreed").path("geometry").isNull()).isTrue();
    }

    @Test
    void eventsOnADayAreTheOnesOfThatDay() {
        assertThat(ids("/collections/events/items?datetime=2025-10-21")).containsExactly("2025-10-21-transit-ban-lifted");
        // Oct 2024 is known to the month only: any day of it finds the ratification
        assertThat(ids("/collections/events/items?datetime=2024-10-15")).containsExactly("2024-10-regulations-ratified");
    }

    @Test
    void theSeptember2022AreasBeginOnThe13th() {
        List<String> since = jdbc.sql("select distinct since::text || ' ' || since_precision from corridor.disputed_areas where id like 'sept-2022-%'")
                .query(String.class).list();
        assertThat(since).containsExactly("2022-09-13 day");
        assertThat(ids("/collections/disputed-areas/items?datetime=2022-09-12&filter=id%20LIKE%20'sept-2022-%25'")).isEmpty();
        assertThat(ids("/collections/disputed-areas/items?datetime=2022-09-13&filter=id%20LIKE%20'sept-2022-%25'")).hasSize(5);
    }

    @Test
    void aDeFactoLineExistsOnEveryDaySinceNovember2020() {
        // 1 Jan 2023: after Sept 2022, before Tegh (30 Mar 2023)
        assertThat(mapsOf("/collections/boundary-lines/items?limit=1000&datetime=2023-01-01"))
                .containsExactly("de-facto-2022", "reference-osm-2017");
        assertThat(mapsOf("/collections/boundary-lines/items?limit=1000&datetime=2021-01-01"))
                .containsExactly("de-facto-2020", "reference-osm-2017");
        assertThat(mapsOf("/collections/boundary-lines/items?limit=1000&datetime=2024-05-23"))
                .containsExactly("de-facto-2023", "reference-osm-2017");
        assertThat(mapsOf("/collections/boundary-lines/items?limit=1000&datetime=2024-05-24"))
                .containsExactly("de-facto-2024", "reference-osm-2017", "tavush-gazakh-2024");
        assertThat(mapsOf("/collections/boundary-lines/items?limit=1000&datetime=2020-06-01")).containsExactly("reference-osm-2017");
        // the 2022 line runs round the area near Jermuk (some of its outline lies on the line); the 2021 line does not
        String shared = """
                select count(*) from corridor.disputed_areas a, ST_DumpPoints(a.geom) p
                 where a.id = 'sept-2022-jermuk'
                   and exists (select 1 from corridor.boundary_lines l where l.map_id = ? and ST_DWithin(l.geom, p.geom, 1e-6))
                   and not exists (select 1 from corridor.boundary_lines l where l.map_id = 'reference-osm-2017' and ST_DWithin(l.geom, p.geom, 1e-6))""";
        assertThat(jdbc.sql(shared).param("de-facto-2022").query(Integer.class).single()).isPositive();
        assertThat(jdbc.sql(shared).param("de-facto-2021").query(Integer.class).single()).isZero();
    }

    @Test
    void observedRegimesChangeWithTheTransitBan() {
        String route = "/collections/routes/items/baku-yerevan-rail-via-azerbaijan-georgia?scenario=observed";
        // Azerbaijan lifted its ban on transit to Armenia on 21 Oct 2025 (RFE/RL)
        assertThat(azeSegment(route + "&datetime=2025-10-20").path("regime").asString()).isEqualTo("CLOSED");
        assertThat(azeSegment(route + "&datetime=2025-10-20").path("open").asBoolean()).isFalse();
        assertThat(azeSegment(route + "&datetime=2025-10-21").path("regime").asString()).isEqualTo("INTL-TRANSIT");
        assertThat(azeSegment(route + "&datetime=2025-10-21").path("open").asBoolean()).isTrue();
        // without a datetime: today, which is after the ban was lifted
        JsonNode today = client.json(route);
        assertThat(today.path("properties").path("regimes_at").asString()).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        assertThat(azeSegment(route).path("regime").asString()).isEqualTo("INTL-TRANSIT");
        // a proposal is a scenario without periods: the same on any date
        String crossroads = "/collections/routes/items/baku-yerevan-rail-via-azerbaijan-georgia?scenario=crossroads-of-peace-2023";
        assertThat(azeSegment(crossroads + "&datetime=2021-01-01").path("regime").asString()).isEqualTo("NATIONAL");
        // checkpoints: Margara staffed from 1 Mar 2025, the Aras bridge complete from 23 Feb 2026, both still closed
        JsonNode bridge = client.json("/collections/checkpoints/items/aghband-kalaleh-bridge?scenario=observed&datetime=2026-02-23");
        assertThat(bridge.path("properties").path("scenario_regimes").get(0).path("basis").asString()).contains("built");
        assertThat(bridge.path("properties").path("scenario_regimes").get(0).path("open").asBoolean()).isFalse();
    }

    @Test
    void routeComparisonUsesTheRegimesOfTheDay() {
        String base = "/analysis/routes/compare?routes=baku-yerevan-rail-via-azerbaijan-georgia&scenario=observed&datetime=";
        JsonNode before = client.json(base + "2025-10-20");
        JsonNode after = client.json(base + "2025-11-08");
        assertThat(before.path("datetime").asString()).isEqualTo("2025-10-20");
        assertThat(before.path("routes").get(0).path("open").asBoolean()).isFalse();
        assertThat(after.path("routes").get(0).path("open").asBoolean()).isTrue();
        assertThat(client.get(base + "20251020").statusCode()).isEqualTo(400);
    }

    private JsonNode azeSegment(String path) {
        JsonNode regimes = client.json(path).path("properties").path("scenario_regimes");
        assertThat(regimes.size()).as(path).isEqualTo(1);
        for (JsonNode s : regimes.get(0).path("segments")) {
            if (s.path("country").asString().equals("AZE")) {
                return s;
            }
        }
        throw new AssertionError("no AZE segment in " + path);
    }

    private List<String> ids(String path) {
        List<String> ids = new ArrayList<>();
        client.json(path).path("features").forEach(f -> ids.add(f.path("id").asString()));
        return ids;
    }

    private TreeSet<String> mapsOf(String path) {
        TreeSet<String> maps = new TreeSet<>();
        client.json(path + "&properties=map_id").path("features").forEach(f -> maps.add(f.path("properties").path("map_id").asString()));
        return maps;
    }
}
