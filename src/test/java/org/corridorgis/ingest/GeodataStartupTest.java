package org.corridorgis.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.corridorgis.CorridorApplication;
import org.corridorgis.database.StartupProblem;
import org.corridorgis.support.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The loader as part of the service's start: a whole second service instance is started against a scratch
 * database (see {@link ScratchDatabase}) with its own geodata directory.
 */
@PostgisIntegrationTest
class GeodataStartupTest {

    @Autowired
    DataSource shared;

    @TempDir
    Path dir;

    ScratchDatabase scratch;

    @BeforeEach
    void scratch() {
        scratch = new ScratchDatabase(shared, false); // the service's start migrates it, then loads
    }

    @AfterEach
    void drop() {
        scratch.close();
    }

    ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of(scratch.springArguments()));
        args.add("--server.port=0");
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(CorridorApplication.class).run(args.toArray(String[]::new));
    }

    void writeValidSet() throws IOException {
        Files.writeString(dir.resolve("sources.json"), GeodataLoaderTest.SOURCES);
        Files.writeString(dir.resolve("countries.geojson"), GeodataLoaderTest.COUNTRIES);
        Files.writeString(dir.resolve("routes.geojson"), GeodataLoaderTest.ROUTES);
        Files.writeString(dir.resolve("checkpoints.geojson"), GeodataLoaderTest.CHECKPOINTS);
    }

    @Test
    void theDataIsLoadedAfterTheMigrationsAndBeforeTheServiceIsUp() throws IOException {
        writeValidSet();
        try (ConfigurableApplicationContext context = start("--corridor.geodata.dir=" + dir)) {
            JdbcTemplate db = new JdbcTemplate(scratch.dataSource());
            assertThat(db.queryForObject("SELECT count(*) FROM corridor.routes", Integer.class)).isEqualTo(1);
            assertThat(db.queryForObject("SELECT count(*) FROM corridor.route_segments", Integer.class)).isEqualTo(2);
            assertThat(db.queryForObject("SELECT count(*) FROM corridor.geodata_file", Integer.class)).isEqualTo(4);
        }
    }

    @Test
    void invalidDataStopsTheStartWithOneLine() throws IOException {
        writeValidSet();
        Files.writeString(dir.resolve("checkpoints.geojson"),
                GeodataLoaderTest.CHECKPOINTS.replace("[44.6, 40.1]", "[52.6, 40.1]"));

        assertThatThrownBy(() -> start("--corridor.geodata.dir=" + dir).close())
                .satisfies(e -> {
                    StartupProblem problem = findProblem(e);
                    assertThat(problem).isInstanceOf(GeodataException.class);
                    assertThat(problem.getMessage())
                            .startsWith("geodata checkpoints.geojson, feature 'test-cp-2': coordinates outside the region")
                            .doesNotContain("\n");
                    assertThat(problem.fix()).contains("checkpoints.geojson").contains("corridor.geodata.enabled=false");
                });
        JdbcTemplate db = new JdbcTemplate(scratch.dataSource());
        assertThat(db.queryForObject("SELECT count(*) FROM corridor.sources", Integer.class)).isZero();
        assertThat(db.queryForObject("SELECT count(*) FROM corridor.geodata_file", Integer.class)).isZero();
    }

    @Test
    void aMissingDirectoryOrDisabledLoaderStartsEmpty() {
        try (ConfigurableApplicationContext context = start("--corridor.geodata.dir=" + dir.resolve("absent"))) {
            assertThat(new JdbcTemplate(scratch.dataSource()).queryForObject("SELECT count(*) FROM corridor.geodata_file",
                    Integer.class)).isZero();
        }
    }

    @Test
    void loadingCanBeSwitchedOff() throws IOException {
        writeValidSet();
        try (ConfigurableApplicationContext context = start("--corridor.geodata.dir=" + dir,
                "--corridor.geodata.enabled=false")) {
            assertThat(new JdbcTemplate(scratch.dataSource()).queryForObject("SELECT count(*) FROM corridor.sources",
                    Integer.class)).isZero();
        }
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
