package org.corridorgis.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Every CQL2 temporal operator over HTTP, each true for some rows and false for the others: a collection of our
 * own (test only) with one interval for each of Allen's thirteen relations to the reference interval
 * [2020-03-01, 2020-06-01], and the rows each operator must answer, worked out by hand from the CQL2 definitions
 * (intervals with both ends included).
 */
@PostgisIntegrationTest
class Cql2TemporalRelationsHttpTest {

    static final String TABLE = "cqlit_temporal";
    static final String COLLECTION = "cqlit-temporal";
    static final String B = "INTERVAL('2020-03-01', '2020-06-01')";

    @LocalServerPort
    int port;

    @BeforeAll
    static void createCollection(@Autowired JdbcClient jdbc) {
        dropCollection(jdbc);
        jdbc.sql("create table corridor.cqlit_temporal (id text primary key, geom geometry(Point, 4326), starts_at date, ends_at date)").update();
        jdbc.sql("""
            insert into corridor.cqlit_temporal values
            ('before',       ST_Point(45, 40, 4326), '2019-01-01', '2019-06-01'),
            ('meets',        ST_Point(45, 40, 4326), '2019-01-01', '2020-03-01'),
            ('overlaps',     ST_Point(45, 40, 4326), '2020-01-01', '2020-04-01'),
            ('starts',       ST_Point(45, 40, 4326), '2020-03-01', '2020-05-01'),
            ('during',       ST_Point(45, 40, 4326), '2020-04-01', '2020-05-01'),
            ('finishes',     ST_Point(45, 40, 4326), '2020-04-01', '2020-06-01'),
            ('equals',       ST_Point(45, 40, 4326), '2020-03-01', '2020-06-01'),
            ('finishedby',   ST_Point(45, 40, 4326), '2020-01-01', '2020-06-01'),
            ('contains',     ST_Point(45, 40, 4326), '2020-01-01', '2020-09-01'),
            ('startedby',    ST_Point(45, 40, 4326), '2020-03-01', '2020-09-01'),
            ('overlappedby', ST_Point(45, 40, 4326), '2020-05-01', '2020-09-01'),
            ('metby',        ST_Point(45, 40, 4326), '2020-06-01', '2020-09-01'),
            ('after',        ST_Point(45, 40, 4326), '2021-01-01', '2021-06-01')
            """).update();
        jdbc.sql("insert into corridor.collection (id, table_name, title, description, geometry_type, sort_order) "
            + "values (?, ?, 'CQL2 temporal relations (test)', 'one interval per relation', 'Point', 9998)")
            .params(COLLECTION, TABLE).update();
        jdbc.sql("select corridor.track_changes(?)").param(TABLE).query().singleValue();
    }

    @AfterAll
    static void dropCollection(@Autowired JdbcClient jdbc) {
        jdbc.sql("delete from corridor.collection where id = ?").param(COLLECTION).update();
        jdbc.sql("drop table if exists corridor.cqlit_temporal").update();
        jdbc.sql("delete from corridor.table_version where table_name = ?").param(TABLE).update();
    }

    @Test
    void eachOperatorAnswersExactlyTheRowsItsRelationHolds() {
        List<String> all = List.of("before", "meets", "overlaps", "starts", "during", "finishes", "equals", "finishedby", "contains",
                "startedby", "overlappedby", "metby", "after");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("T_BEFORE", List.of("before"));
        expected.put("T_AFTER", List.of("after"));
        expected.put("T_MEETS", List.of("meets"));
        expected.put("T_METBY", List.of("metby"));
        expected.put("T_OVERLAPS", List.of("overlaps"));
        expected.put("T_OVERLAPPEDBY", List.of("overlappedby"));
        expected.put("T_STARTS", List.of("starts"));
        expected.put("T_STARTEDBY", List.of("startedby"));
        expected.put("T_DURING", List.of("during"));
        expected.put("T_CONTAINS", List.of("contains"));
        expected.put("T_FINISHES", List.of("finishes"));
        expected.put("T_FINISHEDBY", List.of("finishedby"));
        expected.put("T_EQUALS", List.of("equals"));
        expected.put("T_DISJOINT", List.of("before", "after"));
        // closed intervals: meeting at a day is intersecting
        expected.put("T_INTERSECTS", all.subList(1, all.size() - 1));
        assertEquals(15, expected.size());
        Cql2Http h = new Cql2Http(port);
        assertEquals(new TreeSet<>(all), h.ids(COLLECTION, "id IS NOT NULL"));
        for (var e : expected.entrySet()) {
            String filter = e.getKey() + "(INTERVAL(starts_at, ends_at), " + B + ")";
            TreeSet<String> got = h.ids(COLLECTION, filter);
            assertEquals(new TreeSet<>(e.getValue()), got, filter);
            // and false for every other row: the complement, through NOT
            TreeSet<String> rest = new TreeSet<>(all);
            rest.removeAll(e.getValue());
            assertEquals(rest, h.ids(COLLECTION, "NOT " + filter), "NOT " + filter);
        }
    }
}
