package org.corridorgis.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

import org.corridorgis.support.ServiceClient;
import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What HTTP clients and caches expect: ETags and 304, gzip, CORS, HEAD, problem bodies everywhere. */
class HttpBehaviourTest extends ServiceTestBase {

    @Test
    void strongEtagGives304AndChangesWhenTheDataChanges() {
        HttpResponse<String> first = client.get("/collections/checkpoints/items?limit=3");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").doesNotStartWith("W/");
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("max-age"));
        HttpResponse<String> again = client.get("/collections/checkpoints/items?limit=3", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(client.get("/collections/checkpoints/items?limit=4").headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));
        // A statement that changes nothing keeps the version; a real change gives a new one.
        jdbc.sql("update corridor.checkpoints set note = note where false").update();
        assertThat(client.get("/collections/checkpoints/items?limit=3", "If-None-Match", etag).statusCode()).isEqualTo(304);
        java.time.OffsetDateTime before = jdbc.sql("select now()").query(java.time.OffsetDateTime.class).single();
        String note = jdbc.sql("select note from corridor.checkpoints where id = 'yeraskh'").query(String.class).single();
        try {
            jdbc.sql("update corridor.checkpoints set note = 'changed by a test' where id = 'yeraskh'").update();
            assertThat(client.get("/collections/checkpoints/items?limit=3", "If-None-Match", etag).statusCode()).isEqualTo(200);
        } finally {
            jdbc.sql("update corridor.checkpoints set note = :note where id = 'yeraskh'").param("note", note).update();
            jdbc.sql("delete from corridor.checkpoints_history where id = 'yeraskh' and recorded_to >= :t").param("t", before).update();
        }
    }

    /**
     * What a CDN or load balancer in front needs: how long it may keep a copy and serve it while revalidating,
     * and which data version a response was made from (a client that wrote sends it back as Data-Version).
     */
    @Test
    void versionedResponsesSayTheirDataVersionAndHowLongSharedCachesMayKeepThem() {
        long version = jdbc.sql("select coalesce(sum(version), 0) from corridor.table_version").query(Long.class).single();
        for (String path : new String[] {"/collections/checkpoints/items?limit=3", "/tiles/WebMercatorQuad/8/97/160"}) {
            HttpResponse<String> r = client.get(path, "Origin", "https://news.example");
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValue("public, max-age=60, stale-while-revalidate=60");
            assertThat(r.headers().firstValue("Data-Version")).as(path).hasValue(String.valueOf(version));
            assertThat(r.headers().firstValue("ETag").orElseThrow()).as(path).startsWith("\"" + version + "-");
            assertThat(r.headers().allValues("Vary")).as(path).anySatisfy(v -> assertThat(v).contains("Data-Version"));
            assertThat(r.headers().firstValue("Access-Control-Expose-Headers")).as(path)
                    .hasValueSatisfying(h -> assertThat(h).contains("Data-Version"));
        }
        HttpResponse<String> bad = client.get("/collections/checkpoints/items?limit=3", "Data-Version", "latest");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(ServiceClient.parse(bad.body()).path("detail").asString()).contains("'latest' is not a data version");
        assertThat(client.get("/collections/checkpoints/items?limit=3", "Data-Version", String.valueOf(version)).statusCode()).isEqualTo(200);
    }

    @Test
    void gzipWhenAskedForAndTheSameDocument() throws Exception {
        HttpResponse<String> plain = client.get("/collections/countries/items?limit=10");
        HttpResponse<byte[]> zipped = client.getBytes("/collections/countries/items?limit=10", "Accept-Encoding", "gzip");
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] body;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            body = in.readAllBytes();
        }
        assertThat(zipped.body().length).isLessThan(body.length / 2);
        JsonNode a = ServiceClient.parse(plain.body());
        JsonNode b = ServiceClient.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(b.path("features")).isEqualTo(a.path("features"));
    }

    @Test
    void corsAllowsAnyOriginToRead() {
        HttpResponse<String> r = client.get("/collections/routes/items?limit=1", "Origin", "https://analyst.example");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(r.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(h -> assertThat(h).contains("ETag"));
    }

    @Test
    void headAnswersWithHeadersOnly() {
        HttpResponse<String> r = client.head("/collections/routes/items?limit=1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/geo+json"));
        assertThat(r.headers().firstValue("ETag")).isPresent();
        assertThat(r.body()).isEmpty();
    }

    @Test
    void largePagesAreStreamedNotBuffered() {
        HttpResponse<String> r = client.get("/collections/countries/items?limit=100");
        // A streamed body has no Content-Length: it is sent in chunks as rows arrive from the cursor.
        assertThat(r.headers().firstValue("Content-Length")).isEmpty();
        assertThat(r.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(ServiceClient.parse(r.body()).path("numberReturned").asInt()).isEqualTo(6);
    }

    @Test
    void malformedUrlsAndUnknownPathsGetProblemBodies() throws Exception {
        // A raw request, since Java's HTTP client refuses to send a malformed URL.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("GET /collections/routes/items?limit=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"status\":400").doesNotContain("<html");
        }
        HttpResponse<String> nowhere = client.get("/no/such/path");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> notAllowed = client.get("/collections/routes/items/x/y/z");
        assertThat(notAllowed.statusCode()).isEqualTo(404);
    }

    @Test
    void acceptHeaderChoosesTheRepresentation() {
        assertThat(client.get("/collections", "Accept", "text/html,application/xhtml+xml;q=0.9").body()).startsWith("<!doctype html>");
        assertThat(client.get("/collections", "Accept", "application/json").body()).startsWith("{");
        assertThat(client.get("/collections", "Accept", "text/html;q=0.5, application/json").body()).startsWith("{");
        assertThat(client.get("/collections?f=xml").statusCode()).isEqualTo(400);
    }
}
