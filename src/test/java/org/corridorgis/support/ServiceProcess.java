package org.corridorgis.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.corridorgis.CorridorApplication;

/**
 * The service in a JVM of its own, from this test run's classes: for what only another process shows (a kill -9,
 * a second instance with its own JVM). It listens on 127.0.0.1 and writes its log to the given file.
 */
public final class ServiceProcess {

    private ServiceProcess() {
    }

    /**
     * Another instance of the service on the test run's database (whose seed data it does not load again), with
     * a small pool of its own, on the given port.
     */
    public static Process startBeside(DataSource testDatabase, int port, Path log) throws IOException {
        HikariDataSource pool = (HikariDataSource) testDatabase;
        return start(log, List.of(
                "--spring.datasource.url=" + pool.getJdbcUrl(),
                "--spring.datasource.username=" + pool.getUsername(),
                "--spring.datasource.password=" + (pool.getPassword() == null ? "" : pool.getPassword()),
                "--server.port=" + port,
                "--corridor.geodata.enabled=false",
                "--spring.datasource.hikari.maximum-pool-size=4"));
    }

    /** A port on 127.0.0.1 that nothing listens on at the moment, for a service to be started on. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Waits (at most 180 s) until the service answers its readiness probe, failing at once if its process ends;
     * the log is named in that failure.
     */
    public static void awaitReady(Process service, ServiceClient client, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new AssertionError("the service stopped by itself; see " + log);
            }
            try {
                if (client.get("/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // the port is not open yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service was not ready within 180 s; see " + log);
    }

    /** Starts the service with these arguments (database, port, ...), after a bounded heap and 127.0.0.1. */
    public static Process start(Path log, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CorridorApplication.class.getName());
        command.add("--server.address=127.0.0.1");
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
}
