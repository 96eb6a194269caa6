package org.corridorgis.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.corridorgis.security.ApiTokens;
import org.corridorgis.security.Role;
import org.corridorgis.support.ServiceClient;
import org.corridorgis.support.ServiceProcess;
import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * kill -9 of the service in the middle of a write leaves no partial state. A second service runs as a process of
 * its own (so that it can be killed) on the test database; a client writes to a checkpoint and a route in a loop,
 * each write based on the ETag of the one before. To kill it inside a write every time, the test locks the change
 * log: the next write has changed its feature and recomputed the route segments when it waits there, inside its
 * transaction; the test kills the service then. Afterwards every feature is as the last acknowledged write left
 * it, every version has its author in the change log and every change-log entry its version, and the route
 * segments are those of the route's recorded geometry.
 */
class KillDuringWritesTest extends ServiceTestBase {

    private static final Path SERVICE_LOG = Path.of("target", "kill-during-writes-service.log");
    private static final String LINE_A = "[[44.60,40.15],[44.70,40.20]]";
    private static final String LINE_B = "[[44.60,40.15],[44.65,40.25],[44.75,40.22]]";

    @Autowired
    DataSource dataSource;

    @Autowired
    ApiTokens tokens;

    @AfterEach
    void removeWhatTheTestMade() {
        jdbc.sql("delete from corridor.checkpoints where id like 'ktest-%'").update();
        jdbc.sql("delete from corridor.routes where id like 'ktest-%'").update();
        for (String table : List.of("checkpoints_history", "routes_history")) {
            jdbc.sql("delete from corridor." + table + " where id like 'ktest-%'").update();
        }
        jdbc.sql("delete from corridor.route_segments_history where route_id like 'ktest-%'").update();
        jdbc.sql("delete from corridor.change_log where feature_id like 'ktest-%'").update();
        jdbc.sql("delete from corridor.api_token where name = 'ktest writer'").update();
    }

    @Test
    void aWriteKilledMidTransactionLeavesEveryRowConsistentWithItsHistory() throws Exception {
        String bearer = "Bearer " + tokens.create("ktest writer", Role.REVIEWER, null).token();
        int port = ServiceProcess.freePort();
        Process service = startService(port);
        try {
            ServiceClient other = new ServiceClient(port);
            ServiceProcess.awaitReady(service, other, SERVICE_LOG);

            HttpResponse<String> cp = other.send("POST", "/collections/checkpoints/items", "application/geo+json",
                    "{\"type\":\"Feature\",\"id\":\"ktest-cp\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[45.5,39.5]},"
                            + "\"properties\":{\"name\":\"n-0\",\"states\":[\"ARM\"],\"kind\":\"customs post\",\"status\":\"proposed\","
                            + "\"sources\":[\"crossings-facts\"],\"accuracy\":\"schematic\"}}", "Authorization", bearer);
            assertThat(cp.statusCode()).as(cp.body()).isEqualTo(201);
            HttpResponse<String> road = other.send("POST", "/collections/routes/items", "application/geo+json",
                    "{\"type\":\"Feature\",\"id\":\"ktest-road\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":" + LINE_A + "},"
                            + "\"properties\":{\"name\":\"Kill test road\",\"origin\":\"A\",\"destination\":\"B\",\"via\":[],\"mode\":\"road\","
                            + "\"status\":\"proposed\",\"sources\":[\"crossings-facts\"],\"accuracy\":\"schematic\"}}", "Authorization", bearer);
            assertThat(road.statusCode()).as(road.body()).isEqualTo(201);
            String cpTag = cp.headers().firstValue("ETag").orElseThrow();
            String roadTag = road.headers().firstValue("ETag").orElseThrow();

            // the write loop: a rename of the checkpoint and a new geometry of the route, each on the last ETag
            int acknowledged = 0;
            String lastLine = LINE_A;
            for (int i = 1; i <= 12; i++) {
                HttpResponse<String> r = other.send("PATCH", "/collections/checkpoints/items/ktest-cp", "application/geo+json",
                        "{\"properties\":{\"name\":\"n-" + i + "\"}}", "Authorization", bearer, "If-Match", cpTag, "Change-Reason", "loop " + i);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
                cpTag = r.headers().firstValue("ETag").orElseThrow();
                String line = i % 2 == 0 ? LINE_A : LINE_B;
                HttpResponse<String> g = other.send("PATCH", "/collections/routes/items/ktest-road", "application/geo+json",
                        "{\"geometry\":{\"type\":\"LineString\",\"coordinates\":" + line + "}}", "Authorization", bearer, "If-Match", roadTag);
                assertThat(g.statusCode()).as(g.body()).isEqualTo(204);
                roadTag = g.headers().firstValue("ETag").orElseThrow();
                lastLine = line;
                acknowledged = i;
            }

            // the next write waits inside its transaction on the change log; kill -9 there
            long killedAfterWrites;
            long writerPid;
            try (Connection lock = dataSource.getConnection()) {
                lock.setAutoCommit(false);
                lock.createStatement().execute("LOCK TABLE corridor.change_log IN ACCESS EXCLUSIVE MODE");
                String nextLine = lastLine.equals(LINE_A) ? LINE_B : LINE_A;
                String tag = roadTag;
                CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
                    try {
                        return other.send("PATCH", "/collections/routes/items/ktest-road", "application/geo+json",
                                "{\"geometry\":{\"type\":\"LineString\",\"coordinates\":" + nextLine + "}}", "Authorization", bearer,
                                "If-Match", tag).statusCode();
                    } catch (IllegalStateException e) {
                        return -1; // the connection died with the service
                    }
                });
                waitFor(() -> !jdbc.sql("select l.pid from pg_locks l where l.relation = 'corridor.change_log'::regclass and not l.granted")
                        .query(Long.class).list().isEmpty(), Duration.ofSeconds(60), "the write to wait on the change log");
                long writer = jdbc.sql("select l.pid from pg_locks l where l.relation = 'corridor.change_log'::regclass and not l.granted")
                        .query(Long.class).list().get(0);
                // inside its transaction it has already changed the route (and so holds its row)
                assertThat(jdbc.sql("select count(*) from pg_locks where pid = ? and relation = 'corridor.routes'::regclass and granted")
                        .param(writer).query(Long.class).single()).isGreaterThanOrEqualTo(1L);
                writerPid = writer;
                service.destroyForcibly(); // SIGKILL
                assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(service.exitValue()).isEqualTo(137);
                assertThat(blocked.get(30, TimeUnit.SECONDS)).isEqualTo(-1);
                killedAfterWrites = 2L * acknowledged + 2;
                lock.rollback();
            }
            // its server process notices the lost client and rolls the transaction back
            waitFor(() -> jdbc.sql("select count(*) from pg_stat_activity where pid = ?").param(writerPid).query(Long.class).single() == 0,
                    Duration.ofSeconds(60), "the killed service's write to end");

            // every feature as the last acknowledged write left it
            assertThat(jdbc.sql("select name from corridor.checkpoints where id = 'ktest-cp'").query(String.class).single()).isEqualTo("n-" + acknowledged);
            String expectedLine = "LINESTRING(" + String.join(",", pairs(lastLine)) + ")";
            assertThat(jdbc.sql("select ST_AsText(geom) from corridor.routes where id = 'ktest-road'").query(String.class).single())
                    .isEqualTo(expectedLine);
            // the segments are the recorded route's: same length, same line
            assertThat(jdbc.sql("""
                    select abs(sum(s.length_km) - round((ST_Length(r.geom::geography) / 1000)::numeric, 3)) < 0.002
                           and ST_Equals(ST_LineMerge(ST_Union(s.geom)), r.geom)
                      from corridor.route_segments s join corridor.routes r on r.id = s.route_id
                     where r.id = 'ktest-road' group by r.geom""").query(Boolean.class).single()).isTrue();
            // every version has its change-log entry, every entry its version
            for (String[] f : List.of(new String[] {"checkpoints", "ktest-cp"}, new String[] {"routes", "ktest-road"})) {
                String versions = "select id, recorded_at from corridor." + f[0] + " where id = :id union all "
                        + "select id, recorded_at from corridor." + f[0] + "_history where id = :id";
                long count = jdbc.sql("select count(*) from (" + versions + ") v").param("id", f[1]).query(Long.class).single();
                assertThat(count).as(f[1] + " versions").isEqualTo(acknowledged + 1L);
                assertThat(jdbc.sql("select count(*) from (" + versions + ") v where not exists (select 1 from corridor.change_log l "
                        + "where l.feature_id = v.id and l.recorded_at = v.recorded_at)").param("id", f[1]).query(Long.class).single())
                        .as(f[1] + " versions without an author").isZero();
                assertThat(jdbc.sql("select count(*) from corridor.change_log l where l.feature_id = :id and not exists (select 1 from ("
                        + versions + ") v where v.recorded_at = l.recorded_at)").param("id", f[1]).query(Long.class).single())
                        .as(f[1] + " change-log entries without a version").isZero();
            }
            System.out.printf("kill -9 during writes: %d writes acknowledged (%d versions of each of 2 features checked), the %dth killed "
                    + "mid-transaction; nothing of it stayed, every version has its change-log entry, route segments match the route%n",
                    2 * acknowledged + 2, acknowledged + 1, killedAfterWrites + 1);
        } finally {
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> pairs(String line) {
        List<String> out = new ArrayList<>();
        for (String p : line.replace("[[", "").replace("]]", "").split("\\],\\[")) {
            String[] xy = p.split(",");
            out.add(strip(xy[0]) + " " + strip(xy[1]));
        }
        return out;
    }

    private static String strip(String number) {
        return new java.math.BigDecimal(number).stripTrailingZeros().toPlainString();
    }

    private Process startService(int port) throws Exception {
        return ServiceProcess.startBeside(dataSource, port, SERVICE_LOG);
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(Condition condition, Duration within, String what) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited " + within.toSeconds() + " s for " + what);
    }
}
