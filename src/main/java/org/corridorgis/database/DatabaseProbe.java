package org.corridorgis.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Checks, as soon as the DataSource exists and before migrations run, that the database answers and has
 * PostGIS available, so that a wrong URL or a missing package fails start-up with one line that says what and
 * how to fix it.
 */
final class DatabaseProbe implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            probe(dataSource);
        }
        return bean;
    }

    private static void probe(DataSource dataSource) {
        String where = DatabaseConfiguration.describe(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // Reading the extension files is no request: the pool's statement timeout does not apply to it.
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL statement_timeout = 0");
            boolean available;
            try (ResultSet rs = statement.executeQuery("select default_version from pg_available_extensions where name = 'postgis'")) {
                available = rs.next();
            }
            connection.rollback();
            if (!available) {
                throw new StartupProblem("the database at " + where + " has no PostGIS extension available",
                        "install PostGIS on that server (Debian: postgresql-15-postgis-3), or use the embedded default by unsetting CORRIDOR_DB_URL");
            }
        } catch (SQLException e) {
            throw new StartupProblem("cannot connect to the database at " + where + ": " + e.getMessage(),
                    "check that PostgreSQL runs there and CORRIDOR_DB_URL / CORRIDOR_DB_USER / CORRIDOR_DB_PASSWORD are right, "
                            + "or unset CORRIDOR_DB_URL to use the embedded database", e);
        }
    }
}
