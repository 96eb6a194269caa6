package org.corridorgis.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Absolute URLs for links, from the root {@link PublicAddress} chose for the request (the configured public URL,
 * a trusted proxy's forwarded headers, or the address the connection arrived on; never the Host header), so
 * every instance behind a load balancer writes the same links.
 */
public final class RequestUrls {

    private RequestUrls() {
    }

    /** The service root without a trailing slash, e.g. {@code http://127.0.0.1:8080}. */
    public static String root(HttpServletRequest request) {
        Object root = request.getAttribute(PublicAddress.ROOT_ATTRIBUTE);
        if (root instanceof String r) {
            return r;
        }
        // a request that did not pass the filter (an error dispatch): the address the connection arrived on
        return request.getScheme() + "://" + (request.getLocalAddr().contains(":") ? "[" + request.getLocalAddr() + "]"
                : request.getLocalAddr()) + ":" + request.getLocalPort() + request.getContextPath();
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

    /**
     * This request's path and parameters, with some replaced or removed (value null). Parameters the request did not
     * have are added in name order, whatever the order of {@code changes}, so that every instance writes one link.
     */
    public static String self(HttpServletRequest request, Map<String, String> changes) {
        Map<String, String> query = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> query.put(k, v[0]));
        new TreeMap<>(changes).forEach((k, v) -> {
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
