package org.corridorgis.database;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reports, under /actuator/health (and the readiness group), which PostGIS and PostgreSQL the service is talking
 * to, or DOWN when the database does not answer within its own short timeout: a database that is down or frozen
 * must not make the health check itself hang. At most one check is in flight; callers arriving meanwhile wait for
 * that one (up to the timeout) instead of piling more threads onto a database that does not answer.
 */
@Component("postgis")
class PostgisHealthIndicator implements HealthIndicator {

    private final JdbcClient jdbc;
    private final Duration timeout;
    private CompletableFuture<Map<String, String>> inFlight;

    PostgisHealthIndicator(JdbcClient jdbc, DatabaseProperties properties) {
        this.jdbc = jdbc;
        this.timeout = properties.healthTimeout();
    }

    @Override
    public Health health(boolean includeDetails) {
        CompletableFuture<Map<String, String>> check = currentCheck();
        try {
            Map<String, String> versions = check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return includeDetails ? Health.up().withDetails(versions).build() : Health.up().build();
        } catch (TimeoutException e) {
            return Health.down().withDetail("reason", "the database did not answer within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("reason", "the database cannot be reached").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("reason", "interrupted").build();
        }
    }

    @Override
    public Health health() {
        return health(true);
    }

    private synchronized CompletableFuture<Map<String, String>> currentCheck() {
        if (inFlight == null || inFlight.isDone()) {
            inFlight = CompletableFuture.supplyAsync(this::versions, command -> {
                Thread t = new Thread(command, "postgis-health");
                t.setDaemon(true);
                t.start();
            });
        }
        return inFlight;
    }

    /** In a fixed order, so that every instance writes the details alike. */
    private Map<String, String> versions() {
        return jdbc.sql("select postgis_full_version() as postgis, version() as postgres, current_database() as db")
                .query((rs, n) -> {
                    Map<String, String> versions = new LinkedHashMap<>();
                    versions.put("postgis", rs.getString("postgis"));
                    versions.put("postgresql", rs.getString("postgres"));
                    versions.put("database", rs.getString("db"));
                    return versions;
                })
                .single();
    }
}
