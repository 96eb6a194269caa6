package org.corridorgis.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The Kubernetes example, read as data: its probes hit endpoints the service has, its parts name each other. */
class KubernetesExampleTest {

    @SuppressWarnings("unchecked")
    @Test
    void deploymentServiceAndAutoscalerFitTogether() throws Exception {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(Path.of("deploy/kubernetes/corridor-gis.yaml"))) {
            new Yaml().loadAll(reader).forEach(d -> documents.add((Map<String, Object>) d));
        }
        assertThat(documents).hasSize(3);
        assertThat(documents).extracting(d -> d.get("kind")).containsExactly("Deployment", "Service", "HorizontalPodAutoscaler");

        Map<String, Object> spec = (Map<String, Object>) documents.get(0).get("spec");
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        List<Map<String, Object>> containers = (List<Map<String, Object>>) pod.get("containers");
        assertThat(containers).hasSize(1);
        Map<String, Object> container = containers.get(0);
        assertThat(path(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat(path(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat((List<Map<String, Object>>) container.get("env")).extracting(e -> e.get("name"))
                .contains("CORRIDOR_DB_URL", "CORRIDOR_DB_READ_URLS");
        assertThat((Integer) pod.get("terminationGracePeriodSeconds")).isGreaterThan(25);

        Map<String, Object> labels = (Map<String, Object>) ((Map<String, Object>) spec.get("selector")).get("matchLabels");
        assertThat(path(documents.get(1), "spec", "selector")).isEqualTo(labels);
        assertThat(path(documents.get(2), "spec", "scaleTargetRef", "name")).isEqualTo(path(documents.get(0), "metadata", "name"));
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> map, String... keys) {
        Object o = map;
        for (String k : keys) {
            o = ((Map<String, Object>) o).get(k);
        }
        return o;
    }
}
