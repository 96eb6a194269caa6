package org.corridorgis.replicas;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One streaming replica: its connection pool and what the last check found. A replica is in rotation when it
 * answered the last check and was no further behind the primary than allowed; a request that fails on it takes
 * it out at once, and the next good check puts it back.
 */
final class Replica implements AutoCloseable {

    /** What a replica reports: where its replay stands and the data version it holds. */
    static final String STATE_SQL = "select case when pg_is_in_recovery() then pg_last_wal_replay_lsn() "
            + "else pg_current_wal_lsn() end::text as lsn, pg_is_in_recovery() as standby, "
            + "(select coalesce(sum(version), 0) from corridor.table_version) as data_version";

    private final String name;
    private final String url;
    private final HikariDataSource pool;

    private volatile boolean inRotation;
    private volatile String state = "not checked yet";
    private volatile long dataVersion = -1;
    private volatile long lagMillis = -1;

    Replica(String name, String url, HikariDataSource pool) {
        this.name = name;
        this.url = url;
        this.pool = pool;
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }

    HikariDataSource pool() {
        return pool;
    }

    boolean inRotation() {
        return inRotation;
    }

    String state() {
        return state;
    }

    long dataVersion() {
        return dataVersion;
    }

    long lagMillis() {
        return lagMillis;
    }

    /** The replica's position and data version, read now. */
    Observation observe() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(STATE_SQL)) {
            rs.next();
            Observation o = new Observation(Lsn.parse(rs.getString("lsn")), rs.getBoolean("standby"), rs.getLong("data_version"));
            dataVersion = Math.max(dataVersion, o.dataVersion());
            return o;
        }
    }

    void checked(boolean fresh, long lag, String description) {
        lagMillis = lag;
        state = description;
        inRotation = fresh;
    }

    void takeOut(String reason) {
        inRotation = false;
        state = reason;
    }

    @Override
    public void close() {
        pool.close();
    }

    record Observation(long lsn, boolean standby, long dataVersion) {
    }
}
