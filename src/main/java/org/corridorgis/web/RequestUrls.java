package org.corridorgis.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute URLs for links, built from the request as the client sent it (behind a proxy, from its
 * X-Forwarded headers), so every instance behind a load balancer writes the same links.
 */
public final class RequestUrls {

    private RequestUrls() {
    }

    /** The service root without a trailing slash, e.g. {@code http://127.0.0.1:8080}. */
    public static String root(HttpServletRequest request) {
        String root = ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
        return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /** A path under the root, with the given query parameters (nulls left out), in the order given. */
    public static String href(HttpServletRequest request, String path, Map<String, String> query) {
        StringJoiner q = new StringJoiner("&");
        query.forEach((k, v) -> {
            if (v != null) {
                q.add(encode(k) + "=" + encode(v));
            }
        });
        return root(request) + path + (q.length() == 0 ? "" : "?" + q);
    }

    /** This request's path and parameters, with some replaced or removed (value null). */
    public static String self(HttpServletRequest request, Map<String, String> changes) {
        Map<String, String> query = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> query.put(k, v[0]));
        changes.forEach((k, v) -> {
            if (v == null) {
                query.remove(k);
            } else {
                query.put(k, v);
            }
        });
        return href(request, pathWithinApplication(request), query);
    }

    public static String pathWithinApplication(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static Map<String, String> with(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
