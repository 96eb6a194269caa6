package org.corridorgis.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the service under test, as an API client would use it. */
public final class ServiceClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;

    public ServiceClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send(request(pathAndQuery, headers).GET().build());
    }

    public HttpResponse<String> post(String pathAndQuery, String contentType, String body, String... headers) {
        return send(request(pathAndQuery, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Any method, with a body when {@code body} is not null (then with its Content-Type). */
    public HttpResponse<String> send(String method, String pathAndQuery, String contentType, String body, String... headers) {
        HttpRequest.Builder b = request(pathAndQuery, headers);
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> head(String pathAndQuery, String... headers) {
        return send(request(pathAndQuery, headers).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    public HttpResponse<byte[]> getBytes(String pathAndQuery, String... headers) {
        try {
            return HTTP.send(request(pathAndQuery, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs JSON and parses it, failing with the body when the status is not 200. */
    public JsonNode json(String pathAndQuery) {
        HttpResponse<String> r = get(pathAndQuery, "Accept", "application/json");
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    public static JsonNode parse(String body) {
        return JSON.readTree(body);
    }

    private HttpRequest.Builder request(String pathAndQuery, String... headers) {
        String url = pathAndQuery.startsWith("http") ? pathAndQuery : base + pathAndQuery;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
