package org.corridorgis.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.corridorgis.support.ServiceClient;
import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Downloads read back by GDAL (ogr2ogr/ogrinfo, clients nobody here wrote): every format holds the features
 * PostgreSQL counts for the same conditions, with the attribute values of the GeoJSON and the stored geometry
 * (exactly for GeoPackage and FlatGeobuf, which keep doubles; to GeoJSON's 6 decimals for CSV and KML).
 */
class DownloadsTest extends ServiceTestBase {

    @TempDir
    Path dir;

    private static final List<String> FORMATS = List.of("gpkg", "fgb", "csv", "kml");
    private static final Map<String, String> MEDIA_TYPES = Map.of("gpkg", "application/geopackage+sqlite3",
            "fgb", "application/flatgeobuf", "csv", "text/csv", "kml", "application/vnd.google-earth.kml+xml");

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }

    private Path download(String pathAndQuery, String format, String fileName) throws IOException {
        HttpResponse<byte[]> r = client.getBytes(pathAndQuery);
        assertThat(r.statusCode()).as(pathAndQuery + ": " + new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith(MEDIA_TYPES.get(format));
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).isEqualTo("attachment; filename=\"" + fileName + "\"");
        Path file = dir.resolve(System.nanoTime() + "-" + fileName);
        Files.write(file, r.body());
        return file;
    }

    /** The file as GDAL reads it, converted by ogr2ogr to GeoJSON with every digit of the coordinates. */
    private List<JsonNode> readBack(Path file, String format) throws Exception {
        Path json = dir.resolve(file.getFileName() + ".geojson");
        List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSON", "-lco", "COORDINATE_PRECISION=17"));
        if (format.equals("csv")) {
            command.addAll(List.of("-oo", "GEOM_POSSIBLE_NAMES=geometry", "-oo", "KEEP_GEOM_COLUMNS=NO"));
        }
        command.addAll(List.of(json.toString(), file.toString()));
        run(command.toArray(String[]::new));
        List<JsonNode> features = new ArrayList<>();
        ServiceClient.parse(Files.readString(json)).get("features").forEach(features::add);
        return features;
    }

    private Map<String, JsonNode> serviceGeoJson(String collection, String query) {
        JsonNode page = client.json("/collections/" + collection + "/items?limit=10000" + query);
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        page.get("features").forEach(f -> byId.put(f.get("id").asString(), f));
        return byId;
    }

    private long sqlCount(String sql, Object... params) {
        return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
    }

    @Test
    void everyFormatHoldsTheFeaturesValuesAndGeometriesOfTheGeoJson() throws Exception {
        Map<String, List<String>> compared = Map.of(
                "checkpoints", List.of("name", "kind", "status", "accuracy", "states", "sources"),
                "routes", List.of("name", "mode", "status", "accuracy", "via", "length_km", "sources"),
                "disputed-areas", List.of("name", "claimed_by", "controlled_by", "accuracy", "area_km2", "since", "sources"));
        for (Map.Entry<String, List<String>> e : compared.entrySet()) {
            String collection = e.getKey();
            String table = collection.replace('-', '_');
            long count = sqlCount("select count(*) from corridor." + table);
            assertThat(count).as(collection).isGreaterThan(1);
            Map<String, JsonNode> geojson = serviceGeoJson(collection, "");
            assertThat(geojson).hasSize((int) count);
            for (String format : FORMATS) {
                Path file = download("/collections/" + collection + "/items?f=" + format, format, collection + "." + format);
                List<JsonNode> features = readBack(file, format);
                assertThat(features).as(collection + " " + format).hasSize((int) count);
                for (JsonNode f : features) {
                    JsonNode props = f.get("properties");
                    String id = props.get("id").asString();
                    JsonNode expected = geojson.get(id);
                    assertThat(expected).as(collection + " " + format + " id " + id).isNotNull();
                    for (String name : e.getValue()) {
                        // GDAL reads a KML Placemark's <name> (the feature's name) as "Name", hiding the like-named field
                        JsonNode actual = format.equals("kml") && name.equals("name") ? props.get("Name") : props.get(name);
                        assertSameValue(collection + " " + format + " " + id + "." + name, actual, expected.get("properties").get(name));
                    }
                    assertSameGeometry(collection, format, id, f.get("geometry"), expected.get("geometry"));
                }
            }
        }
    }

    @Test
    void collectionsOfMixedGeometryTypesComeAsFlatGeobufOfGeometryCollections() throws Exception {
        // events mix areas, lines and points; of the positions only some have a place (lines), most none
        assertThat(sqlCount("select count(distinct ST_GeometryType(geom)) from corridor.events")).isGreaterThan(1);
        for (String collection : List.of("events", "positions")) {
            long count = sqlCount("select count(*) from corridor." + collection);
            assertThat(count).as(collection).isPositive();
            Path file = download("/collections/" + collection + "/items?f=fgb", "fgb", collection + ".fgb");
            List<JsonNode> features = readBack(file, "fgb");
            assertThat(features).as(collection).hasSize((int) count);
            for (JsonNode f : features) {
                String id = f.get("properties").get("id").asString();
                JsonNode g = f.get("geometry");
                if (g == null || g.isNull() || (g.get("type").asString().equals("GeometryCollection") && g.get("geometries").isEmpty())) {
                    assertThat(sqlCount("select count(*) from corridor." + collection + " where id = '" + id.replace("'", "''")
                            + "' and geom is null")).as(collection + " " + id).isEqualTo(1);
                    continue;
                }
                assertThat(g.get("type").asString()).as(collection + " " + id).isEqualTo("GeometryCollection");
                // the same coordinates in the same order as the stored geometry
                assertThat(jdbc.sql("select ST_OrderingEquals(ST_Points(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)), ST_Points(geom)) from corridor."
                        + collection + " where id = ?").param(g.toString()).param(id).query(Boolean.class).single())
                        .as(collection + " " + id + " geometry " + g).isTrue();
            }
        }
    }

    private static void assertSameValue(String what, JsonNode actual, JsonNode expected) {
        if (expected == null || expected.isNull()) {
            assertThat(actual == null || actual.isNull() || actual.asString().isEmpty()).as(what + " = " + actual).isTrue();
            return;
        }
        assertThat(actual).as(what).isNotNull();
        if (expected.isArray() || expected.isObject()) {
            // files hold arrays and objects as JSON text (which GDAL may hand on as JSON)
            assertThat(actual.isArray() || actual.isObject() ? actual : ServiceClient.parse(actual.asString())).as(what).isEqualTo(expected);
        } else if (expected.isNumber()) {
            assertThat(new BigDecimal(actual.asString())).as(what).isEqualByComparingTo(expected.decimalValue());
        } else {
            assertThat(actual.asString()).as(what).isEqualTo(expected.asString());
        }
    }

    /**
     * GeoPackage and FlatGeobuf keep PostGIS's doubles: the geometry must be the stored one, coordinate for
     * coordinate. CSV (WKT) and KML carry 6 decimals, as GeoJSON does: the same points as the GeoJSON's.
     */
    private void assertSameGeometry(String collection, String format, String id, JsonNode actual, JsonNode geojson) {
        if (geojson == null || geojson.isNull()) {
            // a feature stored without geometry (an area whose outline no source gives) has none in the file either
            assertThat(actual == null || actual.isNull()).as(collection + " " + format + " " + id + " geometry " + actual).isTrue();
            return;
        }
        assertThat(actual).as(collection + " " + format + " " + id + " geometry").isNotNull();
        boolean same;
        if (format.equals("gpkg") || format.equals("fgb")) {
            same = jdbc.sql("select ST_OrderingEquals(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326), geom) from corridor."
                            + collection.replace('-', '_') + " where id = ?")
                    .param(actual.toString()).param(id).query(Boolean.class).single();
        } else {
            same = jdbc.sql("select ST_Equals(ST_GeomFromGeoJSON(?), ST_GeomFromGeoJSON(?))")
                    .param(actual.toString()).param(geojson.toString()).query(Boolean.class).single();
        }
        assertThat(same).as(collection + " " + format + " " + id + " geometry " + actual).isTrue();
    }

    @Test
    void filterBboxDatetimeLimitAndCrsApplyAsForGeoJson() throws Exception {
        // Checkpoints in a box around Meghri/Agarak, by hand in SQL
        String bbox = "46.0,38.8,46.4,39.0";
        long inBox = sqlCount("select count(*) from corridor.checkpoints where ST_Intersects(geom, ST_MakeEnvelope(46.0, 38.8, 46.4, 39.0, 4326))");
        assertThat(inBox).isGreaterThan(0);
        long schematic = sqlCount("select count(*) from corridor.disputed_areas where accuracy = 'schematic'");
        LocalDate day = LocalDate.of(2021, 6, 1);
        long onDay = sqlCount("select count(*) from corridor.disputed_areas where (valid_from is null or valid_from <= ?)"
                + " and (valid_to is null or valid_to >= ?)", day, day);
        long all = sqlCount("select count(*) from corridor.disputed_areas");
        assertThat(onDay).isLessThan(all);
        for (String format : FORMATS) {
            assertThat(readBack(download("/collections/checkpoints/items?f=" + format + "&bbox=" + bbox, format, "checkpoints." + format), format))
                    .as("bbox " + format).hasSize((int) inBox);
            assertThat(readBack(download("/collections/disputed-areas/items?f=" + format + "&filter=accuracy%3D%27schematic%27", format,
                    "disputed-areas." + format), format)).as("filter " + format).hasSize((int) schematic);
            assertThat(readBack(download("/collections/disputed-areas/items?f=" + format + "&datetime=" + day, format,
                    "disputed-areas." + format), format)).as("datetime " + format).hasSize((int) onDay);
            assertThat(readBack(download("/collections/disputed-areas/items?f=" + format + "&limit=3&offset=2", format,
                    "disputed-areas." + format), format)).as("limit " + format).hasSize(3);
        }
        // crs: a checkpoint in UTM 38N (EPSG:32638), as PostGIS transforms it by hand
        String id = "agarak-nurduz";
        double[] utm = jdbc.sql("select ST_X(ST_Transform(geom, 32638)), ST_Y(ST_Transform(geom, 32638)) from corridor.checkpoints where id = ?")
                .param(id).query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
        for (String format : List.of("gpkg", "fgb")) {
            Path file = download("/collections/checkpoints/items?f=" + format + "&crs=EPSG:32638&id=" + id, format, "checkpoints." + format);
            assertThat(run("ogrinfo", "-ro", "-al", "-so", file.toString())).as(format).contains("UTM zone 38N");
            JsonNode coordinates = readBack(file, format).get(0).get("geometry").get("coordinates");
            assertThat(coordinates.get(0).asDouble()).as(format).isEqualTo(utm[0]);
            assertThat(coordinates.get(1).asDouble()).as(format).isEqualTo(utm[1]);
        }
        String csv = client.get("/collections/checkpoints/items?f=csv&crs=EPSG:32638&id=" + id + "&properties=name").body();
        String wkt = jdbc.sql("select ST_AsText(ST_Transform(geom, 32638), 2) from corridor.checkpoints where id = ?").param(id)
                .query(String.class).single();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("id,geometry,name,"); // then the scenarios' regimes
        assertThat(lines.get(1)).startsWith(id + "," + wkt + ",Agarak–Nurduz,");
    }

    @Test
    void routesAndCheckpointsCarryTheScenarioRegimesInColumns() throws Exception {
        String scenario = "tripp-2026";
        String route = "baku-nakhchivan-via-meghri";
        // by hand: the ARM segment regime of the Meghri route under TRIPP, and a checkpoint's regime
        String armRegime = jdbc.sql("""
                select a->>'regime' from corridor.scenarios s, jsonb_array_elements(s.assignments->'segments') a
                 where s.id = ? and a->>'route_id' = ? and a->>'country' = 'ARM'""").param(scenario).param(route)
                .query(String.class).single();
        Path routes = download("/collections/routes/items?f=csv&scenario=" + scenario + "&id=" + route, "csv", "routes.csv");
        JsonNode props = readBack(routes, "csv").get(0).get("properties");
        assertThat(props.get("regime_ARM_" + scenario).asString()).isEqualTo(armRegime);
        assertThat(props.has("regime_ARM_status-quo-2024")).as("only the chosen scenario").isFalse();

        // every scenario's regime for the checkpoint on a given day: an assignment holds from valid_from to valid_to,
        // both days included, an absent end being open (the observed scenario has one assignment per period)
        for (LocalDate day : List.of(LocalDate.of(2024, 6, 1), LocalDate.of(2026, 3, 1))) {
            Map<String, String> checkpointRegimes = new LinkedHashMap<>();
            jdbc.sql("""
                    select s.id, string_agg(a->>'regime', ', ' order by a->>'regime')
                      from corridor.scenarios s, jsonb_array_elements(s.assignments->'checkpoints') a
                     where a->>'checkpoint_id' = 'agarak-post'
                       and (a->>'valid_from' is null or (a->>'valid_from')::date <= ?)
                       and (a->>'valid_to' is null or (a->>'valid_to')::date >= ?)
                     group by s.id order by s.id""").param(day).param(day)
                    .query(rs -> { checkpointRegimes.put(rs.getString(1), rs.getString(2)); });
            assertThat(checkpointRegimes).hasSizeGreaterThan(1);
            Path gpkg = download("/collections/checkpoints/items?f=gpkg&id=agarak-post&datetime=" + day, "gpkg",
                    "checkpoints.gpkg");
            JsonNode cp = readBack(gpkg, "gpkg").get(0).get("properties");
            checkpointRegimes.forEach((s, regime) -> assertThat(cp.get("regime_" + s).asString()).as(s + " " + day).isEqualTo(regime));
        }

        // a regime that changed: Azerbaijan's part of the rail route to Armenia via Georgia under the observed scenario,
        // closed until the transit ban was lifted (21 Oct 2025), then transit
        String rail = "baku-yerevan-rail-via-azerbaijan-georgia";
        java.util.Set<String> railRegimes = new java.util.HashSet<>();
        for (LocalDate day : List.of(LocalDate.of(2025, 6, 1), LocalDate.of(2026, 3, 1))) {
            String azeRegime = jdbc.sql("""
                    select a->>'regime' from corridor.scenarios s, jsonb_array_elements(s.assignments->'segments') a
                     where s.id = 'observed' and a->>'route_id' = ? and a->>'country' = 'AZE'
                       and (a->>'valid_from' is null or (a->>'valid_from')::date <= ?)
                       and (a->>'valid_to' is null or (a->>'valid_to')::date >= ?)""")
                    .param(rail).param(day).param(day).query(String.class).single();
            Path csv = download("/collections/routes/items?f=csv&scenario=observed&id=" + rail + "&datetime=" + day, "csv", "routes.csv");
            JsonNode railProps = readBack(csv, "csv").get(0).get("properties");
            assertThat(railProps.get("regime_AZE_observed").asString()).as(day.toString()).isEqualTo(azeRegime);
            railRegimes.add(azeRegime);
        }
        assertThat(railRegimes).as("the two days fall in different periods").hasSize(2);
    }

    @Test
    void kmlIsWellFormedWithAPlacemarkPerFeature() throws Exception {
        long count = sqlCount("select count(*) from corridor.routes");
        Path kml = download("/collections/routes/items?f=kml", "kml", "routes.kml");
        run("xmllint", "--noout", kml.toString());
        assertThat(run("xmllint", "--xpath", "count(/*[local-name()='kml']/*[local-name()='Document']/*[local-name()='Folder']"
                + "/*[local-name()='Placemark'][*[local-name()='LineString']][*[local-name()='ExtendedData']])", kml.toString()).trim())
                .isEqualTo(String.valueOf(count));
        assertThat(run("xmllint", "--xpath", "namespace-uri(/*)", kml.toString()).trim()).isEqualTo("http://www.opengis.net/kml/2.2");
    }

    @Test
    void csvNeutralisesFormulaTextButNotNumbers() {
        assertThat(org.corridorgis.web.CsvCells.text("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(org.corridorgis.web.CsvCells.text("+1")).isEqualTo("'+1");
        assertThat(org.corridorgis.web.CsvCells.text("-1")).isEqualTo("'-1");
        assertThat(org.corridorgis.web.CsvCells.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(org.corridorgis.web.CsvCells.text("\tx")).isEqualTo("'\tx");
        assertThat(org.corridorgis.web.CsvCells.text("\rx")).isEqualTo("'\rx");
        assertThat(org.corridorgis.web.CsvCells.text("Meghri")).isEqualTo("Meghri");
    }

    @Test
    void wholeDatasetAsOneGeoPackage() throws Exception {
        long collections = sqlCount("select count(*) from corridor.collection");
        long version = sqlCount("select coalesce(sum(version), 0) from corridor.table_version");
        Path file = download("/export.gpkg", "gpkg", "corridor-gis.gpkg");
        String layers = run("ogrinfo", "-ro", "-q", file.toString());
        assertThat(layers.lines().filter(l -> l.matches("^\\d+: .*"))).hasSize((int) collections + 1);
        List<String> tables = jdbc.sql("select table_name from corridor.collection order by table_name").query(String.class).list();
        for (String table : tables) {
            String info = run("ogrinfo", "-ro", "-so", file.toString(), table);
            assertThat(featureCount(info)).as(table).isEqualTo(sqlCount("select count(*) from corridor." + table));
        }
        String metadata = run("ogrinfo", "-ro", file.toString(), "-sql", "select value from metadata where key = 'data_version'");
        // the whole value, not a prefix of it
        assertThat(metadata).containsPattern("value \\(String\\) = " + version + "\\R");
        assertThat(run("ogrinfo", "-ro", file.toString(), "-sql", "select value from metadata where key = 'licence'")).contains("ODbL");

        // the state on a date, and one scenario
        LocalDate day = LocalDate.of(2019, 1, 1);
        long areasOnDay = sqlCount("select count(*) from corridor.disputed_areas where (valid_from is null or valid_from <= ?)"
                + " and (valid_to is null or valid_to >= ?)", day, day);
        Path dated = download("/export.gpkg?datetime=" + day + "&scenario=status-quo-2024", "gpkg", "corridor-gis.gpkg");
        assertThat(featureCount(run("ogrinfo", "-ro", "-so", dated.toString(), "disputed_areas"))).isEqualTo(areasOnDay);
        String routes = run("ogrinfo", "-ro", "-so", dated.toString(), "routes");
        assertThat(routes).contains("open_status-quo-2024").doesNotContain("tripp-2026");
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("corridor-export-"))).as("temporary files removed").isEmpty();
        }
    }

    @Test
    void badRequestsAreProblems() {
        for (String path : List.of("/collections/routes/items?f=kml&crs=EPSG:3857", "/collections/routes/items?f=shp",
                "/collections/routes/items/baku-nakhchivan-via-meghri?f=csv", "/export.gpkg?scenario=no-such-scenario",
                "/export.gpkg?datetime=yesterday", "/export.gpkg?bbox=1,2,3,4")) {
            HttpResponse<String> r = client.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("application/problem+json");
            assertThat(ServiceClient.parse(r.body()).get("detail").asString()).as(path).isNotBlank();
        }
    }

    @Test
    void acceptHeaderChoosesTheFormatAndPagesLinkEveryFormat() {
        HttpResponse<byte[]> r = client.getBytes("/collections/checkpoints/items", "Accept", "application/flatgeobuf");
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/flatgeobuf");
        assertThat(new String(r.body(), 0, 3, StandardCharsets.US_ASCII)).isEqualTo("fgb");
        JsonNode page = client.json("/collections/checkpoints/items?limit=5");
        Map<String, String> alternates = new LinkedHashMap<>();
        page.get("links").forEach(l -> {
            if (l.get("rel").asString().equals("alternate")) {
                alternates.put(l.get("type").asString(), l.get("href").asString());
            }
        });
        assertThat(alternates.keySet()).contains("text/html", "application/geopackage+sqlite3", "application/flatgeobuf", "text/csv",
                "application/vnd.google-earth.kml+xml");
        assertThat(alternates.get("text/csv")).contains("f=csv").contains("limit=5");
    }

    /** The "Feature Count" ogrinfo prints, read whole: "Feature Count: 12" also contains "Feature Count: 1". */
    private static long featureCount(String ogrinfo) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Feature Count: (\\d+)\\R").matcher(ogrinfo);
        assertThat(m.find()).as(ogrinfo).isTrue();
        return Long.parseLong(m.group(1));
    }
}
