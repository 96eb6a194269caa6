package org.corridorgis.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.corridorgis.CorridorApplication;
import org.corridorgis.database.StreamingReplicaPair;
import org.corridorgis.support.ServiceClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the service against a real primary and its streaming replica. What is counted or expected
 * comes from the servers themselves (pg_stat_statements, the tables, the replication functions), never from
 * the service's answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaTest {

    private static final long MAX_LAG_MS = 2000;
    private static final String ITEMS = "/collections/checkpoints/items?status=operating&limit=50";
    private static final String TILE = "/collections/checkpoints/tiles/WebMercatorQuad/6/24/40";
    private static final String PAGE_STATEMENTS = "query ilike '%st_asgeojson%' and query ilike '%checkpoints%'";
    private static final String TILE_STATEMENTS = "query ilike '%st_asmvt(%'";

    private StreamingReplicaPair pair;
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private ServiceClient a;
    private ServiceClient b;

    @BeforeAll
    void startPrimaryReplicaAndTwoInstances() throws Exception {
        pair = StreamingReplicaPair.start();
        a = new ServiceClient(startInstance());
        b = new ServiceClient(startInstance());
        pair.primaryDatabase(); // the seed data was loaded by the first instance
    }

    private int startInstance() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CorridorApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + pair.primaryUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--corridor.database.replicas.urls=" + pair.replicaUrl(),
                "--corridor.database.replicas.max-lag=" + MAX_LAG_MS + "ms",
                "--corridor.database.replicas.check-interval=100ms",
                "--corridor.database.replicas.catch-up-wait=300ms",
                "--corridor.database.replicas.connect-timeout=500ms",
                // the test reads the replicas' state as an operator would: health with details
                "--management.endpoint.health.show-details=always");
        instances.add(context);
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (ConfigurableApplicationContext c : instances) {
            c.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    @Order(1)
    void readsGoToTheReplica() throws Exception {
        waitUntil("both instances have the replica in rotation", 60, () -> inRotation(a) == 1 && inRotation(b) == 1);
        waitForReplicaToCatchUp();
        resetStatements();
        for (int i = 0; i < 10; i++) {
            assertThat(a.get(ITEMS).statusCode()).isEqualTo(200);
            assertThat(b.get(ITEMS).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(a.getBytes(TILE).statusCode()).isEqualTo(200);
            assertThat(b.getBytes(TILE).statusCode()).isEqualTo(200);
        }
        assertThat(calls(pair.replicaDatabase(), PAGE_STATEMENTS)).isEqualTo(20);
        assertThat(calls(pair.primaryDatabase(), PAGE_STATEMENTS)).isEqualTo(0);
        assertThat(calls(pair.replicaDatabase(), TILE_STATEMENTS)).isEqualTo(6);
        assertThat(calls(pair.primaryDatabase(), TILE_STATEMENTS)).isEqualTo(0);
    }

    @Test
    @Order(2)
    void aWriteIsSeenThroughTheOtherInstanceWithTheRightETag() throws Exception {
        String before = b.get(ITEMS).headers().firstValue("ETag").orElseThrow();
        toggleMargara();
        long version = dataVersion(pair.primaryDatabase());
        long operating = operating(pair.primaryDatabase());
        waitForReplicaToCatchUp();

        HttpResponse<String> viaB = b.get(ITEMS);
        assertThat(viaB.statusCode()).isEqualTo(200);
        assertThat(viaB.headers().firstValue("Data-Version")).hasValue(String.valueOf(version));
        assertThat(ServiceClient.parse(viaB.body()).path("numberMatched").asLong()).isEqualTo(operating);
        String etag = viaB.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"" + version + "-").isNotEqualTo(before);
        assertThat(a.get(ITEMS).headers().firstValue("ETag")).hasValue(etag);
        assertThat(a.get(ITEMS, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(b.get(ITEMS, "If-None-Match", before).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aClientThatJustWroteNeverReadsAnOlderVersionAndALaggingReplicaLeavesTheRotation() throws Exception {
        waitUntil("the replica is back in rotation", 60, () -> inRotation(a) == 1 && inRotation(b) == 1);
        execute(pair.replicaDatabase(), "select pg_wal_replay_pause()");
        waitUntil("replay is paused", 30, () -> "paused".equals(text(pair.replicaDatabase(), "select pg_get_wal_replay_pause_state()")));
        long oldVersion = dataVersion(pair.replicaDatabase());
        long oldOperating = operating(pair.replicaDatabase());
        long wroteAt = System.nanoTime();
        toggleMargara();
        long newVersion = dataVersion(pair.primaryDatabase());
        long newOperating = operating(pair.primaryDatabase());
        assertThat(newVersion).isGreaterThan(oldVersion);
        assertThat(newOperating).isNotEqualTo(oldOperating);
        Map<Long, Long> expected = Map.of(oldVersion, oldOperating, newVersion, newOperating);
        try {
            // The writer names the version it wrote: it is answered from the primary, not the paused replica.
            resetStatements();
            HttpResponse<String> marked = b.get(ITEMS, "Data-Version", String.valueOf(newVersion));
            assertThat(marked.statusCode()).isEqualTo(200);
            assertThat(marked.headers().firstValue("Data-Version")).hasValue(String.valueOf(newVersion));
            assertThat(ServiceClient.parse(marked.body()).path("numberMatched").asLong()).isEqualTo(newOperating);
            assertThat(calls(pair.primaryDatabase(), PAGE_STATEMENTS)).isEqualTo(1);
            // So is a client revalidating the new ETag, through the other instance.
            String newEtag = marked.headers().firstValue("ETag").orElseThrow();
            assertThat(a.get(ITEMS, "If-None-Match", newEtag).statusCode()).isEqualTo(304);
            assertThat(b.get(ITEMS, "Data-Version", "yesterday").statusCode()).isEqualTo(400);

            // Everyone else may read the old version for at most the configured lag; every answer describes
            // exactly the version it was made from.
            long seenNewAfterMs = -1;
            while (seenNewAfterMs < 0 && System.nanoTime() - wroteAt < TimeUnit.SECONDS.toNanos(60)) {
                HttpResponse<String> r = a.get(ITEMS);
                assertThat(r.statusCode()).isEqualTo(200);
                long version = Long.parseLong(r.headers().firstValue("Data-Version").orElseThrow());
                assertThat(expected).containsKey(version);
                assertThat(ServiceClient.parse(r.body()).path("numberMatched").asLong()).isEqualTo(expected.get(version));
                assertThat(r.headers().firstValue("ETag").orElseThrow()).startsWith("\"" + version + "-");
                if (version == newVersion) {
                    seenNewAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - wroteAt);
                }
            }
            System.out.println("read-replicas: with replay paused, reads moved to the primary " + seenNewAfterMs
                    + " ms after the write (max lag " + MAX_LAG_MS + " ms, checks every 100 ms)");
            assertThat(seenNewAfterMs).isBetween(0L, MAX_LAG_MS + 5000);
            JsonNode replicas = health(a).path("components").path("replicas").path("details");
            assertThat(replicas.path("inRotation").asInt()).isEqualTo(0);
            assertThat(replicas.path("replica-1").path("state").asString()).contains("behind the primary");
            assertThat(health(b, "/actuator/health/readiness").path("status").asString()).isEqualTo("UP");
        } finally {
            execute(pair.replicaDatabase(), "select pg_wal_replay_resume()");
        }
        waitUntil("the replica, replaying again, returns to rotation", 60, () -> inRotation(a) == 1 && inRotation(b) == 1);
        resetStatements();
        for (int i = 0; i < 5; i++) {
            assertThat(a.get(ITEMS).statusCode()).isEqualTo(200);
        }
        assertThat(calls(pair.replicaDatabase(), PAGE_STATEMENTS)).isEqualTo(5);
        assertThat(calls(pair.primaryDatabase(), PAGE_STATEMENTS)).isEqualTo(0);
    }

    @Test
    @Order(4)
    void stoppingTheReplicaLeavesNoRequestUnansweredAndRestartingItBringsItBack() throws Exception {
        waitUntil("the replica is in rotation", 60, () -> inRotation(a) == 1 && inRotation(b) == 1);
        waitForReplicaToCatchUp();
        long operating = operating(pair.primaryDatabase());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> answered = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (ServiceClient c : List.of(a, b)) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        HttpResponse<String> r = c.get(ITEMS);
                        if (r.statusCode() != 200 || ServiceClient.parse(r.body()).path("numberMatched").asLong() != operating) {
                            failures.add(r.statusCode() + " " + r.body());
                        }
                        answered.merge(c.base(), 1, Integer::sum);
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                }
            });
            t.start();
            clients.add(t);
        }
        Thread.sleep(500);
        pair.stopReplica();
        Map<String, Integer> atStop = Map.copyOf(answered);
        Thread.sleep(2000);
        stop.set(true);
        for (Thread t : clients) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertThat(failures).isEmpty();
        for (ServiceClient c : List.of(a, b)) {
            assertThat(answered.get(c.base())).isGreaterThan(atStop.getOrDefault(c.base(), 0));
        }
        waitUntil("health reports the replica out of rotation", 30, () -> inRotation(a) == 0 && inRotation(b) == 0);
        assertThat(health(b).path("components").path("replicas").path("details").path("replica-1").path("state").asString())
                .startsWith("out of rotation");

        int answeredAfterStop = answered.values().stream().mapToInt(Integer::intValue).sum()
                - atStop.values().stream().mapToInt(Integer::intValue).sum();
        long restarted = System.nanoTime();
        pair.startReplica();
        waitUntil("the restarted replica returns to rotation by itself", 90, () -> inRotation(a) == 1 && inRotation(b) == 1);
        System.out.println("read-replicas: replica stopped under load: " + answeredAfterStop + " requests answered in the 2 s after,"
                + " 0 failed; back in rotation on both instances " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted)
                + " ms after its restart began");
        resetStatements();
        for (int i = 0; i < 5; i++) {
            assertThat(b.get(ITEMS).statusCode()).isEqualTo(200);
        }
        assertThat(calls(pair.replicaDatabase(), PAGE_STATEMENTS)).isEqualTo(5);
        assertThat(calls(pair.primaryDatabase(), PAGE_STATEMENTS)).isEqualTo(0);
    }

    private void toggleMargara() {
        execute(pair.primaryDatabase(), "update corridor.checkpoints set status = case when status = 'operating' "
                + "then 'not open to regular traffic' else 'operating' end where id = 'margara'");
    }

    private void waitForReplicaToCatchUp() throws Exception {
        long version = dataVersion(pair.primaryDatabase());
        String lsn = text(pair.primaryDatabase(), "select pg_current_wal_lsn()::text");
        waitUntil("the replica replays up to the primary", 60, () -> {
            try {
                return dataVersion(pair.replicaDatabase()) == version
                        && "t".equals(text(pair.replicaDatabase(), "select (pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn)::text").substring(0, 1));
            } catch (IllegalStateException e) {
                return false;
            }
        });
    }

    private void resetStatements() {
        execute(pair.primaryDatabase(), "select pg_stat_statements_reset()");
        execute(pair.replicaDatabase(), "select pg_stat_statements_reset()");
    }

    private static long calls(DataSource db, String where) {
        return Long.parseLong(text(db, "select coalesce(sum(calls), 0) from pg_stat_statements where " + where));
    }

    private static long dataVersion(DataSource db) {
        return Long.parseLong(text(db, "select coalesce(sum(version), 0) from corridor.table_version"));
    }

    private static long operating(DataSource db) {
        return Long.parseLong(text(db, "select count(*) from corridor.checkpoints where status = 'operating'"));
    }

    private static String text(DataSource db, String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void execute(DataSource db, String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static int inRotation(ServiceClient c) {
        return health(c).path("components").path("replicas").path("details").path("inRotation").asInt(-1);
    }

    private static JsonNode health(ServiceClient c) {
        return health(c, "/actuator/health");
    }

    private static JsonNode health(ServiceClient c, String path) {
        return ServiceClient.parse(c.get(path).body());
    }

    private static void waitUntil(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + seconds + " s for: " + what);
            }
            Thread.sleep(50);
        }
    }
}
