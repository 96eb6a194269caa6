package org.corridorgis.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the filter integration tests: one keep-alive HttpClient, JSON parsed with Jackson. */
final class Cql2Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        /** The ids of the features of a 200 FeatureCollection, sorted. */
        TreeSet<String> ids() {
            if (status != 200) {
                fail("expected 200 but got " + status + ": " + body);
            }
            TreeSet<String> ids = new TreeSet<>();
            for (JsonNode f : json().get("features")) {
                ids.add(f.get("id").asString());
            }
            return ids;
        }
    }

    private final int port;

    Cql2Http(int port) {
        this.port = port;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Answer get(String pathAndQuery) {
        return getUri(URI.create(pathAndQuery.startsWith("http") ? pathAndQuery : base() + pathAndQuery));
    }

    Answer getUri(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
            .header("Accept", "application/geo+json, application/json;q=0.9, application/problem+json;q=0.8").GET().build();
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET items with a filter and any extra (already encoded) parameters, e.g. "&limit=5". */
    Answer items(String collection, String filter, String extra) {
        String more = extra == null ? "" : extra;
        return get("/collections/" + collection + "/items?filter=" + enc(filter) + (more.contains("&limit=") ? "" : "&limit=1000")
            + more);
    }

    Answer itemsJson(String collection, String filter, String extra) {
        return items(collection, filter, "&filter-lang=cql2-json" + (extra == null ? "" : extra));
    }

    /** The ids matched by a text filter (asserting 200). */
    TreeSet<String> ids(String collection, String filter) {
        Answer a = items(collection, filter, null);
        assertEquals(200, a.status(), () -> "filter " + filter + " on " + collection + ": " + a.body());
        return a.ids();
    }

    /** Follows next links from a first page to the end; returns every feature id in page order. */
    List<String> allPages(String firstPathAndQuery, Map<String, Long> matchedOut) {
        List<String> ids = new ArrayList<>();
        String next = firstPathAndQuery;
        int pages = 0;
        while (next != null) {
            Answer a = get(next);
            assertEquals(200, a.status(), a.body());
            JsonNode page = a.json();
            if (matchedOut != null) {
                matchedOut.merge("numberMatched", page.get("numberMatched").asLong(), (x, y) -> {
                    assertEquals(x, y, "numberMatched changed between pages");
                    return x;
                });
            }
            for (JsonNode f : page.get("features")) {
                ids.add(f.get("id").asString());
            }
            next = null;
            for (JsonNode link : page.get("links")) {
                if ("next".equals(link.get("rel").asString())) {
                    next = link.get("href").asString();
                }
            }
            if (++pages > 1000) {
                fail("more than 1000 pages");
            }
        }
        return ids;
    }

    static Map<String, Long> newCounter() {
        return new LinkedHashMap<>();
    }
}
