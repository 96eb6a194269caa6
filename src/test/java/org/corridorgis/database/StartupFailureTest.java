package org.corridorgis.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.corridorgis.CorridorApplication;
import org.corridorgis.web.ServerPortGuard;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Start-up problems an operator can fix are reported as one line saying what and how. */
class StartupFailureTest {

    @Test
    void unreachableDatabaseFailsFastWithOneLine() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CorridorApplication.class)
                .run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:9/nowhere", "--server.port=0",
                        "--spring.datasource.hikari.connection-timeout=2000"))
                .satisfies(e -> {
                    StartupProblem problem = findProblem(e);
                    assertThat(problem.getMessage()).startsWith("cannot connect to the database at jdbc:postgresql://127.0.0.1:9/nowhere");
                    FailureAnalysis analysis = new StartupProblemFailureAnalyzer().analyze(e);
                    assertThat(analysis.getDescription()).doesNotContain("\n");
                    assertThat(analysis.getAction()).contains("CORRIDOR_DB_URL");
                });
    }

    @Test
    void takenPortIsNamedBeforeAnythingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> new SpringApplicationBuilder(CorridorApplication.class)
                    .listeners(new ServerPortGuard())
                    .run("--server.port=" + taken.getLocalPort(), "--server.address=0.0.0.0"))
                    .satisfies(e -> assertThat(findProblem(e).getMessage())
                            .isEqualTo("Port " + taken.getLocalPort() + " is already in use (is corridor-gis already running?)"));
        }
    }

    @Test
    void aSchemaThatDoesNotMatchTheMigrationsIsNamedInOneLine() {
        org.flywaydb.core.api.FlywayException e = new org.flywaydb.core.api.FlywayException(
                "Validate failed: Migrations have failed validation\nMigration checksum mismatch for migration version 4");
        FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(new IllegalStateException(e));
        assertThat(analysis.getDescription()).doesNotContain("\n").contains("checksum mismatch for migration version 4");
        assertThat(analysis.getAction()).contains("CORRIDOR_DATA_DIR");
    }

    @Test
    void persistentEmbeddedClusterKeepsItsDataAcrossRestarts() throws Exception {
        Path dataDir = Files.createTempDirectory("corridor-restart-").resolve("postgis");
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(dataDir, false, 0, "", Duration.ofSeconds(60), Duration.ofSeconds(1));
        try (EmbeddedPostgis first = EmbeddedPostgis.start(properties)) {
            jdbc(first).sql("create table kept(id int)").update();
            jdbc(first).sql("insert into kept values (42)").update();
        }
        try (EmbeddedPostgis second = EmbeddedPostgis.start(properties)) {
            assertThat(jdbc(second).sql("select id from kept").query(Integer.class).single()).isEqualTo(42);
            assertThat(second.dataDirectory()).isEqualTo(dataDir.toAbsolutePath());
        }
    }

    private static JdbcClient jdbc(EmbeddedPostgis db) {
        return JdbcClient.create(new DriverManagerDataSource(db.jdbcUrl(), EmbeddedPostgis.USER, ""));
    }

    private static StartupProblem findProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StartupProblem problem) {
                return problem;
            }
        }
        throw new AssertionError("no StartupProblem in the cause chain", e);
    }
}
