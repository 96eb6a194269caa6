package org.corridorgis.replicas;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The service's DataSource when replicas are configured: a connection comes from the replica the request was
 * routed to, else from the primary. If the replica cannot give one before the request has read anything there,
 * the replica leaves the rotation and the primary serves the request; if the request had already read from it,
 * the failure goes up and the request is answered again from the primary (see {@link ReadRoutingFilter}).
 */
final class RoutingDataSource implements DataSource {

    private final HikariDataSource primary;
    private final ReadReplicas replicas;

    RoutingDataSource(HikariDataSource primary, ReadReplicas replicas) {
        this.primary = primary;
        this.replicas = replicas;
    }

    HikariDataSource primary() {
        return primary;
    }

    ReadReplicas replicas() {
        return replicas;
    }

    @Override
    public Connection getConnection() throws SQLException {
        ReadRoute route = ReadRoute.current();
        Replica replica = route == null ? null : route.replica();
        if (replica == null) {
            return primary.getConnection();
        }
        try {
            Connection c = replica.pool().getConnection();
            route.markUsed();
            return c;
        } catch (SQLException e) {
            replica.takeOut("out of rotation: a request could not connect (" + e.getMessage() + ")");
            if (route.used()) {
                throw new SQLException("read replica " + replica.name() + " failed mid-request", "08006", e);
            }
            route.toPrimary();
            return primary.getConnection();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("connections use the configured credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return primary.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        primary.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        primary.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return primary.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return primary.getParentLogger();
    }

    /** Pool metrics and tools that look for the Hikari pool find the primary's. */
    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return primary.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || primary.isWrapperFor(type);
    }
}
