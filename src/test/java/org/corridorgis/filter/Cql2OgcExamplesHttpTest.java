package org.corridorgis.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.corridorgis.support.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The OGC CQL2 examples (src/test/resources/org/corridorgis/filter/examples) through the HTTP endpoint, on a small
 * collection of our own with the columns the examples name: the text and JSON forms must answer the same features
 * (or the same 400), and the examples whose outcome is obvious from the rows must match exactly those rows.
 */
@PostgisIntegrationTest
class Cql2OgcExamplesHttpTest {

    static final String TABLE = "cqlit_examples";
    static final String COLLECTION = "cqlit-examples";

    @LocalServerPort
    int port;

    @BeforeAll
    static void createCollection(@Autowired JdbcClient jdbc) {
        dropCollection(jdbc);
        jdbc.sql("""
            create table corridor.cqlit_examples (
              id text primary key,
              geom geometry(Geometry, 4326), road geometry(Geometry, 4326), footprint geometry(Geometry, 4326),
              city text, "cityName" text, name text, road_class text, etat_vol text, "beamMode" text,
              "swathDirection" text, polarization text, material text, "geophys:SURVEY_NAME" text,
              balance numeric, depth numeric, vehicle_height numeric, bridge_clearance numeric,
              "eo:cloud_cover" numeric, value numeric,
              category integer, "landsat:wrs_row" integer, "landsat:wrs_path" integer, floors integer,
              swimming_pool boolean, updated date, starts_at date, ends_at date,
              event_time timestamptz, touchdown timestamptz, "liftOff" timestamptz, "layer:ids" text[])
            """).update();
        jdbc.sql("""
            insert into corridor.cqlit_examples values
            ('e1', ST_GeomFromText('POINT(36.319836 32.288087)', 4326),
             ST_GeomFromText('LINESTRING(43.72992 -79.2998, 43.73005 -79.2991, 43.73006 -79.2984, 43.73140 -79.2956,
               43.73259 -79.2950, 43.73266 -79.2945, 43.73320 -79.2936, 43.73378 -79.2936, 43.73486 -79.2917)', 4326),
             ST_GeomFromText('POINT(-77.0 39.0)', 4326),
             'Toronto', 'Toronto', 'Smith Anne', 'STRAßE', 'débarquer', 'ScanSAR Narrow', 'ascending', 'HH+VV+HV+VH',
             'red brick', 'Calcutta 1999', 200, 120, 5, 5.5, 0.05, 15, 5, 28, 203, 6, true, '1980-01-01',
             '2017-06-11', '2017-06-11', '1969-07-20T20:17:40Z', '1969-07-20T20:17:40Z', '1969-07-21T17:54:00Z',
             '{layers-ca,layers-us}'),
            ('e2', ST_GeomFromText('POLYGON((-10 -10, 10 -10, 10 10, -10 10, -10 -10))', 4326),
             ST_GeomFromText('LINESTRING(0 0, 1 1)', 4326), ST_GeomFromText('POINT(0 0)', 4326),
             'Frankfurt', 'Frankfurt', 'Jones', 'road', 'debarquer', 'ScanSAR Wide', 'descending', 'HH',
             'wood', 'Bombay 2001', -150, 99, 5, 7, 0.5, 25, 3, 27, 203, 3, false, '2013-01-01',
             '1991-10-07', '2010-02-10', '1969-08-01T00:00:00Z', '1969-07-16T13:32:00Z', '1969-07-25T00:00:00Z',
             '{layers-ca}'),
            ('e3', ST_GeomFromText('LINESTRING(0 0, 20 20)', 4326), null, null,
             'Tokyo', 'Tokyo', 'foo bar', 'Οδος', 'arrivee', null, null, null,
             'brick', null, 0, 150, 4, 3, null, 5, 1, null, null, 10, true, '2012-08-10',
             '2005-01-10', '2010-02-10', null, null, null, '{}'),
            ('e4', null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
             null, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
            ('e5', ST_GeomFromText('MULTIPOINT((7 50), (10 51))', 4326), null, null,
             'Osaka', 'New York', 'Smithers', null, null, null, null, null, 'stone', null, 1, 1, 1, 3, 1, 1, 7,
             28, 203, 1, null, '1851-04-29', '1991-10-07', '1992-10-09', '1969-07-16T06:00:00Z', null, null,
             '{layers-ca,layers-us,layers-mx}')
            """).update();
        jdbc.sql("insert into corridor.collection (id, table_name, title, description, geometry_type, sort_order) "
            + "values (?, ?, 'CQL2 examples (test)', 'rows for the OGC CQL2 examples', 'MultiPolygon', 9999)")
            .params(COLLECTION, TABLE).update();
        jdbc.sql("select corridor.track_changes(?)").param(TABLE).query().singleValue();
    }

    @AfterAll
    static void dropCollection(@Autowired JdbcClient jdbc) {
        jdbc.sql("delete from corridor.collection where id = ?").param(COLLECTION).update();
        jdbc.sql("drop table if exists corridor.cqlit_examples").update();
        jdbc.sql("delete from corridor.table_version where table_name = ?").param(TABLE).update();
    }

    /** Examples whose result is plain from the rows above. */
    static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("clause6_02a", List.of("e1"));
        EXPECTED.put("clause6_02c", List.of("e1"));
        EXPECTED.put("clause6_02d", List.of("e1", "e2", "e3"));
        EXPECTED.put("clause6_03", List.of("e1", "e2", "e3", "e5"));
        EXPECTED.put("clause7_01", List.of("e1", "e5"));
        EXPECTED.put("clause7_02", List.of("e1", "e3"));
        EXPECTED.put("clause7_03a", List.of("e1", "e2", "e3", "e5"));
        EXPECTED.put("clause7_03b", List.of("e1", "e5"));
        EXPECTED.put("clause7_04", List.of("e1", "e3"));
        EXPECTED.put("clause7_05", List.of("e1", "e2"));
        EXPECTED.put("clause7_07", List.of("e1"));
        EXPECTED.put("clause7_10", List.of("e1"));
        EXPECTED.put("clause7_15", List.of("e1", "e5"));
        EXPECTED.put("clause7_19", List.of("e1", "e3"));
        EXPECTED.put("example04", List.of("e1"));
        EXPECTED.put("example08", List.of("e1"));
        EXPECTED.put("example16", List.of("e1", "e3"));
        EXPECTED.put("example28", List.of("e1"));
        EXPECTED.put("example37", List.of("e1"));
        EXPECTED.put("example52", List.of("e2"));
        EXPECTED.put("example58", List.of("e5"));
        EXPECTED.put("example68", List.of("e1"));
        EXPECTED.put("example69", List.of("e1", "e2", "e3", "e5"));
        EXPECTED.put("example70", List.of("e1", "e2", "e5"));
        EXPECTED.put("example73", List.of("e5"));
        EXPECTED.put("example75", List.of());
    }

    @Test
    void textAndJsonFormsAnswerTheSameFeatures() {
        Cql2Http h = new Cql2Http(port);
        List<String> rejected = new ArrayList<>();
        int nonEmpty = 0;
        StringBuilder report = new StringBuilder();
        for (String name : Cql2ExamplesTest.NAMES) {
            String text = Cql2ExamplesTest.read(name + ".txt").strip();
            String json = Cql2ExamplesTest.read(name + ".json").strip();
            Cql2Http.Answer t = h.items(COLLECTION, text, null);
            Cql2Http.Answer j = h.itemsJson(COLLECTION, json, null);
            assertEquals(t.status(), j.status(), () -> name + ": text " + t.status() + " " + t.body() + " / json "
                + j.status() + " " + j.body());
            assertTrue(t.status() == 200 || t.status() == 400, () -> name + ": " + t.body());
            if (t.status() == 400) {
                rejected.add(name + " (" + t.json().get("detail").asString() + ")");
                continue;
            }
            TreeSet<String> ti = t.ids();
            assertEquals(ti, j.ids(), name + ": text and JSON forms match different features");
            report.append(name).append('=').append(ti).append(' ');
            if (!ti.isEmpty()) {
                nonEmpty++;
            }
            if (EXPECTED.containsKey(name)) {
                assertEquals(new TreeSet<>(EXPECTED.get(name)), ti, name + ": " + text);
            }
        }
        System.out.println("CQL2 OGC examples over HTTP: " + Cql2ExamplesTest.NAMES.length + " examples, " + nonEmpty
            + " match some rows, rejected: " + rejected + "; " + report);
        assertTrue(rejected.isEmpty(), "examples rejected on the test collection: " + rejected);
        assertTrue(nonEmpty >= 35, "too few examples match any row: " + nonEmpty);
    }
}
