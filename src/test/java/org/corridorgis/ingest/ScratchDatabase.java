package org.corridorgis.ingest;

import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A private database in the test run's PostGIS cluster, migrated by the service's own Flyway scripts: the loader
 * can commit, reload and delete there as it does in production without touching the shared database (which
 * holds the real seed data other tests rely on). Dropped on close.
 */
final class ScratchDatabase implements AutoCloseable {

    private final JdbcTemplate admin;
    private final String name;
    private final HikariDataSource dataSource;

    ScratchDatabase(DataSource shared) {
        this(shared, true);
    }

    /** @param migrate false: an empty database, left for the service's own Flyway start-up to migrate */
    ScratchDatabase(DataSource shared, boolean migrate) {
        if (!(shared instanceof HikariDataSource hikari)) {
            throw new IllegalStateException("expected the service's Hikari pool, got " + shared.getClass());
        }
        this.admin = new JdbcTemplate(shared);
        this.name = "corridor_ingest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin.execute("CREATE DATABASE " + name);
        String url = hikari.getJdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?;]*", "$1" + name);
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(hikari.getUsername());
        ds.setPassword(hikari.getPassword());
        ds.setMaximumPoolSize(3);
        ds.setPoolName("ingest-test");
        this.dataSource = ds;
        if (migrate) {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Command-line arguments that point a whole service at this database. */
    String[] springArguments() {
        return new String[] {"--spring.datasource.url=" + dataSource.getJdbcUrl(),
                "--spring.datasource.username=" + dataSource.getUsername(),
                "--spring.datasource.password=" + (dataSource.getPassword() == null ? "" : dataSource.getPassword())};
    }

    @Override
    public void close() {
        dataSource.close();
        admin.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
