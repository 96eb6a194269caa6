package org.corridorgis.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.corridorgis.support.PostgisIntegrationTest;
import org.corridorgis.support.ServiceClient;
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
        assertThat(routes).contains("Feature Count: " + count);
        assertThat(routes).contains("name: String").contains("status: String").contains("sources: StringList");
    }

    @Test
    void ogrinfoTakesItsFieldTypesFromTheSchema() throws Exception {
        String base = "OAPIF:http://127.0.0.1:" + port + "/";
        // valid_to is null on every checkpoint, so only the schema can tell GDAL that it is a date
        assertThat(jdbc.sql("select count(*) from corridor.checkpoints where valid_to is not null").query(Integer.class).single()).isZero();
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

    @Test
    void ogr2ogrCopiesEveryCollectionWholeThroughSeveralPages() throws Exception {
        ServiceClient client = new ServiceClient(port);
        List<String> problems = new ArrayList<>();
        for (String id : jdbc.sql("select id from corridor.collection order by sort_order").query(String.class).list()) {
            int matched = client.json("/collections/" + id + "/items?limit=1").path("numberMatched").asInt();
            Path gpkg = dir.resolve(id + ".gpkg");
            // PAGE_SIZE 4 forces several pages on every collection.
            run("ogr2ogr", "-f", "GPKG", gpkg.toString(), "OAPIF:http://127.0.0.1:" + port + "/", id, "-oo", "PAGE_SIZE=4");
            String counted = run("ogrinfo", "-ro", "-q", "-sql", "select count(*) as c, count(distinct id) as d from \"" + id + "\"", gpkg.toString());
            Matcher c = Pattern.compile("c \\(Integer\\) = (\\d+)").matcher(counted);
            Matcher d = Pattern.compile("d \\(Integer\\) = (\\d+)").matcher(counted);
            if (!c.find() || !d.find()) {
                problems.add(id + ": no count in " + counted);
                continue;
            }
            if (Integer.parseInt(c.group(1)) != matched || Integer.parseInt(d.group(1)) != matched) {
                problems.add(id + ": copied " + c.group(1) + " rows, " + d.group(1) + " distinct ids, of " + matched);
            }
            assertThat(Files.size(gpkg)).isPositive();
        }
        assertThat(problems).isEmpty();
    }
}
