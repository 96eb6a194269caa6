package org.corridorgis.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the database connection as a whole ({@code corridor.database.*}); the embedded cluster and the
 * replicas have their own ({@link EmbeddedDatabaseProperties}, {@code ReplicaProperties}).
 *
 * @param healthTimeout {@code /actuator/health} answers within this time even when the database does not
 */
@ConfigurationProperties("corridor.database")
public record DatabaseProperties(Duration healthTimeout) {
    public DatabaseProperties {
        if (healthTimeout == null || healthTimeout.isNegative() || healthTimeout.isZero()) {
            throw new IllegalArgumentException("corridor.database.health-timeout must be positive, not " + healthTimeout);
        }
    }
}
