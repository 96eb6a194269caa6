package org.corridorgis.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.corridorgis.support.PostgisIntegrationTest;
import org.corridorgis.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * kill -9 of the service while its loader writes leaves nothing half-written. The service runs as a process of
 * its own (so that it can be killed) against a scratch database. To kill it in the middle of its load every time,
 * the test holds a lock on the checkpoints table: the loader writes the collections before it (sources,
 * countries, ...) and then waits on that lock inside its one transaction; the test kills it there. Afterwards
 * the database holds none of that load; a new start loads everything; and a killed update (new names) leaves the
 * old names and history as they were.
 */
@PostgisIntegrationTest
class KillDuringLoadTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DataSource shared;

    @Test
    void killedLoadsLeaveNothingHalfWritten() throws Exception {
        Path geodata = Path.of("geodata").toAbsolutePath();
        int checkpointsInFile = JSON.readTree(geodata.resolve("checkpoints.geojson").toFile()).path("features").size();
        int sourcesInFile = JSON.readTree(geodata.resolve("sources.json").toFile()).size();
        assertThat(checkpointsInFile).isGreaterThan(5);
        try (ScratchDatabase scratch = new ScratchDatabase(shared)) {
            JdbcTemplate db = new JdbcTemplate(scratch.dataSource());

            // 1. The first load, killed half-way: nothing of it stays.
            long killedAfter = killWhileBlockedOnCheckpoints(scratch, db, geodata);
            assertThat(count(db, "corridor.sources")).isZero();
            assertThat(count(db, "corridor.countries")).isZero();
            assertThat(count(db, "corridor.checkpoints")).isZero();
            assertThat(count(db, "corridor.geodata_file")).isZero();

            // 2. A normal start loads it all.
            Process service = startService(scratch, geodata);
            try {
                waitFor(() -> {
                    if (!service.isAlive()) {
                        throw new AssertionError("the service stopped by itself; see target/kill-during-load-service.log");
                    }
                    return count(db, "corridor.geodata_file") > 0 && count(db, "corridor.checkpoints") == checkpointsInFile;
                }, Duration.ofSeconds(400), "the full load");
            } finally {
                service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(count(db, "corridor.sources")).isEqualTo(sourcesInFile);
            long historyBefore = count(db, "corridor.checkpoints_history");
            String shaBefore = db.queryForObject("select sha256 from corridor.geodata_file where name = 'checkpoints.geojson'", String.class);

            // 3. An update of every checkpoint's name, killed half-way: the old names and history stay as they were.
            Path renamed = Files.createTempDirectory("corridor-geodata-renamed-");
            try {
                copyTree(geodata, renamed);
                ObjectNode checkpoints = (ObjectNode) JSON.readTree(renamed.resolve("checkpoints.geojson").toFile());
                for (JsonNode f : checkpoints.path("features")) {
                    ObjectNode properties = (ObjectNode) f.path("properties");
                    properties.put("name", properties.path("name").asString() + " (renamed)");
                }
                JSON.writeValue(renamed.resolve("checkpoints.geojson").toFile(), checkpoints);
                killWhileBlockedOnCheckpoints(scratch, db, renamed);
            } finally {
                deleteTree(renamed);
            }
            assertThat(count(db, "corridor.checkpoints")).isEqualTo(checkpointsInFile);
            assertThat(db.queryForObject("select count(*) from corridor.checkpoints where name like '%(renamed)'", Long.class)).isZero();
            assertThat(count(db, "corridor.checkpoints_history")).isEqualTo(historyBefore);
            assertThat(db.queryForObject("select sha256 from corridor.geodata_file where name = 'checkpoints.geojson'", String.class))
                    .isEqualTo(shaBefore);
            System.out.printf("kill -9 during the loader: killed %d ms after its start, mid-transaction; first load and update"
                    + " left nothing behind; the next start loaded %d checkpoints and %d sources%n", killedAfter, checkpointsInFile, sourcesInFile);
        }
    }

    /** Starts the service, waits until its loader waits on the test's lock mid-transaction, and kills it with SIGKILL. */
    private long killWhileBlockedOnCheckpoints(ScratchDatabase scratch, JdbcTemplate db, Path geodata) throws Exception {
        try (Connection lock = scratch.dataSource().getConnection()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("LOCK TABLE corridor.checkpoints IN ACCESS EXCLUSIVE MODE");
            long started = System.nanoTime();
            Process service = startService(scratch, geodata);
            long loaderPid;
            try {
                waitFor(() -> {
                    if (!service.isAlive()) {
                        throw new AssertionError("the service stopped by itself (exit " + service.exitValue()
                                + "); see target/kill-during-load-service.log");
                    }
                    return waitingLoader(db) != null;
                }, Duration.ofSeconds(400), "the loader to reach the checkpoints");
                loaderPid = waitingLoader(db);
                // it holds the loader's advisory lock: it is inside its one transaction
                assertThat(db.queryForObject("select count(*) from pg_locks where pid = ? and locktype = 'advisory' and granted",
                        Long.class, loaderPid)).isEqualTo(1L);
            } finally {
                service.destroyForcibly(); // SIGKILL
            }
            assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(service.exitValue()).isEqualTo(137);
            long killedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            lock.rollback();
            // its server process notices the lost client and rolls the transaction back
            waitFor(() -> db.queryForObject("select count(*) from pg_stat_activity where pid = ?", Long.class, loaderPid) == 0,
                    Duration.ofSeconds(60), "the killed service's session to end");
            return killedAfter;
        }
    }

    private static Long waitingLoader(JdbcTemplate db) {
        List<Long> pids = db.queryForList("""
                select l.pid from pg_locks l
                 where l.relation = 'corridor.checkpoints'::regclass and not l.granted and l.pid <> pg_backend_pid()""", Long.class);
        return pids.isEmpty() ? null : pids.get(0);
    }

    private static Process startService(ScratchDatabase scratch, Path geodata) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(scratch.springArguments()));
        arguments.add("--server.port=0");
        arguments.add("--corridor.geodata.dir=" + geodata);
        return ServiceProcess.start(Path.of("target", "kill-during-load-service.log"), arguments);
    }

    private static long count(JdbcTemplate db, String table) {
        return db.queryForObject("select count(*) from " + table, Long.class);
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
            Thread.sleep(200);
        }
        throw new AssertionError("waited " + within.toSeconds() + " s for " + what);
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
