package org.corridorgis.replicas;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replicas reads may go to, and the watch kept on them. Every check interval it notes the primary's WAL
 * position and each replica's replay position; a replica's lag is how long ago the primary stood where the
 * replica stands now (zero when it has replayed everything the primary had written at the last look). That
 * measures staleness, not idleness: a replica of an idle primary is current however old its last replayed
 * transaction is.
 */
public final class ReadReplicas implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadReplicas.class);

    private final ReplicaProperties properties;
    private final List<Replica> replicas = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final Deque<PrimarySample> primaryHistory = new ArrayDeque<>();
    private DataSource primary;
    private ScheduledExecutorService monitor;

    public ReadReplicas(ReplicaProperties properties) {
        this.properties = properties;
    }

    public boolean configured() {
        return !properties.urls().isEmpty();
    }

    ReplicaProperties properties() {
        return properties;
    }

    List<Replica> replicas() {
        return List.copyOf(replicas);
    }

    /**
     * Opens a pool per replica with the primary pool's settings (so pool configuration stays in one place),
     * checks them once and keeps checking them.
     */
    synchronized void start(HikariDataSource primaryPool) {
        if (monitor != null || !configured()) {
            return;
        }
        this.primary = primaryPool;
        int i = 0;
        for (String url : properties.urls()) {
            i++;
            HikariConfig config = new HikariConfig();
            primaryPool.copyStateTo(config);
            config.setJdbcUrl(url);
            config.setPoolName("corridor-replica-" + i);
            config.setConnectionTimeout(Math.max(250, properties.connectTimeout().toMillis()));
            config.setInitializationFailTimeout(-1); // a replica that is down at start-up joins when it comes up
            config.setReadOnly(true);
            replicas.add(new Replica("replica-" + i, url, new HikariDataSource(config)));
        }
        monitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "corridor-replica-monitor");
            t.setDaemon(true);
            return t;
        });
        check();
        long interval = Math.max(10, properties.checkInterval().toMillis());
        monitor.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * The replica a read should go to, or null for the primary. A request that needs at least
     * {@code requiredVersion} of the data (it has just written, or holds the ETag of that version) gets a
     * replica only once the replica has replayed that far, waiting at most the configured catch-up time.
     */
    Replica choose(long requiredVersion) {
        List<Replica> candidates = replicas.stream().filter(Replica::inRotation).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        int start = Math.floorMod(next.getAndIncrement(), candidates.size());
        if (requiredVersion <= 0) {
            return candidates.get(start);
        }
        long deadline = System.nanoTime() + properties.catchUpWait().toNanos();
        while (true) {
            for (int k = 0; k < candidates.size(); k++) {
                Replica r = candidates.get((start + k) % candidates.size());
                if (r.dataVersion() >= requiredVersion || freshVersion(r) >= requiredVersion) {
                    return r;
                }
            }
            if (System.nanoTime() >= deadline) {
                return null;
            }
            try {
                Thread.sleep(Math.min(20, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private static long freshVersion(Replica r) {
        try {
            return r.observe().dataVersion();
        } catch (SQLException | RuntimeException e) {
            return -1;
        }
    }

    /** One round of checks: the primary's position first, then each replica's against it. */
    void check() {
        try {
            long now = System.nanoTime();
            Long primaryLsn = primaryLsn();
            if (primaryLsn != null) {
                primaryHistory.addLast(new PrimarySample(now, primaryLsn));
                long keep = properties.maxLag().toNanos() + 4 * properties.checkInterval().toNanos();
                while (primaryHistory.size() > 1 && now - primaryHistory.peekFirst().nanos() > keep) {
                    primaryHistory.removeFirst();
                }
            }
            for (Replica replica : replicas) {
                checkOne(replica, primaryLsn != null);
            }
        } catch (RuntimeException e) {
            log.warn("Replica check failed: {}", e.toString());
        }
    }

    private void checkOne(Replica replica, boolean primaryKnown) {
        boolean wasIn = replica.inRotation();
        Replica.Observation o;
        try {
            o = replica.observe();
        } catch (SQLException | RuntimeException e) {
            replica.checked(false, -1, "out of rotation: unreachable (" + e.getMessage() + ")");
            logChange(replica, wasIn);
            return;
        }
        if (!primaryKnown) {
            // Without the primary there is nothing to be behind: a replica is better than no answer.
            replica.checked(true, -1, "in rotation (primary unreachable: lag unknown)");
            logChange(replica, wasIn);
            return;
        }
        long lagNanos = lagNanos(o.lsn());
        long lagMillis = TimeUnit.NANOSECONDS.toMillis(lagNanos);
        if (lagNanos > properties.maxLag().toNanos()) {
            replica.checked(false, lagMillis, "out of rotation: " + lagMillis + " ms behind the primary (limit "
                    + properties.maxLag().toMillis() + " ms)");
        } else {
            replica.checked(true, lagMillis, "in rotation: " + lagMillis + " ms behind the primary");
        }
        logChange(replica, wasIn);
    }

    /** How long ago the primary was where the replica is now. */
    private long lagNanos(long replicaLsn) {
        long now = System.nanoTime();
        PrimarySample newest = primaryHistory.peekLast();
        if (newest == null || replicaLsn >= newest.lsn()) {
            return 0;
        }
        long since = primaryHistory.peekFirst().nanos();
        for (PrimarySample s : primaryHistory) {
            if (s.lsn() <= replicaLsn) {
                since = s.nanos();
            }
        }
        // Behind even the oldest sample kept: at least that far behind, which is beyond the limit.
        return replicaLsn < primaryHistory.peekFirst().lsn() ? Math.max(now - since, properties.maxLag().toNanos() + 1) : now - since;
    }

    private Long primaryLsn() {
        try (Connection c = primary.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_current_wal_lsn()::text")) {
            rs.next();
            return Lsn.parse(rs.getString(1));
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    private static void logChange(Replica replica, boolean wasIn) {
        if (wasIn != replica.inRotation()) {
            log.info("Read replica {} ({}): {}", replica.name(), replica.url(), replica.state());
        }
    }

    @Override
    public synchronized void close() {
        if (monitor != null) {
            monitor.shutdownNow();
        }
        replicas.forEach(Replica::close);
    }

    private record PrimarySample(long nanos, long lsn) {
    }
}
