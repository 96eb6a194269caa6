package org.corridorgis.database;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reports, under /actuator/health, which PostGIS and PostgreSQL the service is talking to. */
@Component("postgis")
class PostgisHealthIndicator extends AbstractHealthIndicator {

    private final JdbcClient jdbc;

    PostgisHealthIndicator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        jdbc.sql("select postgis_full_version() as postgis, version() as postgres, current_database() as db")
                .query((rs, n) -> builder.up()
                        .withDetail("postgis", rs.getString("postgis"))
                        .withDetail("postgresql", rs.getString("postgres"))
                        .withDetail("database", rs.getString("db")))
                .single();
    }
}
