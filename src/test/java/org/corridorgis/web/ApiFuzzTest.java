package org.corridorgis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.corridorgis.support.ServiceClient;
import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Requests generated from the service's own OpenAPI document (/api): every operation, every parameter it
 * lists and every segment of its path, filled with values that fit and values that do not (wrong types,
 * impossible dates, NUL characters, broken UTF-8, SQL and HTML fragments, huge numbers, projected
 * coordinates outside their projection). Seeded, so a failure names requests that can be sent again.
 * Whatever comes in, no answer is a 5xx, and every 4xx is a problem+json body whose status is the answer's.
 */
class ApiFuzzTest extends ServiceTestBase {

    static final long SEED = 20_240_229L;
    static final int REQUESTS = 5_000;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Values that fit no parameter, or fit in a way an implementation may not expect; "raw:" ones go unencoded. */
    static final List<String> HOSTILE = List.of("", " ", "'", "\"", "' OR '1'='1", "1; drop table corridor.routes; --",
            "%", "_", "\\", "<script>alert(1)</script>", "a\u0000b", "\u0000", "../../etc/passwd", "\u202egnp.exe",
            "\uD835\uDD18\uD835\uDD2B\uD835\uDD26", "-1", "0", "-0", "99999999999999999999", "1e309", "-1e309", "NaN",
            "Infinity", "null", "true", "maybe", "[]", "{}", "x".repeat(3000), ",,,", "1,2,3", "1,2,3,4,5",
            "2024-02-30", "2024-13-45", "0000-01-01", "9999-12-31T23:59:60Z", "..", "../..", "/", "=1+2", "@SUM(A1)",
            "http://www.opengis.net/def/crs/EPSG/0/32638", "EPSG:99999", "1e10,1e10,2e10,2e10",
            "raw:%00", "raw:%C0%AF", "raw:%FF%FE", "raw:%E2%80%AE", "raw:%25", "raw:%2F", "raw:a%00b");

    static final List<String> CRS = List.of("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "http://www.opengis.net/def/crs/EPSG/0/4326",
            "http://www.opengis.net/def/crs/EPSG/0/3857", "http://www.opengis.net/def/crs/EPSG/0/32638", "EPSG:32638", "[EPSG:3857]");

    static final List<String> FILTERS = List.of("name = 'Meghri'", "name LIKE '%a%'", "S_INTERSECTS(geom, POINT(46.24 38.90))",
            "S_INTERSECTS(geom, POINT(1e10 1e10))", "S_INTERSECTS(geom, POINT(-3000000 500000))",
            "S_INTERSECTS(geom, BBOX(-1e12,-1e12,1e12,1e12))", "S_INTERSECTS(geom, POLYGON((0 0, 1 0, 1 1, 0 0)))",
            "valid_from > DATE('2024-02-30')", "valid_from > DATE('2020-01-01')", "area_km2 > 'abc'", "seq = 'x'",
            "T_AFTER(valid_from, TIMESTAMP('2020-01-01T00:00:00Z'))", "DISTANCE_M(geom, POINT(46 39)) < 1000",
            "{\"op\":\"=\",\"args\":[{\"property\":\"name\"},\"x\"]}", "{\"op\":", "ACCENTI(name) LIKE ACCENTI('zz')",
            "NOT (", "1 = 1", "name IN ('a','b')", "id IS NULL");

    record Operation(String path, List<JsonNode> parameters) {
    }

    record Outcome(String url, int status, String contentType, String body) {
    }

    @Test
    void generatedRequestsNeverFailOnTheServerAndEveryRefusalIsAProblem() throws Exception {
        JsonNode api = client.json("/api");
        List<Operation> operations = operations(api);
        assertThat(operations).hasSizeGreaterThanOrEqualTo(40);
        Map<String, List<String>> idsByCollection = featureIds();
        assertThat(idsByCollection).containsKeys("routes", "checkpoints", "disputed-areas");

        Random random = new Random(SEED);
        List<String> urls = new ArrayList<>(REQUESTS);
        Set<String> parametersUsed = new LinkedHashSet<>();
        Set<String> parametersListed = new LinkedHashSet<>();
        for (Operation op : operations) {
            op.parameters().forEach(p -> parametersListed.add(op.path() + " " + p.path("in").asString() + ":" + p.path("name").asString()));
        }
        for (int i = 0; i < REQUESTS; i++) {
            // every operation in turn, so each gets its share whatever the random draws
            Operation op = operations.get(i % operations.size());
            urls.add(request(op, i / operations.size(), random, idsByCollection, parametersUsed));
        }
        assertThat(urls).hasSize(REQUESTS);
        assertThat(parametersUsed).containsAll(parametersListed);

        List<Outcome> outcomes = send(urls);
        assertThat(outcomes).hasSize(REQUESTS);
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (Outcome o : outcomes) {
            if (o.status() >= 500) {
                failures.add(o.status() + " " + o.url() + " -> " + abbreviate(o.body()));
            } else if (o.status() >= 400) {
                refused++;
                String problem = problemError(o);
                if (problem != null) {
                    failures.add(o.status() + " " + o.url() + " -> " + problem);
                }
            }
        }
        assertThat(failures).as("requests answered with a 5xx or a 4xx without a problem body (seed " + SEED + ")")
                .isEmpty();
        // the mix must reach both sides: refusals and answers
        assertThat(refused).isBetween(REQUESTS / 5, REQUESTS - REQUESTS / 10);
    }

    private static String problemError(Outcome o) {
        if (o.contentType() == null || !o.contentType().startsWith("application/problem+json")) {
            return "content type " + o.contentType() + ": " + abbreviate(o.body());
        }
        try {
            JsonNode body = ServiceClient.parse(o.body());
            if (body.path("status").asInt() != o.status() || body.path("title").asString("").isBlank()
                    || body.path("detail").asString("").isBlank()) {
                return "problem body without matching status, title and detail: " + abbreviate(o.body());
            }
            return null;
        } catch (RuntimeException e) {
            return "problem body is not JSON: " + abbreviate(o.body());
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private List<Operation> operations(JsonNode api) {
        JsonNode shared = api.path("components").path("parameters");
        List<Operation> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode()) {
                continue;
            }
            List<JsonNode> params = new ArrayList<>();
            for (JsonNode p : get.path("parameters")) {
                if (p.has("$ref")) {
                    String ref = p.path("$ref").asString();
                    p = shared.path(ref.substring(ref.lastIndexOf('/') + 1));
                }
                assertThat(p.path("name").asString("")).as("parameter of " + path.getKey()).isNotBlank();
                params.add(p);
            }
            ops.add(new Operation(path.getKey(), params));
        }
        return ops;
    }

    /** A few real ids per collection, so that some generated requests reach the features themselves. */
    private Map<String, List<String>> featureIds() {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (JsonNode c : client.json("/collections").path("collections")) {
            String id = c.path("id").asString();
            List<String> some = new ArrayList<>();
            for (JsonNode f : client.json("/collections/" + id + "/items?limit=5&properties=").path("features")) {
                some.add(f.path("id").asString());
            }
            ids.put(id, some);
        }
        return ids;
    }

    /** The {@code visit}-th request to an operation: its parameters in turn, each with up to three others drawn at random. */
    private String request(Operation op, int visit, Random random, Map<String, List<String>> ids, Set<String> used) {
        String collection = op.path().startsWith("/collections/") ? op.path().split("/")[2] : "routes";
        List<String> allIds = ids.values().stream().flatMap(List::stream).toList();
        String path = op.path();
        StringBuilder url = new StringBuilder();
        String[] segments = path.substring(1).split("/", -1);
        // now and then a fixed segment of the path is replaced too
        int replaced = random.nextInt(12) == 0 && segments.length > 0 ? random.nextInt(segments.length) : -1;
        for (int s = 0; s < segments.length; s++) {
            String segment = segments[s];
            url.append('/');
            if (segment.startsWith("{")) {
                String name = segment.substring(1, segment.length() - 1);
                used.add(op.path() + " path:" + name);
                url.append(encode(pathValue(name, collection, random, ids, allIds)));
            } else if (s == replaced) {
                url.append(encode(pick(random, HOSTILE)));
            } else {
                url.append(segment);
            }
        }
        List<JsonNode> query = op.parameters().stream().filter(p -> p.path("in").asString().equals("query")).toList();
        List<String> pairs = new ArrayList<>();
        if (!query.isEmpty()) {
            int count = 1 + random.nextInt(Math.min(4, query.size()));
            for (int k = 0; k < count; k++) {
                JsonNode p = query.get(k == 0 ? visit % query.size() : random.nextInt(query.size()));
                String name = p.path("name").asString();
                used.add(op.path() + " query:" + name);
                pairs.add(encode(name) + "=" + encode(queryValue(name, p.path("schema"), collection, random, ids)));
            }
        }
        if (random.nextInt(25) == 0) {
            pairs.add(encode(pick(random, HOSTILE)) + "=" + encode(pick(random, HOSTILE)));
        }
        if (!pairs.isEmpty()) {
            url.append('?').append(String.join("&", pairs));
        }
        return url.toString();
    }

    private static String pathValue(String name, String collection, Random random, Map<String, List<String>> ids, List<String> allIds) {
        boolean fitting = random.nextInt(3) > 0;
        return switch (name) {
            case "featureId" -> fitting && !ids.getOrDefault(collection, List.of()).isEmpty()
                    ? pick(random, ids.get(collection)) : random.nextBoolean() ? pick(random, allIds) : pick(random, HOSTILE);
            case "collectionId" -> fitting ? pick(random, new ArrayList<>(ids.keySet())) : pick(random, HOSTILE);
            case "routeId" -> fitting ? pick(random, ids.get("routes")) : pick(random, HOSTILE);
            case "z", "x", "y" -> fitting ? String.valueOf(random.nextInt(12)) : pick(random, List.of("-1", "25", "99999999999",
                    "1.5", "x", "", "2147483648", "0x10"));
            default -> pick(random, HOSTILE);
        };
    }

    private static String queryValue(String name, JsonNode schema, String collection, Random random, Map<String, List<String>> ids) {
        if (random.nextInt(3) == 0) {
            return pick(random, HOSTILE);
        }
        List<String> fitting = new ArrayList<>();
        schema.path("enum").forEach(e -> fitting.add(e.asString()));
        switch (name) {
            case "f" -> fitting.addAll(List.of("json", "html", "csv", "geojson", "xml"));
            case "limit", "offset" -> fitting.addAll(List.of("1", "10", "10000", "10001", "0", "-5", "abc"));
            case "bbox" -> fitting.addAll(List.of("44,38,47,40", "38,44,40,47", "4900000,4300000,5200000,4600000",
                    "300000,4200000,700000,4500000", "-180,-90,180,90", "47,40,44,38", "1e10,1e10,2e10,2e10", "44,38,0,47,40,0"));
            case "bbox-crs", "crs", "filter-crs" -> fitting.addAll(CRS);
            case "datetime", "recorded" -> fitting.addAll(List.of("2024-01-01", "2020-11-10T00:00:00Z", "2020-01-01/..",
                    "../2024-01-01", "2024-02-30", "2024-01-01/2020-01-01", "../..", "now"));
            case "filter" -> fitting.addAll(FILTERS);
            case "filter-lang" -> fitting.addAll(List.of("cql2-text", "cql2-json", "cql-text"));
            case "properties", "sortby" -> fitting.addAll(List.of("name", "-name", "id,name", "geom", "nope", "+valid_from", "sources"));
            case "scenario" -> fitting.addAll(List.of("status-quo-2024", "tripp-2026", "crossroads-of-peace-2023", "nope"));
            case "routes" -> fitting.add(String.join(",", ids.get("routes").subList(0, Math.min(2, ids.get("routes").size()))));
            case "a", "b" -> fitting.addAll(ids.getOrDefault("boundary-maps", List.of()));
            case "collections" -> fitting.addAll(List.of("routes", "checkpoints,routes", "sources", "nope", ","));
            case "cursor" -> fitting.addAll(List.of("eyJzIjoiIiwidiI6WyJ4Il0sImkiOmZhbHNlfQ", "AAAA", "!!!"));
            default -> {
                switch (schema.path("type").asString("string")) {
                    case "integer" -> fitting.addAll(List.of("1", "2", "-7", "2147483648", "1.5"));
                    case "number" -> fitting.addAll(List.of("0", "12.5", "-3", "1e3", "1e400", "0.000001"));
                    case "boolean" -> fitting.addAll(List.of("true", "false", "t", "no"));
                    default -> fitting.addAll(ids.getOrDefault(collection, List.of("x")));
                }
                fitting.addAll(List.of("2024-01-01", "2024-01-01T00:00:00Z", "ARM", "AZE", "schematic"));
            }
        }
        return fitting.isEmpty() ? pick(random, HOSTILE) : pick(random, fitting);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Percent-encodes a value for a path segment or query; "raw:" values are sent as written. */
    private static String encode(String value) {
        if (value.startsWith("raw:")) {
            return value.substring(4);
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private List<Outcome> send(List<String> urls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (String url : urls) {
                futures.add(pool.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(client.base() + url)).timeout(Duration.ofSeconds(60)).GET().build();
                    HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    return new Outcome(url, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
