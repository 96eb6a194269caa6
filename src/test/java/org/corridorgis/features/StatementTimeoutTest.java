package org.corridorgis.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.corridorgis.support.ServiceClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A query that runs past the statement timeout is cancelled by PostgreSQL and answered 503 with a problem body. The
 * timeout, 50 ms, is far below what the query takes (at least 120 ms here) and far
 * above what the service's own start-up statements take, which run under it too (1 ms was at the mercy of the
 * scheduler on a busy machine).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "corridor.features.statement-timeout=50ms")
class StatementTimeoutTest {

    @LocalServerPort
    int port;

    @Test
    void slowQueriesAre503() {
        // Reprojecting every vertex of the country polygons and measuring each three times on the ellipsoid.
        HttpResponse<String> r = new ServiceClient(port).get("/collections/countries/items?limit=100&crs=EPSG:32638&filter="
                + "AREA_KM2(geom)%20%3E%201%20AND%20AREA_KM2(geom)%20%3C%201e9%20AND%20AREA_KM2(geom)%20%3C%3E%202");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("statement timeout");
    }
}
