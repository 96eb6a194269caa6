package org.corridorgis.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A primary and a streaming replica of it, both private PostgreSQL clusters on 127.0.0.1 on the machine's
 * binaries, started the way the service starts its embedded cluster (zonky, under {@code unshare -U} as root).
 * The replica is a {@code pg_basebackup -R} of the primary. Both load pg_stat_statements, so a test can count
 * the statements each server ran.
 */
public final class StreamingReplicaPair implements AutoCloseable {

    private static final String DATABASE = "corridor";

    private final Path bin;
    private final Path root;
    private final EmbeddedPostgres primary;
    private final Path replicaData;
    private final int replicaPort;
    private EmbeddedPostgres replica;

    private StreamingReplicaPair(Path bin, Path root, EmbeddedPostgres primary, Path replicaData, int replicaPort) {
        this.bin = bin;
        this.root = root;
        this.primary = primary;
        this.replicaData = replicaData;
        this.replicaPort = replicaPort;
    }

    public static StreamingReplicaPair start() throws IOException, InterruptedException, SQLException {
        Path bin = EmbeddedPostgis.postgresBinDirectory("");
        Path root = Files.createTempDirectory("corridor-replication-");
        EmbeddedPostgres primary = cluster(bin, root.resolve("primary"), freePort(), true);
        try (Connection c = primary.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + DATABASE);
        }
        try (Connection c = primary.getDatabase("postgres", DATABASE).getConnection(); Statement s = c.createStatement()) {
            s.execute("create extension pg_stat_statements");
        }
        Path replicaData = root.resolve("replica");
        Process backup = new ProcessBuilder(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1",
                "-p", String.valueOf(primary.getPort()), "-U", "postgres", "-D", replicaData.toString(),
                "-R", "-X", "stream", "--checkpoint=fast")
                .redirectErrorStream(true).start();
        String output = new String(backup.getInputStream().readAllBytes());
        if (!backup.waitFor(120, TimeUnit.SECONDS) || backup.exitValue() != 0) {
            throw new IllegalStateException("pg_basebackup failed: " + output);
        }
        // The copy carries the primary's lock file and server options; the replica makes its own.
        Files.deleteIfExists(replicaData.resolve("epg-lock"));
        StreamingReplicaPair pair = new StreamingReplicaPair(bin, root, primary, replicaData, freePort());
        pair.startReplica();
        return pair;
    }

    private static EmbeddedPostgres cluster(Path bin, Path data, int port, boolean clean) throws IOException {
        Files.createDirectories(root(data));
        return EmbeddedPostgres.builder()
                .setPgBinaryResolver(new SystemPostgresBinaries(bin))
                .setDataDirectory(data.toFile())
                .setCleanDataDirectory(clean)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(120))
                .setLocaleConfig("locale", "C")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", root(data).toString())
                .setServerConfig("max_connections", "60")
                .setServerConfig("shared_buffers", "32MB")
                .setServerConfig("fsync", "off")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_utility", "off")
                .start();
    }

    private static Path root(Path data) {
        return data.resolveSibling(data.getFileName() + "-socket");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public String primaryUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primary.getPort() + "/" + DATABASE;
    }

    public String replicaUrl() {
        return "jdbc:postgresql://127.0.0.1:" + replicaPort + "/" + DATABASE;
    }

    public DataSource primaryDatabase() {
        return primary.getDatabase("postgres", DATABASE);
    }

    /** The replica's corridor database (a new connection each time, so it works across restarts). */
    public DataSource replicaDatabase() {
        if (replica == null) {
            throw new IllegalStateException("the replica is stopped");
        }
        return replica.getDatabase("postgres", DATABASE);
    }

    /** Starts the replica on its port; it resumes streaming from where it stopped. */
    public synchronized void startReplica() throws IOException {
        if (replica == null) {
            replica = cluster(bin, replicaData, replicaPort, false);
        }
    }

    /** Stops the replica as an operator would (pg_ctl stop, fast: open sessions are ended). */
    public synchronized void stopReplica() throws IOException {
        if (replica != null) {
            replica.close();
            replica = null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            stopReplica();
        } finally {
            primary.close();
            try (Stream<Path> files = Files.walk(root)) {
                List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
                for (Path p : all) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
