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
        Map<String, Object> all = (Map<String, Object>) compose.get("services");
        Map<String, Object> services = new java.util.LinkedHashMap<>();
        all.forEach((name, service) -> {
            if (!((Map<String, Object>) service).containsKey("profiles")) {
                services.put(name, service);
            }
        });
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

    /**
     * The "scale" profile: the default services, a streaming replica made by pg_basebackup of db, two instances
     * reading from it, and HAProxy checking their readiness.
     */
    @SuppressWarnings("unchecked")
    @Test
    void scaleProfileAddsAReplicaTwoInstancesAndALoadBalancer() throws Exception {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        List<String> scale = services.entrySet().stream()
                .filter(e -> ((List<String>) e.getValue().getOrDefault("profiles", List.of())).contains("scale"))
                .map(Map.Entry::getKey).toList();
        assertThat(scale).containsExactlyInAnyOrder("db-replica", "app-1", "app-2", "lb");

        for (Map<String, Object> service : services.values()) {
            for (String volume : (List<String>) service.getOrDefault("volumes", List.of())) {
                if (volume.startsWith("./")) {
                    assertThat(Path.of(volume.substring(2, volume.indexOf(':')))).as(volume).isRegularFile();
                }
            }
        }
        assertThat((Map<String, Object>) compose.get("volumes")).containsKeys("postgis-data", "replica-data");

        Map<String, Object> replica = services.get("db-replica");
        assertThat(replica.get("image")).isEqualTo(services.get("db").get("image"));
        String start = Files.readString(Path.of("src/docker/scale/replica-start.sh"));
        assertThat(start).contains("pg_basebackup -h \"$PRIMARY_HOST\"").contains(" -R ").contains("hot_standby=on");
        assertThat((Map<String, String>) replica.get("environment")).containsEntry("PRIMARY_HOST", "db");
        assertThat(Files.readString(Path.of("src/docker/scale/primary-replication.sh")))
                .contains("REPLICATION LOGIN").contains("host replication replicator");

        for (String name : List.of("app-1", "app-2")) {
            Map<String, Object> app = services.get(name);
            Map<String, String> env = (Map<String, String>) app.get("environment");
            assertThat(env).containsEntry("CORRIDOR_DB_URL", "jdbc:postgresql://db:5432/corridor")
                    .containsEntry("CORRIDOR_DB_READ_URLS", "jdbc:postgresql://db-replica:5432/corridor");
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) app.get("depends_on");
            assertThat(dependsOn.get("db-replica")).containsEntry("condition", "service_healthy");
            assertThat(app.get("stop_grace_period")).isEqualTo("30s");
        }

        Map<String, Object> lb = services.get("lb");
        assertThat((String) lb.get("image")).startsWith("haproxy:");
        String haproxy = Files.readString(Path.of("src/docker/scale/haproxy.cfg"));
        assertThat(haproxy).contains("option httpchk GET /actuator/health/readiness")
                .contains("server app-1 app-1:8080 check").contains("server app-2 app-2:8080 check");
    }

    /**
     * Compose itself (the docker-compose tool, which needs no engine for this) reads the file with the scale
     * profile as valid and finds the primary, its replica, two instances and the load balancer in it.
     */
    @Test
    void composeAcceptsTheScaleProfile() throws Exception {
        Path errors = Files.createTempFile("compose-config", ".txt");
        Process check = new ProcessBuilder("docker-compose", "--profile", "scale", "config", "--services")
                .redirectError(errors.toFile()).start();
        String out = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(Files.readString(errors)).isZero();
        Files.deleteIfExists(errors);
        assertThat(out.lines().map(String::strip).toList())
                .containsExactlyInAnyOrder("db", "app", "db-replica", "app-1", "app-2", "lb");
    }
}
