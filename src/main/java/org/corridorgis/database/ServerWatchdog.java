package org.corridorgis.database;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded cluster's server running: when it dies (killed, crashed, out of memory) the watchdog starts
 * it again with the very command line it was started with, says so in the log, and the pool's connection checks
 * do the rest. It does nothing while the JVM shuts down, when the server is meant to stop.
 */
final class ServerWatchdog {

    private static final Logger log = LoggerFactory.getLogger(ServerWatchdog.class);
    private static final long POLL_MILLIS = 200;

    private final List<String> commandLine;
    private final int port;
    private final Duration restartAfter;
    private final Duration startupWait;
    private final java.io.File output;
    private volatile ProcessHandle server;
    private volatile boolean stopped;
    private volatile int restarts;
    private Thread thread;

    /** The server is found by the pid in its data directory's postmaster.pid (pg_ctl started it detached). */
    ServerWatchdog(Path dataDirectory, int port, Duration restartAfter, Duration startupWait) {
        this.server = serverProcess(dataDirectory);
        this.port = port;
        this.restartAfter = restartAfter;
        this.startupWait = startupWait;
        ProcessHandle.Info info = server == null ? null : server.info();
        this.commandLine = info != null && info.command().isPresent() && info.arguments().isPresent()
                ? concat(info.command().get(), info.arguments().get())
                : List.of();
        this.output = dataDirectory.resolve("restart.log").toFile();
    }

    private static ProcessHandle serverProcess(Path dataDirectory) {
        try {
            String firstLine = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.US_ASCII)
                    .stream().findFirst().orElse("").trim();
            return firstLine.matches("\\d+") ? ProcessHandle.of(Long.parseLong(firstLine)).orElse(null) : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    void start() {
        if (commandLine.isEmpty()) {
            log.warn("The embedded PostgreSQL's command line cannot be read; it will not be restarted if it dies");
            return;
        }
        thread = new Thread(this::watch, "embedded-postgres-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    long serverPid() {
        return server == null ? -1 : server.pid();
    }

    int restarts() {
        return restarts;
    }

    private void watch() {
        try {
            while (!stopped) {
                server.onExit().get();
                if (stopped || shuttingDown()) {
                    return;
                }
                log.warn("The embedded PostgreSQL (pid {}) has stopped; starting it again in {} ms", server.pid(),
                        restartAfter.toMillis());
                Thread.sleep(restartAfter.toMillis());
                while (!stopped && !shuttingDown() && !restart()) {
                    Thread.sleep(1000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.error("The embedded PostgreSQL's watchdog stopped", e);
        }
    }

    /** Starts the server again; false when it did not come up (e.g. old backends still hold its memory). */
    private boolean restart() throws InterruptedException {
        long started = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(commandLine).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output)).start();
        } catch (java.io.IOException e) {
            log.error("The embedded PostgreSQL could not be started again: {}", e.getMessage());
            return false;
        }
        long deadline = started + startupWait.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                log.warn("The embedded PostgreSQL did not start again (exit code {}, see {}); trying again",
                        process.exitValue(), output);
                return false;
            }
            if (accepts()) {
                server = process.toHandle();
                restarts++;
                log.warn("The embedded PostgreSQL is running again (pid {}) after {} ms", process.pid(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                return true;
            }
            Thread.sleep(POLL_MILLIS);
        }
        process.destroyForcibly();
        log.warn("The embedded PostgreSQL did not accept connections within {} s; trying again", startupWait.toSeconds());
        return false;
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** A shutdown hook cannot be added once the JVM has begun to shut down. */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** PostgreSQL refuses to run as root; as zonky does, a root service runs it in a user namespace. */
    private static List<String> concat(String command, String[] arguments) {
        List<String> all = new java.util.ArrayList<>();
        if (ProcessHandle.current().info().user().map("root"::equals).orElse(false)) {
            all.add("unshare");
            all.add("-U");
        }
        all.add(command);
        all.addAll(List.of(arguments));
        return List.copyOf(all);
    }
}
