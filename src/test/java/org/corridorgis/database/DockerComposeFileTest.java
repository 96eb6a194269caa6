package org.corridorgis.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** No Docker engine runs where the tests run, so the compose file is checked as data: its shape and wiring. */
class DockerComposeFileTest {

    @SuppressWarnings("unchecked")
    @Test
    void composeFileWiresPostgisAndTheService() throws Exception {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsOnlyKeys("db", "app");

        Map<String, Object> db = (Map<String, Object>) services.get("db");
        String image = (String) db.get("image");
        assertThat(image).startsWith("postgis/postgis:15-3.");
        assertThat(Integer.parseInt(image.replaceAll(".*-3\\.", ""))).isGreaterThanOrEqualTo(3);
        assertThat((Map<String, Object>) db.get("healthcheck")).containsKey("test");
        assertThat((List<String>) db.get("volumes")).anyMatch(v -> v.startsWith("postgis-data:"));
        assertThat((Map<String, Object>) compose.get("volumes")).containsKey("postgis-data");

        Map<String, Object> app = (Map<String, Object>) services.get("app");
        Map<String, Object> build = (Map<String, Object>) app.get("build");
        assertThat(Path.of((String) build.get("dockerfile"))).exists();
        Map<String, String> env = (Map<String, String>) app.get("environment");
        assertThat(env.get("CORRIDOR_DB_URL")).isEqualTo("jdbc:postgresql://db:5432/corridor");
        Map<String, Object> dependsOn = (Map<String, Object>) app.get("depends_on");
        assertThat((Map<String, String>) dependsOn.get("db")).containsEntry("condition", "service_healthy");
    }
}
