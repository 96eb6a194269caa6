package org.corridorgis.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.corridorgis.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PostgisIntegrationTest
class DatabaseFoundationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void migrationsRanAgainstRealPostgis() {
        List<String> versions = jdbc.sql("select version from flyway_schema_history where success order by installed_rank")
                .query(String.class).list();
        List<String> files;
        try (var list = java.nio.file.Files.list(java.nio.file.Path.of("migrations"))) {
            files = list.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(versions).isEqualTo(files).startsWith("1");
        String postgis = jdbc.sql("select extversion from pg_extension where extname = 'postgis'").query(String.class).single();
        assertThat(postgis).matches("3\\.\\d+\\.\\d+.*");
        assertThat(jdbc.sql("select count(*) from pg_namespace where nspname = 'corridor'").query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void postgisComputesGeodesicArea() {
        // A 0.1 x 0.1 degree cell at the equator is 11.13 km on a side on the WGS 84 ellipsoid.
        double km2 = jdbc.sql("select ST_Area(ST_MakeEnvelope(0, 0, 0.1, 0.1, 4326)::geography) / 1e6")
                .query(Double.class).single();
        assertThat(km2).isBetween(123.0, 124.0);
    }
}
