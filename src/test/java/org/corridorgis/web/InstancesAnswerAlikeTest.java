package org.corridorgis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.corridorgis.support.ServiceClient;
import org.corridorgis.support.ServiceProcess;
import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the service behind one load balancer answer one request with the same bytes. The second
 * instance is a JVM of its own on the test database (a JVM draws, at its start, the order in which
 * {@code Map.of} and {@code Set.of} iterate, so only another process shows an answer that depends on it). The
 * answers are compared byte for byte, after each instance's own address in absolute links is put in one form;
 * where an answer carries an ETag, both carry the same one.
 */
class InstancesAnswerAlikeTest extends ServiceTestBase {

    @Autowired
    DataSource dataSource;

    @Test
    void aSecondInstanceWritesEveryDescriptionWithTheSameBytes() throws Exception {
        List<String> paths = new ArrayList<>(List.of("/", "/conformance", "/api", "/collections", "/functions",
                "/tiles", "/tiles/WebMercatorQuad", "/tiles/WebMercatorQuad/tilejson.json", "/scenarios", "/analysis",
                "/collections/checkpoints/items?limit=3", "/collections/routes/items?limit=2"));
        for (JsonNode c : client.json("/collections").get("collections")) {
            String id = c.get("id").asString();
            paths.add("/collections/" + id);
            paths.add("/collections/" + id + "/queryables");
            paths.add("/collections/" + id + "/schema");
            for (JsonNode link : c.get("links")) {
                if (link.get("href").asString().endsWith("/collections/" + id + "/tiles")) {
                    paths.add("/collections/" + id + "/tiles/WebMercatorQuad");
                }
            }
        }
        int otherPort = ServiceProcess.freePort();
        Path log = Path.of("target", "second-instance-service.log");
        Process other = ServiceProcess.startBeside(dataSource, otherPort, log);
        try {
            ServiceClient second = new ServiceClient(otherPort);
            ServiceProcess.awaitReady(other, second, log);
            int compared = 0;
            for (String path : paths) {
                HttpResponse<String> here = client.get(path, "Accept", "application/json");
                HttpResponse<String> there = second.get(path, "Accept", "application/json");
                assertThat(here.statusCode()).as(path).isEqualTo(200);
                assertThat(there.statusCode()).as(path).isEqualTo(200);
                String mine = here.body().replace(client.base(), "BASE");
                String theirs = there.body().replace(second.base(), "BASE");
                assertThat(theirs.equals(mine)).as("%s differs between the instances: %s", path, firstDifference(mine, theirs)).isTrue();
                assertThat(there.headers().firstValue("ETag")).as(path).isEqualTo(here.headers().firstValue("ETag"));
                compared++;
            }
            assertThat(compared).isGreaterThan(30);
            System.out.printf("%d answers compared byte for byte: %s%n", compared, paths);
        } finally {
            other.destroy();
            other.waitFor();
        }
    }

    /** Where two answers part, with a little of each around it (a whole OpenAPI document is too long to read). */
    private static String firstDifference(String a, String b) {
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 60);
        return "at character " + i + ": here …" + a.substring(from, Math.min(a.length(), i + 60)) + "… there …"
                + b.substring(from, Math.min(b.length(), i + 60)) + "…";
    }
}
