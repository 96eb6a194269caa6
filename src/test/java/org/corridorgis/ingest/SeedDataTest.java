package org.corridorgis.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.corridorgis.support.PostgisIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real seed data ({@code geodata/} at the repository root), as the service loaded it at start-up into the
 * shared test database. Skipped while the seed files do not exist yet.
 */
@PostgisIntegrationTest
class SeedDataTest {

    /** The contract lets these omit accuracy (notes/CONTRACT.md). */
    static final List<String> ACCURACY_OPTIONAL = List.of("sources", "control_regimes", "scenarios");

    static final Path GEODATA = Path.of("geodata");

    @Autowired
    JdbcTemplate db;

    @Autowired
    DataSource shared;

    List<Path> seedFiles;

    @BeforeEach
    void seedFiles() throws IOException {
        seedFiles = new ArrayList<>();
        if (Files.isDirectory(GEODATA)) {
            try (Stream<Path> files = Files.list(GEODATA)) {
                files.filter(f -> f.getFileName().toString().endsWith(".geojson")
                        || f.getFileName().toString().equals("sources.json")).sorted().forEach(seedFiles::add);
            }
        }
        assertThat(seedFiles).as("geodata/*.geojson").anyMatch(f -> f.toString().endsWith(".geojson"));
    }

    @Test
    void everySeedFileWasLoadedAtStartUp() {
        List<String> collectionFiles = db.queryForList("SELECT id FROM corridor.collection", String.class).stream()
                .map(GeodataLoader::fileName).toList();
        for (Path f : seedFiles) {
            String name = f.getFileName().toString();
            if (!collectionFiles.contains(name)) {
                continue;
            }
            List<String> sha = db.queryForList("SELECT sha256 FROM corridor.geodata_file WHERE name = ?", String.class, name);
            assertThat(sha).as(name + " recorded as loaded").hasSize(1);
            assertThat(sha.get(0)).as(name + " loaded in its current version").isEqualTo(GeodataLoader.sha256(f, name));
        }
    }

    @Test
    void everyGeometryIsValidIn4326AndInsideTheRegion() {
        for (Map<String, Object> c : spatialTables()) {
            String table = (String) c.get("table_name");
            List<String> bad = db.queryForList("SELECT id || ': ' || CASE WHEN NOT ST_IsValid(geom) THEN ST_IsValidReason(geom)"
                    + " WHEN ST_SRID(geom) <> 4326 THEN 'SRID ' || ST_SRID(geom) ELSE 'outside the region' END"
                    + " FROM corridor." + table + " WHERE geom IS NOT NULL AND (NOT ST_IsValid(geom) OR ST_SRID(geom) <> 4326"
                    + " OR NOT ST_CoveredBy(geom, ST_MakeEnvelope(42.5, 37.0, 51.0, 42.5, 4326)))", String.class);
            assertThat(bad).as("invalid geometries in " + table).isEmpty();
        }
    }

    @Test
    void everyFeatureCitesExistingSourcesAndHasAnAccuracy() {
        List<String> tables = db.queryForList("""
                SELECT c.table_name FROM corridor.collection c
                 WHERE c.id <> 'sources'
                   AND EXISTS (SELECT 1 FROM information_schema.columns i WHERE i.table_schema = 'corridor'
                                  AND i.table_name = c.table_name AND i.column_name = 'sources')
                 ORDER BY c.sort_order
                """, String.class);
        assertThat(tables).isNotEmpty();
        for (String table : tables) {
            List<String> uncited = db.queryForList("SELECT id FROM corridor." + table
                    + " WHERE sources IS NULL OR cardinality(sources) = 0", String.class);
            assertThat(uncited).as(table + " rows citing no source").isEmpty();
            List<String> unknown = db.queryForList("SELECT t.id || ' cites ' || s FROM corridor." + table
                    + " t, unnest(t.sources) s WHERE NOT EXISTS (SELECT 1 FROM corridor.sources x WHERE x.id = s)", String.class);
            assertThat(unknown).as(table + " rows citing unknown sources").isEmpty();
            if (!ACCURACY_OPTIONAL.contains(table)) {
                List<String> noAccuracy = db.queryForList("SELECT id FROM corridor." + table + " WHERE accuracy IS NULL",
                        String.class);
                assertThat(noAccuracy).as(table + " rows without accuracy").isEmpty();
            }
        }
    }

    /**
     * The real files, loaded into a scratch database, then reloaded with new checksums but the same content:
     * not one new version (the history trigger sees no change, route segments are recomputed identically).
     */
    @Test
    void reloadingTheSameSeedDataCreatesNoVersion(@TempDir Path copy) throws IOException {
        for (Path f : seedFiles) {
            Files.copy(f, copy.resolve(f.getFileName()));
        }
        try (ScratchDatabase scratch = new ScratchDatabase(shared)) {
            GeodataLoader loader = new GeodataLoader(scratch.dataSource());
            LoadReport first = loader.load(copy);
            assertThat(first.totalChanges()).isPositive();
            for (Path f : seedFiles) {
                Files.writeString(copy.resolve(f.getFileName()), "\n", StandardOpenOption.APPEND);
            }

            LoadReport second = loader.load(copy);

            assertThat(second.files()).filteredOn(f -> f.status() != LoadReport.Status.ABSENT)
                    .allSatisfy(f -> assertThat(f.status()).isEqualTo(LoadReport.Status.LOADED));
            assertThat(second.totalChanges()).isZero();
            JdbcTemplate scratchDb = new JdbcTemplate(scratch.dataSource());
            for (String table : scratchDb.queryForList("SELECT table_name FROM corridor.collection", String.class)) {
                assertThat(scratchDb.queryForObject("SELECT count(*) FROM corridor." + table + "_history", Integer.class))
                        .as(table + "_history").isZero();
            }
        }
    }

    List<Map<String, Object>> spatialTables() {
        return db.queryForList("SELECT id, table_name FROM corridor.collection WHERE geometry_type IS NOT NULL ORDER BY sort_order");
    }
}
