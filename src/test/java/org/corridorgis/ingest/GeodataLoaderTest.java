package org.corridorgis.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.corridorgis.database.StartupProblem;
import org.corridorgis.ingest.LoadReport.Status;
import org.corridorgis.support.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The loader against real PostGIS, in a scratch database of the test cluster (see {@link ScratchDatabase}): the
 * shared database and its real seed data are never touched. Each test starts from empty tables and writes its
 * own small geodata directory.
 */
@PostgisIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeodataLoaderTest {

    @Autowired
    DataSource shared;

    ScratchDatabase scratch;
    JdbcTemplate db;
    GeodataLoader loader;

    @TempDir
    Path dir;

    @BeforeAll
    void createScratchDatabase() {
        scratch = new ScratchDatabase(shared);
        db = new JdbcTemplate(scratch.dataSource());
        loader = new GeodataLoader(scratch.dataSource());
    }

    @AfterAll
    void dropScratchDatabase() {
        if (scratch != null) {
            scratch.close();
        }
    }

    @BeforeEach
    void emptyTables() {
        List<String> tables = db.queryForList("SELECT table_name FROM corridor.collection", String.class);
        StringBuilder all = new StringBuilder("corridor.geodata_file");
        for (String t : tables) {
            all.append(", corridor.").append(t).append(", corridor.").append(t).append("_history");
        }
        db.execute("TRUNCATE " + all + " CASCADE");
    }

    // ------------------------------------------------------------------------------------------ fixtures

    static final String SOURCES = """
            [
              {"id": "test-src-a", "title": "Source A", "publisher": "Agency A", "published": "2024-04-19",
               "licence": "CC BY 4.0"},
              {"id": "test-src-b", "title": "Source B", "reference": "https://example.org/b"}
            ]
            """;

    static final String COUNTRIES = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "id": "test-ARM",
               "geometry": {"type": "Polygon", "coordinates": [[[44.0,39.5],[45.0,39.5],[45.0,40.5],[44.0,40.5],[44.0,39.5]]]},
               "properties": {"iso3": "ARM", "name": "Test Armenia", "sources": ["test-src-a"], "accuracy": "schematic"}},
              {"type": "Feature", "id": "test-AZE",
               "geometry": {"type": "MultiPolygon", "coordinates": [[[[45.0,39.5],[46.0,39.5],[46.0,40.5],[45.0,40.5],[45.0,39.5]]]]},
               "properties": {"iso3": "AZE", "name": "Test Azerbaijan", "sources": ["test-src-a", "test-src-b"],
                              "accuracy": "schematic", "valid_from": "1991-12-26"}}
            ]}
            """;

    static final String ROUTES = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "id": "test-route",
               "geometry": {"type": "LineString", "coordinates": [[44.5,40.0],[45.5,40.0]]},
               "properties": {"name": "Test route", "origin": "West", "destination": "East", "via": ["ARM"],
                              "mode": "rail", "status": "proposed", "checkpoints": ["test-cp"],
                              "cited_lengths": {"test-src-b": {"km": 85, "note": "as published"}},
                              "sources": ["test-src-b"], "accuracy": "schematic"}}
            ]}
            """;

    static final String CHECKPOINTS = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "id": "test-cp",
               "geometry": {"type": "Point", "coordinates": [45.0, 40.0]},
               "properties": {"name": "Test crossing", "states": ["ARM", "AZE"], "kind": "border crossing",
                              "status": "proposed", "sources": ["test-src-a"], "accuracy": "approximate"}},
              {"type": "Feature", "id": "test-cp-2",
               "geometry": {"type": "Point", "coordinates": [44.6, 40.1]},
               "properties": {"name": "Second post", "states": ["ARM"], "kind": "customs post",
                              "status": "unknown", "sources": ["test-src-a"], "accuracy": "approximate"}}
            ]}
            """;

    void writeValidSet() throws IOException {
        write("sources.json", SOURCES);
        write("countries.geojson", COUNTRIES);
        write("routes.geojson", ROUTES);
        write("checkpoints.geojson", CHECKPOINTS);
    }

    void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    void edit(String name, UnaryOperator<String> change) throws IOException {
        String before = Files.readString(dir.resolve(name));
        String after = change.apply(before);
        assertThat(after).as("the test's edit of " + name + " changes it").isNotEqualTo(before);
        write(name, after);
    }

    int count(String sql, Object... args) {
        return db.queryForObject(sql, Integer.class, args);
    }

    /** Every row of every collection table, its history and the checksum bookkeeping, as one fingerprint each. */
    Map<String, String> snapshot() {
        Map<String, String> s = new LinkedHashMap<>();
        List<String> tables = db.queryForList("SELECT table_name FROM corridor.collection ORDER BY sort_order", String.class);
        for (String t : tables) {
            for (String name : List.of(t, t + "_history")) {
                s.put(name, db.queryForObject("SELECT count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), ''))"
                        + " FROM corridor." + name + " x", String.class));
            }
        }
        s.put("geodata_file", db.queryForObject("SELECT count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), ''))"
                + " FROM corridor.geodata_file x", String.class));
        return s;
    }

    // ------------------------------------------------------------------------------------------ loading

    @Test
    void loadsEveryFileIntoItsTable() throws IOException {
        writeValidSet();

        LoadReport report = loader.load(dir);

        assertThat(count("SELECT count(*) FROM corridor.sources")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM corridor.countries")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM corridor.routes")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM corridor.checkpoints")).isEqualTo(2);
        // computed, not loaded: the route crosses from the ARM square into the AZE square
        assertThat(report.routeSegments()).isEqualTo(2);
        assertThat(db.queryForList("SELECT country FROM corridor.route_segments ORDER BY seq", String.class))
                .containsExactly("test-ARM", "test-AZE");

        // a Polygon in the file became the MultiPolygon the column holds; SRID 4326 set
        assertThat(db.queryForObject("SELECT GeometryType(geom) || ' ' || ST_SRID(geom) FROM corridor.countries WHERE id = 'test-ARM'",
                String.class)).isEqualTo("MULTIPOLYGON 4326");
        // every column type converted
        Map<String, Object> route = db.queryForMap("SELECT via, checkpoints, cited_lengths::text AS cited, length_km, "
                + "mode FROM corridor.routes WHERE id = 'test-route'");
        assertThat(route.get("mode")).isEqualTo("rail");
        assertThat(route.get("cited").toString()).contains("\"km\": 85");
        assertThat(db.queryForObject("SELECT array_to_string(via, ',') || '/' || array_to_string(checkpoints, ',') "
                + "FROM corridor.routes", String.class)).isEqualTo("ARM/test-cp");
        assertThat(db.queryForObject("SELECT published::text FROM corridor.sources WHERE id = 'test-src-a'", String.class))
                .isEqualTo("2024-04-19");
        // an absent property with a column default gets the default
        assertThat(db.queryForObject("SELECT cardinality(operating_states) FROM corridor.checkpoints WHERE id = 'test-cp'",
                Integer.class)).isZero();

        assertThat(report.file("routes.geojson")).hasValueSatisfying(f -> {
            assertThat(f.status()).isEqualTo(Status.LOADED);
            assertThat(f.features()).isEqualTo(1);
            assertThat(f.changed()).isEqualTo(1);
            assertThat(f.added()).isEqualTo(1);
        });
        assertThat(report.file("boundary-maps.geojson")).hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(Status.ABSENT));
        assertThat(count("SELECT count(*) FROM corridor.geodata_file")).isEqualTo(4);
        assertThat(db.queryForObject("SELECT sha256 FROM corridor.geodata_file WHERE name = 'routes.geojson'", String.class))
                .isEqualTo(GeodataLoader.sha256(dir.resolve("routes.geojson"), "routes.geojson"));
    }

    @Test
    void loadingTwiceChangesNothing() throws IOException {
        writeValidSet();
        loader.load(dir);
        Map<String, String> before = snapshot();

        LoadReport again = loader.load(dir);

        assertThat(again.files()).filteredOn(f -> f.status() != Status.ABSENT)
                .allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.UNCHANGED));
        assertThat(again.routeSegments()).isEqualTo(-1);
        assertThat(snapshot()).isEqualTo(before);   // same rows, same recorded_at, no history
    }

    @Test
    void sameContentInNewBytesIsReloadedWithoutANewVersion() throws IOException {
        writeValidSet();
        loader.load(dir);
        List<Timestamp> recordedBefore = db.queryForList(
                "SELECT recorded_at FROM corridor.routes UNION ALL SELECT recorded_at FROM corridor.route_segments ORDER BY 1",
                Timestamp.class);
        edit("routes.geojson", s -> s.replace("\n", "\n  ")); // new checksum, same features

        LoadReport report = loader.load(dir);

        assertThat(report.file("routes.geojson")).hasValueSatisfying(f -> {
            assertThat(f.status()).isEqualTo(Status.LOADED);
            assertThat(f.changed()).isZero();
            assertThat(f.removed()).isZero();
        });
        assertThat(count("SELECT count(*) FROM corridor.routes_history")).isZero();
        assertThat(count("SELECT count(*) FROM corridor.route_segments_history")).isZero();
        assertThat(db.queryForList(
                "SELECT recorded_at FROM corridor.routes UNION ALL SELECT recorded_at FROM corridor.route_segments ORDER BY 1",
                Timestamp.class)).isEqualTo(recordedBefore);
    }

    @Test
    void changingOneFeatureCreatesOneVersionAndKeepsTheOldOneQueryable() throws IOException {
        writeValidSet();
        loader.load(dir);
        Timestamp firstRecorded = db.queryForObject("SELECT recorded_at FROM corridor.checkpoints WHERE id = 'test-cp'",
                Timestamp.class);
        Timestamp between = db.queryForObject("SELECT now()::timestamptz", Timestamp.class);
        edit("checkpoints.geojson", s -> s.replace("\"status\": \"proposed\"", "\"status\": \"operating\""));

        LoadReport report = loader.load(dir);

        assertThat(report.file("checkpoints.geojson")).hasValueSatisfying(f -> {
            assertThat(f.changed()).isEqualTo(1);
            assertThat(f.added()).isZero();
            assertThat(f.removed()).isZero();
        });
        assertThat(report.file("routes.geojson")).hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(Status.UNCHANGED));
        // exactly one new version: the old one in history, the other checkpoint untouched
        assertThat(count("SELECT count(*) FROM corridor.checkpoints_history")).isEqualTo(1);
        Map<String, Object> old = db.queryForMap("SELECT id, status, recorded_at, recorded_to FROM corridor.checkpoints_history");
        assertThat(old.get("id")).isEqualTo("test-cp");
        assertThat(old.get("status")).isEqualTo("proposed");
        assertThat(old.get("recorded_at")).isEqualTo(firstRecorded);
        Map<String, Object> current = db.queryForMap("SELECT status, recorded_at FROM corridor.checkpoints WHERE id = 'test-cp'");
        assertThat(current.get("status")).isEqualTo("operating");
        assertThat((Timestamp) current.get("recorded_at")).isAfter(firstRecorded);
        assertThat(old.get("recorded_to")).isEqualTo(current.get("recorded_at"));
        // the state as of a moment before the change is still queryable
        String asOf = db.queryForObject("""
                SELECT status FROM (
                  SELECT status, recorded_at, NULL::timestamptz AS recorded_to FROM corridor.checkpoints WHERE id = 'test-cp'
                  UNION ALL
                  SELECT status, recorded_at, recorded_to FROM corridor.checkpoints_history WHERE id = 'test-cp') v
                 WHERE recorded_at <= ? AND (recorded_to IS NULL OR recorded_to > ?)
                """, String.class, between, between);
        assertThat(asOf).isEqualTo("proposed");
        assertThat(count("SELECT count(*) FROM corridor.checkpoints_history WHERE id = 'test-cp-2'")).isZero();
    }

    @Test
    void aFeatureGoneFromItsFileIsDeletedAndKeptInHistory() throws IOException {
        writeValidSet();
        loader.load(dir);
        write("checkpoints.geojson", CHECKPOINTS.replaceFirst("(?s),\\s*\\{\"type\": \"Feature\", \"id\": \"test-cp-2\".*?\\}\\}\\s*\\n", "\n"));

        LoadReport report = loader.load(dir);

        assertThat(report.file("checkpoints.geojson")).hasValueSatisfying(f -> {
            assertThat(f.features()).isEqualTo(1);
            assertThat(f.removed()).isEqualTo(1);
            assertThat(f.changed()).isZero();
        });
        assertThat(count("SELECT count(*) FROM corridor.checkpoints WHERE id = 'test-cp-2'")).isZero();
        assertThat(db.queryForObject("SELECT name FROM corridor.checkpoints_history WHERE id = 'test-cp-2'", String.class))
                .isEqualTo("Second post");
    }

    @Test
    void aMissingDirectoryLoadsNothing() {
        Map<String, String> before = snapshot();
        LoadReport report = loader.load(dir.resolve("no-such-dir"));
        assertThat(report.files()).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------------ invalid input

    /**
     * Loads the valid set, then breaks one file (and, to prove the rollback, also changes sources.json, which
     * loads first), and expects the load to fail naming file, feature and problem with the database as before.
     */
    void assertRejected(String file, UnaryOperator<String> breakIt, String expectedFile, String expectedFeature,
                        String expectedProblem) throws IOException {
        writeValidSet();
        loader.load(dir);
        write("sources.json", SOURCES.replace("]", ", {\"id\": \"test-src-c\", \"title\": \"Source C\"}\n]"));
        edit(file, breakIt);
        Map<String, String> before = snapshot();

        assertThatThrownBy(() -> loader.load(dir))
                .isInstanceOf(GeodataException.class)
                .isInstanceOf(StartupProblem.class)
                .satisfies(e -> {
                    GeodataException g = (GeodataException) e;
                    assertThat(g.file()).isEqualTo(expectedFile);
                    assertThat(g.featureId()).isEqualTo(expectedFeature);
                    assertThat(g.problem()).contains(expectedProblem);
                    assertThat(g.getMessage()).startsWith("geodata " + expectedFile)
                            .contains(expectedProblem).doesNotContain("\n");
                    if (expectedFeature != null) {
                        assertThat(g.getMessage()).contains("feature '" + expectedFeature + "'");
                    }
                });

        assertThat(snapshot()).as("database unchanged after the failed load").isEqualTo(before);
        assertThat(count("SELECT count(*) FROM corridor.sources WHERE id = 'test-src-c'")).isZero();
    }

    @Test
    void badJson() throws IOException {
        assertRejected("routes.geojson", s -> s.substring(0, s.length() / 2), "routes.geojson", null, "bad JSON");
    }

    @Test
    void notAFeatureCollection() throws IOException {
        assertRejected("routes.geojson", s -> s.replace("\"FeatureCollection\"", "\"GeometryCollection\""),
                "routes.geojson", null, "not a GeoJSON FeatureCollection");
    }

    @Test
    void featureWithoutId() throws IOException {
        assertRejected("checkpoints.geojson", s -> s.replace("\"id\": \"test-cp-2\",", ""), "checkpoints.geojson",
                null, "feature #2 has no id");
    }

    @Test
    void duplicateId() throws IOException {
        assertRejected("checkpoints.geojson", s -> s.replace("\"test-cp-2\"", "\"test-cp\""), "checkpoints.geojson",
                "test-cp", "duplicate id");
    }

    @Test
    void invalidGeometry() throws IOException {
        // a bow-tie: the ring crosses itself
        assertRejected("countries.geojson",
                s -> s.replace("[[[44.0,39.5],[45.0,39.5],[45.0,40.5],[44.0,40.5],[44.0,39.5]]]",
                        "[[[44.0,39.5],[45.0,40.5],[45.0,39.5],[44.0,40.5],[44.0,39.5]]]"),
                "countries.geojson", "test-ARM", "invalid geometry: Self-intersection");
    }

    @Test
    void unparseableGeometry() throws IOException {
        assertRejected("checkpoints.geojson", s -> s.replace("[44.6, 40.1]", "[44.6]"),
                "checkpoints.geojson", "test-cp-2", "invalid geometry");
    }

    @Test
    void wrongSridDeclared() throws IOException {
        assertRejected("routes.geojson",
                s -> s.replace("\"type\": \"LineString\",",
                        "\"type\": \"LineString\", \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:3857\"}},"),
                "routes.geojson", "test-route", "wrong SRID");
    }

    @Test
    void wrongSridProjectedCoordinates() throws IOException {
        assertRejected("checkpoints.geojson", s -> s.replace("[45.0, 40.0]", "[5009377.0, 4865942.0]"),
                "checkpoints.geojson", "test-cp", "wrong SRID");
    }

    @Test
    void coordinatesOutsideTheRegion() throws IOException {
        assertRejected("checkpoints.geojson", s -> s.replace("[44.6, 40.1]", "[41.0, 40.1]"),
                "checkpoints.geojson", "test-cp-2", "coordinates outside the region");
    }

    @Test
    void wrongGeometryType() throws IOException {
        assertRejected("checkpoints.geojson", s -> s.replace("\"type\": \"Point\", \"coordinates\": [45.0, 40.0]",
                        "\"type\": \"LineString\", \"coordinates\": [[45.0, 40.0], [45.1, 40.0]]"),
                "checkpoints.geojson", "test-cp", "geometry type LINESTRING where checkpoints needs Point");
    }

    @Test
    void unknownProperty() throws IOException {
        assertRejected("routes.geojson", s -> s.replace("\"mode\": \"rail\",", "\"mode\": \"rail\", \"colour\": \"red\","),
                "routes.geojson", "test-route", "unknown property \"colour\"");
    }

    @Test
    void missingRequiredValue() throws IOException {
        assertRejected("checkpoints.geojson", s -> s.replace("\"name\": \"Second post\",", ""),
                "checkpoints.geojson", "test-cp-2", "missing required property \"name\"");
    }

    @Test
    void wrongType() throws IOException {
        assertRejected("checkpoints.geojson", s -> s.replace("\"states\": [\"ARM\"]", "\"states\": \"ARM\""),
                "checkpoints.geojson", "test-cp-2", "property \"states\": wrong type");
    }

    @Test
    void notADate() throws IOException {
        assertRejected("countries.geojson", s -> s.replace("1991-12-26", "26.12.1991"),
                "countries.geojson", "test-AZE", "is not a date");
    }

    @Test
    void valueRefusedByTheSchema() throws IOException {
        assertRejected("routes.geojson", s -> s.replace("\"mode\": \"rail\"", "\"mode\": \"ship\""),
                "routes.geojson", "test-route", "violates check constraint");
    }

    @Test
    void unknownSourceId() throws IOException {
        assertRejected("routes.geojson", s -> s.replace("\"sources\": [\"test-src-b\"]", "\"sources\": [\"test-src-b\", \"test-src-zzz\"]"),
                "routes.geojson", "test-route", "unknown source id \"test-src-zzz\"");
    }

    @Test
    void sourceStillCitedCannotBeRemoved() throws IOException {
        writeValidSet();
        loader.load(dir);
        write("sources.json", SOURCES.replaceFirst("(?s),\\s*\\{\"id\": \"test-src-b\".*?\\}", ""));
        Map<String, String> before = snapshot();

        assertThatThrownBy(() -> loader.load(dir))
                .isInstanceOf(GeodataException.class)
                .hasMessageContaining("countries.geojson, feature 'test-AZE': unknown source id \"test-src-b\"");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anyFailureLeavesAFreshDatabaseEmpty() throws IOException {
        writeValidSet();
        edit("checkpoints.geojson", s -> s.replace("\"kind\": \"customs post\",", "\"kind\": \"customs post\", \"x\": 1,"));
        Map<String, String> before = snapshot();

        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(GeodataException.class)
                .hasMessageContaining("checkpoints.geojson, feature 'test-cp-2': unknown property \"x\"");

        assertThat(snapshot()).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM corridor.sources")).isZero();
    }
}
