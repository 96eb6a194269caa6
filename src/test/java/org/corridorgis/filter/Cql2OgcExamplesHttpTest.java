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
 * (or the same 400), and the examples whose outcome is obvious from the rows must match exactly those rows. The
 * temporal examples that compare {@code starts_at}/{@code ends_at} with instants of a time of day run again on a
 * second collection whose columns are timestamps, with rows on and beside those instants.
 */
@PostgisIntegrationTest
class Cql2OgcExamplesHttpTest {

    static final String TABLE = "cqlit_examples";
    static final String COLLECTION = "cqlit-examples";
    static final String TIMED_TABLE = "cqlit_examples_timed";
    static final String TIMED_COLLECTION = "cqlit-examples-timed";

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
        createTimedCollection(jdbc);
    }

    /*
     * The instants the temporal examples name, and the rows placed on them or one microsecond beside them
     * (timestamptz keeps microseconds; a DATE literal compared with a timestamp is its midnight, UTC):
     *   A  = 1991-10-07T08:21:06.393262Z   B  = 2010-02-10T05:29:20.073225Z
     *   C1 = 2000-01-01T00:00:00Z          C2 = 2005-01-10T01:01:01.393216Z
     *   D0 = 1991-10-07   D1 = 2005-01-10   D2 = 2010-02-10   D3 = 2010-10-07
     * A null start or end is an open end (-infinity / +infinity).
     */
    static void createTimedCollection(JdbcClient jdbc) {
        jdbc.sql("create table corridor.cqlit_examples_timed (id text primary key, geom geometry(Point, 4326), "
            + "starts_at timestamptz, ends_at timestamptz)").update();
        jdbc.sql("""
            insert into corridor.cqlit_examples_timed values
            ('a-b',           ST_Point(45, 40, 4326), '1991-10-07T08:21:06.393262Z', '2010-02-10T05:29:20.073225Z'),
            ('d0-b',          ST_Point(45, 40, 4326), '1991-10-07T00:00:00Z',        '2010-02-10T05:29:20.073225Z'),
            ('open-b',        ST_Point(45, 40, 4326), null,                          '2010-02-10T05:29:20.073225Z'),
            ('a-2015',        ST_Point(45, 40, 4326), '1991-10-07T08:21:06.393262Z', '2015-01-01T00:00:00Z'),
            ('a-open',        ST_Point(45, 40, 4326), '1991-10-07T08:21:06.393262Z', null),
            ('a+1us-2015',    ST_Point(45, 40, 4326), '1991-10-07T08:21:06.393263Z', '2015-01-01T00:00:00Z'),
            ('a-b+1us',       ST_Point(45, 40, 4326), '1991-10-07T08:21:06.393262Z', '2010-02-10T05:29:20.073226Z'),
            ('d2-jun',        ST_Point(45, 40, 4326), '2010-02-10T00:00:00Z',        '2010-06-01T00:00:00Z'),
            ('d2+1us-jun',    ST_Point(45, 40, 4326), '2010-02-10T00:00:00.000001Z', '2010-06-01T00:00:00Z'),
            ('d1+1us-d2-1us', ST_Point(45, 40, 4326), '2005-01-10T00:00:00.000001Z', '2010-02-09T23:59:59.999999Z'),
            ('d1-2008',       ST_Point(45, 40, 4326), '2005-01-10T00:00:00Z',        '2008-01-01T00:00:00Z'),
            ('c1+-c2-1us',    ST_Point(45, 40, 4326), '2000-01-01T00:00:00.5Z',      '2005-01-10T01:01:01.393215Z'),
            ('c1-2004',       ST_Point(45, 40, 4326), '2000-01-01T00:00:00Z',        '2004-01-01T00:00:00Z'),
            ('2001-c2',       ST_Point(45, 40, 4326), '2001-01-01T00:00:00Z',        '2005-01-10T01:01:01.393216Z')
            """).update();
        jdbc.sql("insert into corridor.collection (id, table_name, title, description, geometry_type, sort_order) "
            + "values (?, ?, 'CQL2 temporal examples (test)', 'timestamps for the OGC CQL2 temporal examples', "
            + "'Point', 9997)").params(TIMED_COLLECTION, TIMED_TABLE).update();
        jdbc.sql("select corridor.track_changes(?)").param(TIMED_TABLE).query().singleValue();
    }

    @AfterAll
    static void dropCollection(@Autowired JdbcClient jdbc) {
        jdbc.sql("delete from corridor.collection where id in (?, ?)").params(COLLECTION, TIMED_COLLECTION).update();
        jdbc.sql("drop table if exists corridor.cqlit_examples").update();
        jdbc.sql("drop table if exists corridor.cqlit_examples_timed").update();
        jdbc.sql("delete from corridor.table_version where table_name in (?, ?)").params(TABLE, TIMED_TABLE).update();
    }

    static final List<String> TIMED_ROWS = List.of("a-b", "d0-b", "open-b", "a-2015", "a-open", "a+1us-2015",
        "a-b+1us", "d2-jun", "d2+1us-jun", "d1+1us-d2-1us", "d1-2008", "c1+-c2-1us", "c1-2004", "2001-c2");

    /**
     * The temporal examples on the timestamp rows, worked out by hand from the CQL2 definitions of the relations
     * (R is a row's interval [starts_at, ends_at]).
     */
    static final Map<String, List<String>> EXPECTED_TIMED = new LinkedHashMap<>();

    static {
        // T_CONTAINS([C1, C2], R): C1 < start and end < C2. Only c1+-c2-1us (half a second after C1, a microsecond
        // before C2); c1-2004 starts at C1 and 2001-c2 ends at C2, so neither is strictly inside; the rest start
        // before C1 (1991, open) or end after C2.
        EXPECTED_TIMED.put("example55", List.of("c1+-c2-1us"));
        // T_DURING(R, [D1, D2]): D1 < start and end < D2 (midnights). d1+1us-d2-1us lies a microsecond inside both
        // ends; d1-2008 starts at D1 itself; d2-jun starts at D2; the 1991/2000/2001 rows start before D1.
        EXPECTED_TIMED.put("example57", List.of("d1+1us-d2-1us"));
        // T_FINISHEDBY(R, [A, B]): start < A and end = B. d0-b (midnight before A) and open-b (open start); a-b
        // starts at A itself; a-b+1us ends a microsecond after B.
        EXPECTED_TIMED.put("example59", List.of("d0-b", "open-b"));
        // T_FINISHES(R, [D0, B]): D0 < start and end = B. a-b (A is 08:21 on D0); d0-b starts at D0 itself, open-b
        // has no start; no other row ends at B.
        EXPECTED_TIMED.put("example60", List.of("a-b"));
        // T_MEETS([D1, D2], R): D2 = start. d2-jun starts at D2's midnight; d2+1us-jun a microsecond later.
        EXPECTED_TIMED.put("example62", List.of("d2-jun"));
        // T_METBY([B, D3], R): B = end. The three rows ending at B; a-b+1us ends a microsecond later, a-open never.
        EXPECTED_TIMED.put("example63", List.of("a-b", "d0-b", "open-b"));
        // T_STARTEDBY(R, [A, B]): start = A and end > B. a-2015, a-open (open end) and a-b+1us; a-b ends at B
        // itself; a+1us-2015 starts a microsecond after A.
        EXPECTED_TIMED.put("example66", List.of("a-2015", "a-open", "a-b+1us"));
        // T_STARTS(R, [A, ..]): start = A and end before the open end (+infinity): a-b, a-2015 and a-b+1us;
        // a-open's end is open too, so not before it; a+1us-2015 starts a microsecond after A.
        EXPECTED_TIMED.put("example67", List.of("a-b", "a-2015", "a-b+1us"));
    }

    @Test
    void temporalExamplesAnswerExactlyTheTimestampRowsWorkedOutByHand() {
        Cql2Http h = new Cql2Http(port);
        assertEquals(new TreeSet<>(TIMED_ROWS), h.ids(TIMED_COLLECTION, "id IS NOT NULL"));
        assertEquals(8, EXPECTED_TIMED.size());
        for (var e : EXPECTED_TIMED.entrySet()) {
            String name = e.getKey();
            TreeSet<String> expected = new TreeSet<>(e.getValue());
            assertTrue(!expected.isEmpty() && expected.size() < TIMED_ROWS.size(), name + " must split the rows");
            String text = Cql2ExamplesTest.read(name + ".txt").strip();
            String json = Cql2ExamplesTest.read(name + ".json").strip();
            assertEquals(expected, h.items(TIMED_COLLECTION, text, null).ids(), name + " (text): " + text);
            assertEquals(expected, h.itemsJson(TIMED_COLLECTION, json, null).ids(), name + " (JSON): " + json);
        }
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
        // The temporal examples whose instants have a time of day match none of these date rows: no date equals
        // A, B or C2 (55, 59, 60, 63, 66, 67), no row starts on 2010-02-10 (62), and none lies strictly inside
        // [2005-01-10, 2010-02-10] (57: e3 starts on its first day). The timestamp collection below splits them.
        for (String name : List.of("example55", "example57", "example59", "example60", "example62", "example63",
                "example66", "example67")) {
            EXPECTED.put(name, List.of());
        }
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
