package org.corridorgis.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Lachin corridor as it was (10 Nov 2020 – Sept 2023): its route through places with cited coordinates, its
 * crossing of the Armenia–Azerbaijan line, and who controlled that crossing on each date. Expected values are
 * worked out by hand from the places' cited coordinates (degrees, minutes, seconds as the pages give them) and
 * from the fact sheet's dates, or asked of PostGIS with hand-written SQL.
 */
class LachinCorridorTest extends ServiceTestBase {

    private static final String ROUTE = "goris-khankendi-lachin-corridor";
    private static final String CROSSING = "lachin-corridor-crossing";

    @Test
    void theRouteRunsThroughTheCitedPlacesInOrder() {
        JsonNode route = client.json("/collections/routes/items/" + ROUTE);
        JsonNode p = route.path("properties");
        assertThat(p.path("accuracy").asString()).isEqualTo("schematic");
        assertThat(p.path("mode").asString()).isEqualTo("road");
        assertThat(p.path("valid_from").asString()).isEqualTo("2020-11-10");  // the 10 Nov 2020 statement, point 6
        assertThat(p.path("valid_to").asString()).isEqualTo("2023-09-30");    // closed in Sept 2023 (end of the month)
        // vertices: Goris (places.csv), Kornidzor 39°32′53″N 46°31′52″E, Lachin 39°38′27″N 46°32′49″E,
        // Shusha 39°45.5′N 44.9′E, Stepanakert 39°48′55″N 46°45′7″E, each rounded to 3 decimals
        double[][] expected = {{46.342, 39.511}, {46.531, 39.548}, {46.547, 39.641}, {46.748, 39.758}, {46.752, 39.815}};
        JsonNode coords = route.path("geometry").path("coordinates");
        assertThat(coords.size()).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(coords.get(i).get(0).asDouble()).isCloseTo(expected[i][0], within(1e-6));
            assertThat(coords.get(i).get(1).asDouble()).isCloseTo(expected[i][1], within(1e-6));
        }
        // by hand (1° lat = 111.1 km, 1° lon = 111.3 km × cos lat): 16.75 + 10.43 + 21.57 + 6.34 = 55.09 km
        double km = jdbc.sql("select ST_Length(geom::geography) / 1000 from corridor.routes where id = ?").param(ROUTE)
                .query(Double.class).single();
        assertThat(km).isCloseTo(55.09, within(0.5));
        // Armenia first (Goris–Kornidzor and on to the line), then Azerbaijan
        List<String> countries = jdbc.sql("select country from corridor.route_segments where route_id = ? order by seq").param(ROUTE)
                .query(String.class).list();
        assertThat(countries).containsExactly("ARM", "AZE");
        double armKm = jdbc.sql("select length_km from corridor.route_segments where route_id = ? and country = 'ARM'").param(ROUTE)
                .query(Double.class).single();
        // Goris–Kornidzor 16.75 km, plus the part of the Kornidzor–Lachin leg (10.43 km) before the line
        assertThat(armKm).isBetween(16.75, 16.75 + 10.43);
    }

    @Test
    void itsOneBorderCrossingHasACheckpointRecordOnTheLine() {
        assertThat(client.json("/collections/routes/items/" + ROUTE).path("properties").path("checkpoints").toString())
                .isEqualTo("[\"" + CROSSING + "\"]");
        // the route meets the shared ARM–AZE boundary of the country polygons exactly once, at the checkpoint
        assertThat(jdbc.sql("""
                select ST_NumGeometries(ST_Intersection(r.geom, ST_Intersection(ST_Boundary(a.geom), ST_Boundary(z.geom))))
                  from corridor.routes r, corridor.countries a, corridor.countries z
                 where r.id = ? and a.iso3 = 'ARM' and z.iso3 = 'AZE'""").param(ROUTE).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select ST_DWithin(c.geom, ST_Intersection(ST_Boundary(a.geom), ST_Boundary(z.geom)), 1e-5)
                  from corridor.checkpoints c, corridor.countries a, corridor.countries z
                 where c.id = ? and a.iso3 = 'ARM' and z.iso3 = 'AZE'""").param(CROSSING).query(Boolean.class).single()).isTrue();
        JsonNode cp = client.json("/collections/checkpoints/items/" + CROSSING).path("properties");
        assertThat(cp.path("states").toString()).isEqualTo("[\"ARM\",\"AZE\"]");
        assertThat(cp.path("accuracy").asString()).isEqualTo("schematic");
        assertThat(cp.path("valid_to").asString()).isEqualTo("2023-09-30");
        // between Kornidzor (39.548 N) and Lachin (39.641 N) on the leg that joins them
        double lat = client.json("/collections/checkpoints/items/" + CROSSING).path("geometry").path("coordinates").get(1).asDouble();
        assertThat(lat).isBetween(39.548, 39.641);
    }

    @Test
    void whoControlledTheCrossingDependsOnTheDate() {
        String observed = "/collections/checkpoints/items/" + CROSSING + "?scenario=observed&datetime=";
        // point 6 of the 10 Nov 2020 statement: under Russian peacekeepers
        assertThat(regime(observed + "2020-11-10")).isEqualTo("RUS-PEACEKEEPERS true");
        assertThat(regime(observed + "2022-12-11")).isEqualTo("RUS-PEACEKEEPERS true");
        // blockade from 12 Dec 2022
        assertThat(regime(observed + "2022-12-12")).isEqualTo("CLOSED false");
        assertThat(regime(observed + "2023-04-22")).isEqualTo("CLOSED false");
        // Azerbaijani checkpoint at the Hakari bridge from 23 Apr 2023, both sides' accounts in the regime
        assertThat(regime(observed + "2023-04-23")).isEqualTo("AZE-CHECKPOINT false");
        JsonNode regime = client.json("/collections/control-regimes/items/azerbaijani-checkpoint-lachin").path("properties");
        assertThat(regime.path("description").asString()).contains("passport control").contains("Armenia called it");
        assertThat(regime.path("sources").toString()).contains("mirrorspectator-2023-04-27").contains("civilnet-698302");
        // the 2020 statement's own scenario keeps the peacekeepers, whatever the date
        assertThat(regime("/collections/checkpoints/items/" + CROSSING + "?scenario=trilateral-statement-2020&datetime=2023-06-01"))
                .isEqualTo("RUS-PEACEKEEPERS true");
    }

    @Test
    void theRecordEndsWithTheClosureAndTheEventsPointAtIt() {
        assertThat(ids("/collections/routes/items?limit=100&datetime=2023-09-30")).contains(ROUTE);
        assertThat(ids("/collections/routes/items?limit=100&datetime=2023-10-01")).doesNotContain(ROUTE);
        assertThat(ids("/collections/checkpoints/items?limit=100&datetime=2020-11-09")).doesNotContain(CROSSING);
        assertThat(ids("/collections/checkpoints/items?limit=100&datetime=2021-06-01")).contains(CROSSING);
        JsonNode hakari = client.json("/collections/events/items/2023-04-23-hakari-checkpoint");
        assertThat(hakari.path("properties").path("changed").toString()).contains("checkpoints/" + CROSSING);
        assertThat(jdbc.sql("select ST_Equals(e.geom, c.geom) from corridor.events e, corridor.checkpoints c "
                + "where e.id = '2023-04-23-hakari-checkpoint' and c.id = ?").param(CROSSING).query(Boolean.class).single()).isTrue();
        for (String event : List.of("2022-12-12-lachin-blockade", "2023-09-19-offensive-lachin-closed")) {
            assertThat(client.json("/collections/events/items/" + event).path("properties").path("changed").toString())
                    .as(event).contains("routes/" + ROUTE);
        }
    }

    private String regime(String path) {
        JsonNode r = client.json(path).path("properties").path("scenario_regimes");
        assertThat(r.size()).as(path).isEqualTo(1);
        return r.get(0).path("regime").asString() + " " + r.get(0).path("open").asBoolean();
    }

    private List<String> ids(String path) {
        List<String> ids = new ArrayList<>();
        client.json(path).path("features").forEach(f -> ids.add(f.path("id").asString()));
        return ids;
    }
}
