package org.corridorgis.bulkhead;

import java.time.Duration;

import org.corridorgis.web.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much of the database pool, and of the processors, expensive requests may hold at once.
 *
 * @param expensiveShare the share of the pool's connections (0 to 1) that expensive requests may use together;
 *                       the rest stays free for ordinary requests whatever the expensive ones do
 * @param expensiveMax   at most this many expensive requests at once whatever the pool (0: half the processors the
 *                       service has, at least one). Each is busy on a processor from start to end (PostgreSQL scanning,
 *                       the service writing JSON), so more at once than that only takes processor time from ordinary
 *                       requests; the pool share alone allowed four on two cores
 * @param queueWait      how long an expensive request waits for its turn before it is answered 503
 * @param largeLimit     an items page above this many features counts as expensive (a large export)
 * @param smallTable     a filter over a collection whose table is at most this big is ordinary: even read whole, with
 *                       the costliest functions on every row, it answers in milliseconds
 */
@ConfigurationProperties("corridor.bulkhead")
public record BulkheadProperties(double expensiveShare, int expensiveMax, Duration queueWait, int largeLimit, DataSize smallTable) {

    public BulkheadProperties {
        // the defaults are in application.yml, the one place for them
        if (expensiveShare <= 0 || expensiveShare > 1) {
            throw new IllegalArgumentException("corridor.bulkhead.expensive-share is a share of the pool, above 0 and at most 1, not " + expensiveShare);
        }
        if (expensiveMax < 0) {
            throw new IllegalArgumentException("corridor.bulkhead.expensive-max is a number of requests (0: half the processors), not " + expensiveMax);
        }
        Settings.require("corridor.bulkhead.queue-wait", queueWait);
        Settings.requirePositive("corridor.bulkhead.large-limit", largeLimit);
        Settings.require("corridor.bulkhead.small-table", smallTable);
    }

    /** How many expensive requests may run at once with this many pool connections and processors. */
    public int capacity(int poolSize, int processors) {
        int byPool = (int) Math.floor(poolSize * expensiveShare);
        int byProcessors = expensiveMax > 0 ? expensiveMax : processors / 2;
        return Math.max(1, Math.min(byPool, byProcessors));
    }
}
