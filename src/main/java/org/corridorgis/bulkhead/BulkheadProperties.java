package org.corridorgis.bulkhead;

import java.time.Duration;

import org.corridorgis.web.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much of the database pool expensive requests may hold at once.
 *
 * @param expensiveShare the share of the pool's connections (0 to 1) that expensive requests may use together;
 *                       the rest stays free for ordinary requests whatever the expensive ones do
 * @param queueWait      how long an expensive request waits for its turn before it is answered 503
 * @param largeLimit     an items page above this many features counts as expensive (a large export)
 * @param smallTable     a filter over a collection whose table is at most this big is ordinary: even read whole, with
 *                       the costliest functions on every row, it answers in milliseconds
 */
@ConfigurationProperties("corridor.bulkhead")
public record BulkheadProperties(double expensiveShare, Duration queueWait, int largeLimit, DataSize smallTable) {

    public BulkheadProperties {
        // the defaults are in application.yml, the one place for them
        if (expensiveShare <= 0 || expensiveShare > 1) {
            throw new IllegalArgumentException("corridor.bulkhead.expensive-share is a share of the pool, above 0 and at most 1, not " + expensiveShare);
        }
        Settings.require("corridor.bulkhead.queue-wait", queueWait);
        Settings.requirePositive("corridor.bulkhead.large-limit", largeLimit);
        Settings.require("corridor.bulkhead.small-table", smallTable);
    }
}
