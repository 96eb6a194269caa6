package org.corridorgis.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.corridorgis.CorridorApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Overload and faults, on a service with a database of its own (these tests stop it and add a slow collection).
 * Overload: a request's page, count and paging keys are one statement, cut off at the request's time budget; expensive requests hold only part of the pool.
 * The database goes away under load: killed (the embedded default starts it again by itself) and frozen
 * (SIGSTOP). The service runs against a cluster of its own here, since these tests stop it. While the database
 * cannot answer, every request gets a 503 problem body with Retry-After quickly (never a 500, never a hang beyond
 * the timeouts), readiness is DOWN and liveness UP, health answers within its own timeout; afterwards the service
 * serves again without a restart. Bounds carry a margin for a loaded 2-core machine; the measured figures are
 * printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseFaultTest {

    private static final String ITEMS = "/collections/checkpoints/items?limit=5";
    /** The driver's socket timeout in this test (seconds): how long one read may wait on a frozen server. */
    private static final int SOCKET_TIMEOUT_S = 6;
    /**
     * The longest a request may wait on a frozen server: twice the socket timeout, and a margin. The driver
     * (pgjdbc 42.7) waits out one timeout without failing when part of a large row has come: its buffered stream
     * hands over the bytes it holds, and the next read waits the full timeout again. A request caught in a page
     * whose row was half sent when the server froze waits twice the socket timeout (measured: 16.5 s with a 10 s
     * timeout, its buffered-stream read in the thread dump); any other waits it once.
     */
    private static final long FROZEN_BOUND_MILLIS = 2 * SOCKET_TIMEOUT_S * 1000L + 3000;
    /**
     * "Quick" for a 503 here: the pool wait is 0.75 s and answers come in about 1 s on an idle machine; the bound
     * leaves room for a CI machine whose two cores are busy with other work, so that it cannot flake.
     */
    private static final long QUICK_MILLIS = 5000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path dataDir;
    private static EmbeddedPostgis db;
    private static ConfigurableApplicationContext service;
    private static String base;

    record Sample(long startedNanos, int status, long millis, boolean retryAfter, boolean problem, String title) {
    }

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("corridor-fault-");
        db = EmbeddedPostgis.start(new EmbeddedDatabaseProperties(dataDir.resolve("data"), false, 0, "",
                Duration.ofSeconds(60), Duration.ofSeconds(4)));
        service = new SpringApplicationBuilder(CorridorApplication.class).run(
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.datasource.hikari.data-source-properties.socketTimeout=" + SOCKET_TIMEOUT_S,
                "--corridor.features.request-budget=2s",
                // the pool's share is what expensiveRequestsHoldOnlyPartOfThePool checks; the processor cap (half the
                // cores: one on a two-core machine) would hide it, so it is set above the share here
                "--corridor.bulkhead.expensive-max=8");
        int port = service.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        base = "http://127.0.0.1:" + port;
        assertThat(get(ITEMS).status()).isEqualTo(200);
        // A collection whose every row costs 150 ms of wall time (a sleep, so CPU load hardly changes it): a
        // count or a page over its 10 rows takes about 1.5 s, within the 2 s budget; the first page of it, which
        // also counts numberMatched, takes twice that.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
             java.sql.Statement st = c.createStatement()) {
            st.execute("""
                    CREATE FUNCTION corridor.slowly(id text) RETURNS boolean LANGUAGE plpgsql VOLATILE AS
                      $$ BEGIN PERFORM pg_sleep(0.15); RETURN true; END $$;
                    CREATE TABLE corridor.slow_points_rows AS
                      SELECT i::text AS id, ST_SetSRID(ST_MakePoint(45 + i / 1000.0, 40), 4326)::geometry(Point, 4326) AS geom,
                             'point ' || i AS name, ARRAY['test'] AS sources, 'schematic' AS accuracy,
                             date '2020-01-01' AS valid_from, NULL::date AS valid_to, now() AS recorded_at
                        FROM generate_series(1, 10) i;
                    CREATE VIEW corridor.slow_points AS SELECT * FROM corridor.slow_points_rows WHERE corridor.slowly(id);
                    INSERT INTO corridor.collection (id, table_name, title, description, geometry_type, sort_order)
                      VALUES ('slow-points', 'slow_points', 'Slow points', 'every row costs 150 ms', 'Point', 999);
                    """);
        }
    }

    @Test
    @Order(1)
    void aPageThatCountsAndReadsPastTheBudgetIsCutOff() throws Exception {
        // Counting alone fits in the 2 s budget (measured here by hand) ...
        long t = System.nanoTime();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
             java.sql.Statement st = c.createStatement()) {
            st.execute("SELECT count(*) FROM corridor.slow_points");
        }
        long oneStatement = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t);
        assertThat(oneStatement).isBetween(1450L, 1950L);
        // ... but the first page, whose one statement counts and reads the rows, does not: it is cancelled.
        Sample page = get("/collections/slow-points/items?limit=10");
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.retryAfter()).isTrue();
        assertThat(page.problem()).isTrue();
        // cancelled by PostgreSQL when the budget is spent (the bound allows for a loaded machine)
        assertThat(page.millis()).isLessThan(4500);
        System.out.printf("budget: one statement %d ms; the request (count + page, budget 2 000 ms) answered 503 in %d ms%n",
                oneStatement, page.millis());
    }

    @Test
    @Order(2)
    void expensiveRequestsHoldOnlyPartOfThePool() throws Exception {
        // 16 connections: filters over a big table may hold a quarter, 4. Sixteen slow filtered requests at once, half
        // in the query string and half as the body of a search: 4 run, the rest are turned away quickly, and an
        // ordinary request and a filter over a small table (checkpoints) are served meanwhile.
        String filtered = "/collections/slow-points/items?limit=10&filter=" + java.net.URLEncoder.encode("name <> 'x'", "UTF-8");
        String search = "/collections/slow-points/search?limit=10";
        String searchBody = "{\"op\": \"<>\", \"args\": [{\"property\": \"name\"}, \"x\"]}";
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<Sample>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(clients.submit(i % 2 == 0 ? () -> get(filtered) : () -> post(search, searchBody)));
            }
            Thread.sleep(500);
            Sample ordinary = get(ITEMS);
            Sample smallFilter = get(ITEMS + "&filter=" + java.net.URLEncoder.encode("name <> 'x'", "UTF-8"));
            List<Sample> expensive = new ArrayList<>();
            for (var a : answers) {
                expensive.add(a.get(60, TimeUnit.SECONDS));
            }
            assertThat(ordinary.status()).isEqualTo(200);
            // served while the expensive ones hold their share, not queued behind them (bound generous for a loaded CI)
            assertThat(ordinary.millis()).isLessThan(5000);
            assertThat(smallFilter.status()).as(smallFilter.title()).isEqualTo(200);
            assertThat(smallFilter.millis()).isLessThan(5000);
            assertThat(expensive).hasSize(16);
            List<Sample> turnedAway = expensive.stream().filter(s -> s.title().equals("Too many expensive requests")).toList();
            assertThat(turnedAway).hasSize(12);
            assertThat(turnedAway).allSatisfy(s -> {
                assertThat(s.status()).isEqualTo(503);
                assertThat(s.retryAfter()).isTrue();
                assertThat(s.problem()).isTrue();
                assertThat(s.millis()).isLessThan(QUICK_MILLIS);
            });
            // the four that ran were cut off by the budget (2 s), not by the bulkhead
            assertThat(expensive.stream().filter(s -> s.title().equals("Query took too long"))).hasSize(4)
                    .allSatisfy(s -> assertThat(s.status()).isEqualTo(503));
            System.out.printf("bulkhead: 16 slow filters at once (8 in the query, 8 as search bodies): 12 turned away in %s ms; an ordinary request meanwhile: %d ms; a filter over a small table: %d ms%n",
                    millis(turnedAway), ordinary.millis(), smallFilter.millis());
        } finally {
            clients.shutdownNow();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (db != null) {
            db.close();
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(3)
    void aKilledDatabaseGives503sThenComesBackByItself() throws Exception {
        int restartsBefore = db.restarts();
        try (Load load = new Load(4)) {
            Thread.sleep(1000);
            long killed = System.nanoTime();
            ProcessHandle.of(db.serverPid()).orElseThrow().destroyForcibly();
            Thread.sleep(800);

            // The watchdog waits 4 s before starting the server again: the database is away meanwhile.
            List<Sample> health = new ArrayList<>();
            List<Sample> readiness = new ArrayList<>();
            List<Sample> liveness = new ArrayList<>();
            List<Sample> items = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                health.add(get("/actuator/health"));
                readiness.add(get("/actuator/health/readiness"));
                liveness.add(get("/actuator/health/liveness"));
                items.add(get(ITEMS));
            }
            long back = waitForStatus200(Duration.ofSeconds(60));
            Thread.sleep(1500);
            List<Sample> loadSamples = load.stop();

            assertThat(health).allSatisfy(s -> assertThat(s.status()).isEqualTo(503));
            assertThat(readiness).allSatisfy(s -> assertThat(s.status()).isEqualTo(503));
            assertThat(liveness).allSatisfy(s -> assertThat(s.status()).isEqualTo(200));
            assertThat(items).allSatisfy(s -> {
                assertThat(s.status()).isEqualTo(503);
                assertThat(s.retryAfter()).isTrue();
                assertThat(s.problem()).isTrue();
            });
            List<Sample> probes = new ArrayList<>(health);
            probes.addAll(readiness);
            probes.addAll(items);
            assertThat(probes).allSatisfy(s -> assertThat(s.millis()).isLessThan(QUICK_MILLIS));

            checkLoad(loadSamples, killed, QUICK_MILLIS);
            assertThat(db.restarts()).isEqualTo(restartsBefore + 1);
            assertThat(get("/actuator/health/readiness").status()).isEqualTo(200);
            System.out.printf("fault (kill -9 database): probes while away: items %s ms, health %s ms, readiness %s ms,"
                            + " liveness %s ms; load: %s; serving again %d ms after the kill (restart delay 4 000 ms)%n",
                    millis(items), millis(health), millis(readiness), millis(liveness), summary(loadSamples, killed),
                    TimeUnit.NANOSECONDS.toMillis(back - killed));
        }
    }

    @Test
    @Order(4)
    void aFrozenDatabaseDoesNotHangClientsBeyondTheTimeouts() throws Exception {
        long pid = db.serverPid();
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        try (Load load = new Load(4)) {
            Thread.sleep(1000);
            long frozen = System.nanoTime();
            // the server first, so that it forks no new session meanwhile, then every session it has
            signal("-STOP", pids);
            List<Long> sessions = new ArrayList<>();
            ProcessHandle.of(pid).orElseThrow().descendants().forEach(p -> sessions.add(p.pid()));
            signal("-STOP", sessions);
            pids.addAll(sessions);
            List<Sample> health = new ArrayList<>();
            List<Sample> readiness = new ArrayList<>();
            List<Sample> liveness = new ArrayList<>();
            try {
                Thread.sleep(1000);
                for (int i = 0; i < 3; i++) {
                    health.add(get("/actuator/health"));
                    readiness.add(get("/actuator/health/readiness"));
                    liveness.add(get("/actuator/health/liveness"));
                }
                // frozen for longer than the bound, so that a request answered within it was answered by a timeout
                Thread.sleep(2 * SOCKET_TIMEOUT_S * 1000L + 2000);
                // what the service's threads wait on this late in the freeze, for a request that is still waiting
                printServiceThreads();
            } finally {
                signal("-CONT", pids);
            }
            long thawed = System.nanoTime();
            long back = waitForStatus200(Duration.ofSeconds(60));
            List<Sample> loadSamples = load.stop();

            // health has its own 0.8 s timeout; the bound allows for a thread caught on the frozen server
            assertThat(health).allSatisfy(s -> {
                assertThat(s.status()).isEqualTo(503);
                assertThat(s.millis()).isLessThan(SOCKET_TIMEOUT_S * 1000L + 3000);
            });
            assertThat(readiness).allSatisfy(s -> assertThat(s.status()).isEqualTo(503));
            assertThat(liveness).allSatisfy(s -> assertThat(s.status()).isEqualTo(200));
            // A request caught on the frozen server waits at most for the socket timeout (twice, see
            // FROZEN_BOUND_MILLIS), then gets its 503; the freeze lasted longer than that.
            assertThat(TimeUnit.NANOSECONDS.toMillis(thawed - frozen)).isGreaterThan(FROZEN_BOUND_MILLIS);
            checkLoad(loadSamples, frozen, FROZEN_BOUND_MILLIS);
            assertThat(loadSamples).anySatisfy(s -> assertThat(s.status()).isEqualTo(503));
            System.out.printf("fault (SIGSTOP database for %d ms): health %s ms, readiness %s ms, liveness %s ms; load: %s;"
                            + " serving again %d ms after SIGCONT%n",
                    TimeUnit.NANOSECONDS.toMillis(thawed - frozen), millis(health), millis(readiness), millis(liveness),
                    summary(loadSamples, frozen), TimeUnit.NANOSECONDS.toMillis(back - thawed));
        }
    }

    /** The stacks of the service's request threads that are busy (not idle, waiting for a request to serve). */
    private static void printServiceThreads() {
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            boolean idle = java.util.Arrays.stream(stack).anyMatch(f -> f.getClassName().endsWith("TaskQueue")
                    && (f.getMethodName().equals("take") || f.getMethodName().equals("poll")));
            if (!idle && thread.getName().contains("-exec-")) {
                StringBuilder b = new StringBuilder("busy during the freeze: " + thread.getName() + " " + thread.getState());
                for (int i = 0; i < Math.min(stack.length, 40); i++) {
                    b.append("\n    at ").append(stack[i]);
                }
                System.out.println(b);
            }
        });
    }

    /** Every answer under load is a 200 or a 503 problem with Retry-After, within the bound; none is a 500. */
    private static void checkLoad(List<Sample> samples, long faultAt, long boundMillis) {
        assertThat(samples).hasSizeGreaterThan(10);
        assertThat(samples).allSatisfy(s -> {
            assertThat(s.status()).isIn(200, 503);
            if (s.status() == 503) {
                assertThat(s.retryAfter()).isTrue();
                assertThat(s.problem()).isTrue();
            }
            assertThat(s.millis()).isLessThan(boundMillis);
        });
        assertThat(samples.stream().filter(s -> s.startedNanos() > faultAt && s.status() == 503)).isNotEmpty();
    }

    private static String summary(List<Sample> samples, long faultAt) {
        List<Long> unavailable = samples.stream().filter(s -> s.status() == 503).map(Sample::millis).sorted().toList();
        long ok = samples.stream().filter(s -> s.status() == 200).count();
        return samples.size() + " requests, " + ok + " × 200, " + unavailable.size() + " × 503 (median "
                + (unavailable.isEmpty() ? "-" : unavailable.get(unavailable.size() / 2)) + " ms, max "
                + (unavailable.isEmpty() ? "-" : unavailable.get(unavailable.size() - 1)) + " ms), 0 × 500";
    }

    private static List<Long> millis(List<Sample> samples) {
        return samples.stream().map(Sample::millis).toList();
    }

    private static long waitForStatus200(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (get(ITEMS).status() == 200) {
                return System.nanoTime();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not serve " + ITEMS + " again within " + within.toSeconds() + " s");
    }

    private static void signal(String signal, List<Long> pids) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(p -> command.add(String.valueOf(p)));
        Process kill = new ProcessBuilder(command).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    static Sample get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)));
    }

    static Sample post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/cql2+json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static Sample send(HttpRequest.Builder request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            java.util.regex.Matcher title = java.util.regex.Pattern.compile("\"title\":\"([^\"]*)\"").matcher(r.body());
            return new Sample(started, r.statusCode(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    r.headers().firstValue("Retry-After").isPresent(),
                    r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    title.find() ? title.group(1) : "");
        } catch (java.io.IOException e) {
            return new Sample(started, -1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), false, false, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sample(started, -1, 0, false, false, "");
        }
    }

    /** Clients asking for a page in a loop, as ordinary traffic. */
    static final class Load implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        private final ExecutorService clients;

        Load(int clients) {
            this.clients = Executors.newFixedThreadPool(clients);
            for (int i = 0; i < clients; i++) {
                this.clients.submit(() -> {
                    while (running.get()) {
                        samples.add(get(ITEMS));
                    }
                });
            }
        }

        List<Sample> stop() throws InterruptedException {
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            return List.copyOf(samples);
        }

        @Override
        public void close() throws InterruptedException {
            if (running.get()) {
                stop();
            }
        }
    }
}
