package org.corridorgis.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.corridorgis.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * GDAL/OGR's OAPIF driver, a client nobody here wrote, against the running service: it must see every
 * collection with the right count, geometry type and fields, and copy each one whole through several pages.
 * {@code ./corridor test} installs gdal-bin when it is missing.
 */
@PostgisIntegrationTest
class GdalClientTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }

    @Test
    void ogrinfoSeesEveryCollectionWithCountGeometryAndFields() throws Exception {
        String base = "OAPIF:http://127.0.0.1:" + port + "/";
        String list = run("ogrinfo", "-ro", "-q", base);
        Map<String, String> layers = new LinkedHashMap<>();
        // e.g. "6: routes (title: Routes) (Line String)": the id, then the geometry type in the last parentheses
        Matcher m = Pattern.compile("^\\d+: (\\S+)(?: .*\\(([^()]*)\\))?$", Pattern.MULTILINE).matcher(list);
        while (m.find()) {
            layers.put(m.group(1), m.group(2));
        }
        Map<String, String> expectedTypes = new LinkedHashMap<>();
        jdbc.sql("select id, geometry_type from corridor.collection order by sort_order").query(rs -> {
            expectedTypes.put(rs.getString(1), rs.getString(2));
        });
        assertThat(layers.keySet()).containsExactlyInAnyOrderElementsOf(expectedTypes.keySet());
        for (String spatial : List.of("checkpoints", "routes", "disputed-areas")) {
            // GDAL spells geometry types with spaces: "Multi Line String"
            assertThat(layers.get(spatial)).as(spatial).isEqualTo(expectedTypes.get(spatial).replaceAll("(?<=[a-z])(?=[A-Z])", " "));
        }
        String routes = run("ogrinfo", "-ro", "-so", base, "routes");
        int count = jdbc.sql("select count(*) from corridor.routes").query(Integer.class).single();
        // exactly: "Feature Count: 12" also contains "Feature Count: 1"
        Matcher counted = Pattern.compile("Feature Count: (\\d+)\\s").matcher(routes);
        assertThat(counted.find()).as(routes).isTrue();
        assertThat(Integer.parseInt(counted.group(1))).isEqualTo(count);
        assertThat(routes).contains("name: String").contains("status: String").contains("sources: StringList");
    }

    @Test
    void ogrinfoTakesItsFieldTypesFromTheSchema() throws Exception {
        String base = "OAPIF:http://127.0.0.1:" + port + "/";
        // valid_to is null on every control regime, so only the schema can tell GDAL that it is a date (checked for
        // every column below); checkpoints are no longer such a case, the Lachin corridor's having ended in Sept 2023
        assertThat(jdbc.sql("select count(*) from corridor.control_regimes where valid_to is not null").query(Integer.class).single()).isZero();
        String checkpoints = run("ogrinfo", "-ro", "-so", base, "checkpoints");
        assertThat(checkpoints).contains("valid_from: Date").contains("valid_to: Date").contains("recorded_at: DateTime")
                .contains("states: StringList").contains("kind: String");
        // every column of a table with numbers and booleans, typed as information_schema types it
        for (String[] layer : new String[][] {{"disputed-areas", "disputed_areas"}, {"boundary-lines", "boundary_lines"},
                {"control-regimes", "control_regimes"}}) {
            String info = run("ogrinfo", "-ro", "-so", base, layer[0]);
            List<String[]> columns = jdbc.sql("select column_name, data_type from information_schema.columns where table_schema = 'corridor' "
                    + "and table_name = ? and column_name not in ('id', 'geom') order by ordinal_position").param(layer[1])
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
            assertThat(columns).isNotEmpty();
            for (String[] column : columns) {
                String ogrType = switch (column[1]) {
                    case "date" -> "Date";
                    case "timestamp with time zone" -> "DateTime";
                    case "numeric", "double precision" -> "Real";
                    case "integer" -> "Integer";
                    case "boolean" -> "Integer(Boolean)";
                    case "ARRAY" -> "StringList";
                    default -> "String";
                };
                assertThat(info).as(layer[0] + "." + column[0]).contains("\n" + column[0] + ": " + ogrType + " ");
            }
        }
    }

    /**
     * A collection copied by ogr2ogr through pages of 4 holds what the table holds: the GeoPackage, read back with
     * SQLite (not GDAL, not the service), has every id of the table once and no other, each text column equal to the
     * database's value for that id, and each geometry the stored one to 6 decimals, vertex for vertex, a line in its own direction (PostGIS compares them).
     */
    @Test
    void ogr2ogrCopiesEveryCollectionWholeThroughSeveralPages() throws Exception {
        List<String[]> collections = jdbc.sql("select id, table_name from corridor.collection order by sort_order")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        assertThat(collections).hasSizeGreaterThanOrEqualTo(12);
        List<String> problems = new ArrayList<>();
        int texts = 0, geometries = 0;
        for (String[] collection : collections) {
            String id = collection[0], table = collection[1];
            Path gpkg = dir.resolve(id + ".gpkg");
            // PAGE_SIZE 4 forces several pages on every collection.
            run("ogr2ogr", "-f", "GPKG", gpkg.toString(), "OAPIF:http://127.0.0.1:" + port + "/", id, "-oo", "PAGE_SIZE=4");
            // the table's text columns, as the database types them
            List<String> textColumns = jdbc.sql("select column_name from information_schema.columns where table_schema = 'corridor' "
                    + "and table_name = ? and data_type = 'text' and column_name <> 'id' order by ordinal_position").param(table)
                    .query(String.class).list();
            boolean spatial = jdbc.sql("select count(*) from information_schema.columns where table_schema = 'corridor' "
                    + "and table_name = ? and column_name = 'geom'").param(table).query(Integer.class).single() == 1;
            Map<String, List<String>> copied = new LinkedHashMap<>();
            Map<String, byte[]> copiedGeometry = new LinkedHashMap<>();
            int rows = 0;
            try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + gpkg)) {
                String geometryColumn = null;
                try (Statement st = sqlite.createStatement();
                     ResultSet rs = st.executeQuery("select column_name from gpkg_geometry_columns where table_name = '" + id + "'")) {
                    if (rs.next()) {
                        geometryColumn = rs.getString(1);
                    }
                }
                // GDAL gives a collection without geometry a geometry column too; it must stay empty
                assertThat(geometryColumn != null || !spatial).as(id + " has a geometry column in the copy").isTrue();
                StringBuilder select = new StringBuilder("select \"id\"");
                textColumns.forEach(c -> select.append(", \"").append(c).append('"'));
                if (geometryColumn != null) {
                    select.append(", \"").append(geometryColumn).append('"');
                }
                try (Statement st = sqlite.createStatement(); ResultSet rs = st.executeQuery(select + " from \"" + id + "\"")) {
                    while (rs.next()) {
                        rows++;
                        List<String> values = new ArrayList<>();
                        for (int i = 0; i < textColumns.size(); i++) {
                            values.add(rs.getString(i + 2));
                        }
                        copied.put(rs.getString(1), values);
                        if (geometryColumn != null) {
                            copiedGeometry.put(rs.getString(1), rs.getBytes(textColumns.size() + 2));
                        }
                    }
                }
            }
            Map<String, List<String>> stored = new LinkedHashMap<>();
            StringBuilder select = new StringBuilder("select id");
            textColumns.forEach(c -> select.append(", ").append('"').append(c).append('"'));
            jdbc.sql(select + " from corridor." + table + " order by id").query(rs -> {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < textColumns.size(); i++) {
                    values.add(rs.getString(i + 2));
                }
                stored.put(rs.getString(1), values);
            });
            assertThat(stored).as(id).isNotEmpty();
            if (rows != stored.size()) {
                problems.add(id + ": copied " + rows + " rows of " + stored.size());
            }
            assertThat(copied.keySet()).as(id + ": the ids copied").containsExactlyInAnyOrderElementsOf(stored.keySet());
            for (var e : stored.entrySet()) {
                List<String> got = copied.get(e.getKey());
                for (int i = 0; i < textColumns.size(); i++) {
                    // GDAL writes an empty string or NULL for a missing value: both stand for the database's NULL
                    String want = e.getValue().get(i) == null ? "" : e.getValue().get(i);
                    String have = got.get(i) == null ? "" : got.get(i);
                    if (!want.equals(have)) {
                        problems.add(id + "/" + e.getKey() + "." + textColumns.get(i) + ": copied '" + have + "', stored '" + want + "'");
                    }
                    texts++;
                }
            }
            for (var e : copiedGeometry.entrySet()) {
                if (!spatial) {
                    if (wkb(e.getValue()) != null) {
                        problems.add(id + "/" + e.getKey() + ": a geometry in a collection without one");
                    }
                    continue;
                }
                // the same vertices in the same order, once both are on a 1e-6° grid (the service writes 6 decimals); a
                // polygon's rings may start elsewhere and turn the other way (RFC 7946), so polygons are compared in
                // PostGIS's normal form, while a line keeps its direction
                String problem = jdbc.sql("""
                        select coalesce(case when t.geom is null then case when g.wkb is null then null else 'a geometry where none is stored' end
                                    when g.wkb is null then 'no geometry copied'
                                    when not ST_OrderingEquals(n.copied, n.stored)
                                         then 'geometry copied as ' || left(ST_AsText(ST_GeomFromWKB(g.wkb, 4326)), 200)
                                              || ' while ' || left(ST_AsText(t.geom), 200) || ' is stored' end, '')
                          from corridor.""" + table + " t " + """
                         cross join (select cast(? as bytea) as wkb) g
                           cross join lateral (select ST_SnapToGrid(ST_GeomFromWKB(g.wkb, 4326), 1e-6) as c, ST_SnapToGrid(t.geom, 1e-6) as s) x
                           cross join lateral (select case when ST_Dimension(x.s) = 2 then ST_Normalize(x.c) else x.c end as copied,
                                                      case when ST_Dimension(x.s) = 2 then ST_Normalize(x.s) else x.s end as stored) n
                         where t.id = ?""")
                        .param(wkb(e.getValue())).param(e.getKey()).query(String.class).single();
                if (!problem.isEmpty()) {
                    problems.add(id + "/" + e.getKey() + ": " + problem);
                }
                geometries++;
            }
        }
        assertThat(problems).isEmpty();
        // enough was compared for the test to mean something: every text cell and geometry of the seed data
        assertThat(texts).isGreaterThan(500);
        assertThat(geometries).isGreaterThan(100);
    }

    /** The WKB inside a GeoPackage geometry blob (GeoPackage 1.x: "GP", version, flags, srs id, envelope, WKB); null for none. */
    private static byte[] wkb(byte[] blob) {
        if (blob == null) {
            return null;
        }
        assertThat(new String(blob, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("GP");
        int flags = blob[3];
        if ((flags & 0x10) != 0) {
            return null; // the empty geometry
        }
        int envelope = switch ((flags >> 1) & 7) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new AssertionError("envelope code " + ((flags >> 1) & 7));
        };
        return java.util.Arrays.copyOfRange(blob, 8 + envelope, blob.length);
    }
}
