package org.corridorgis.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.corridorgis.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A DATE compared with a TIMESTAMP is the date's midnight in UTC wherever the service runs: the translated filters
 * run on one connection whose session time zone is set to UTC, to Yerevan (UTC+4) and to New York (UTC-5), and
 * answer the same rows, worked out by hand with UTC midnights. Without that, PostgreSQL puts the midnight in the
 * session's time zone (the JVM's), and a service in Yerevan would answer other rows than one in London.
 */
@PostgisIntegrationTest
class Cql2TimeZoneTest {

    static final TestQueryables Q = new TestQueryables()
        .add("day", "\"t\".\"day\"", QueryableType.DATE)
        .add("at", "\"t\".\"at\"", QueryableType.TIMESTAMP);

    /*
     * Rows around the midnight of 1 Jan 2020: in UTC, in Yerevan (20:00 UTC the day before) and in New York
     * (05:00 UTC the same day).
     */
    static final String ROWS = """
        select t.id from (values
          ('utc-midnight',      date '2020-01-01', timestamptz '2020-01-01T00:00:00Z'),
          ('yerevan-midnight',  date '2019-12-31', timestamptz '2019-12-31T20:00:00Z'),
          ('new-york-midnight', date '2020-01-02', timestamptz '2020-01-01T05:00:00Z')
        ) as t(id, day, at) where\s""";

    /** Each filter and the rows it must answer, with a date standing for its UTC midnight. */
    static final Map<String, List<String>> EXPECTED = new TreeMap<>();

    static {
        // 2020-01-01T00:00Z: only the row at the UTC midnight.
        EXPECTED.put("at = DATE('2020-01-01')", List.of("utc-midnight"));
        // after 2020-01-01T00:00Z: the New York midnight (05:00Z); the Yerevan one is 20:00Z the day before.
        EXPECTED.put("T_AFTER(at, DATE('2020-01-01'))", List.of("new-york-midnight"));
        // days whose UTC midnight is after 2019-12-31T22:00Z: 1 and 2 Jan 2020, not 31 Dec 2019.
        EXPECTED.put("day > TIMESTAMP('2019-12-31T22:00:00Z')", List.of("new-york-midnight", "utc-midnight"));
        // a timestamp with an offset is its UTC instant: 2020-01-01T03:00+04:00 is 2019-12-31T23:00Z; the days
        // from it to 2020-01-01T00:00Z hold the UTC midnight of 1 Jan only.
        EXPECTED.put("T_DURING(INTERVAL(day, day), INTERVAL('2020-01-01T03:00:00+04:00', '2020-01-01T00:00:01Z'))",
            List.of("utc-midnight"));
        // the timestamps within the UTC day 31 Dec 2019 as an interval of dates [31 Dec 00:00Z, 1 Jan 00:00Z]
        EXPECTED.put("T_INTERSECTS(at, INTERVAL('2019-12-31', '2020-01-01'))",
            List.of("utc-midnight", "yerevan-midnight"));
        // a date among timestamps in IN: the UTC midnight only
        EXPECTED.put("DATE('2020-01-01') IN (at)", List.of("utc-midnight"));
    }

    @Autowired
    DataSource dataSource;

    @Test
    void datesAreUtcMidnightsWhateverTheSessionTimeZone() throws SQLException {
        assertEquals(6, EXPECTED.size());
        for (String zone : List.of("UTC", "Asia/Yerevan", "America/New_York")) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("set time zone '" + zone + "'");
                }
                try {
                    JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
                    for (var e : EXPECTED.entrySet()) {
                        SqlFragment where = Cql2.toSql(Cql2.parseText(e.getKey(), FilterLimits.DEFAULT), Q);
                        List<String> ids = jdbc.sql(ROWS + where.sql() + " order by t.id").params(where.paramMap())
                            .query(String.class).list();
                        assertEquals(e.getValue().stream().sorted().toList(), ids, zone + ": " + e.getKey());
                    }
                } finally {
                    // the connection goes back to the pool: with the service's own time zone
                    try (Statement s = c.createStatement()) {
                        s.execute("reset time zone");
                    }
                }
            }
        }
    }
}
