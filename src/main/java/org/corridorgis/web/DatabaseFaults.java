package org.corridorgis.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Tells a database that cannot answer now (down, restarting, frozen past the socket timeout, or a pool with no
 * free connection) from a statement that failed: the first is a 503 the client may retry, the second a bug.
 */
final class DatabaseFaults {

    private DatabaseFaults() {
    }

    static boolean isUnavailable(Throwable e) {
        if (e instanceof org.springframework.transaction.TransactionSystemException tx && tx.getOriginalException() != null
                && isUnavailable(tx.getOriginalException())) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof java.net.ConnectException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // class 08: connection exceptions; 57P01-57P03: admin/crash shutdown, cannot connect now
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** HikariCP says "Connection is not available, request timed out" when every connection stayed busy. */
    static boolean isPoolExhausted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException && t.getCause() == null) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
