package org.corridorgis.replicas;

import java.io.IOException;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.corridorgis.web.DataVersion;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chooses, per request, the database it reads from. Reads (GET, HEAD) go to a replica in rotation unless the
 * client needs a data version the replica has not replayed yet: the version it names in {@code Data-Version}
 * (sent back on every versioned response, and by writes) or in the ETag it revalidates with {@code If-None-Match}.
 * Writes, health checks and requests that find no fresh replica use the primary. A request whose replica failed
 * under it is answered again from the primary, provided nothing of it was sent yet.
 *
 * <p>Runs last among the filters, so that answering again means dispatching to the servlet again.
 */
final class ReadRoutingFilter extends OncePerRequestFilter implements Ordered {

    static final String DATA_VERSION = "Data-Version";
    static final String RETRY_ON_PRIMARY = ReadRoutingFilter.class.getName() + ".retry";

    private final ReadReplicas replicas;
    private final JsonMapper json;

    ReadRoutingFilter(ReadReplicas replicas, JsonMapper json) {
        this.replicas = replicas;
        this.json = json;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method))
                || request.getRequestURI().startsWith("/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long required;
        try {
            required = Math.max(requestedVersion(request), ifNoneMatchVersion(request));
        } catch (NumberFormatException e) {
            badDataVersion(request, response);
            return;
        }
        if (!replicas.configured()) {
            chain.doFilter(request, response); // the primary answers every version
            return;
        }
        ReadRoute route = ReadRoute.begin(replicas.choose(required));
        try {
            chain.doFilter(request, response);
            if (request.getAttribute(RETRY_ON_PRIMARY) != null && !response.isCommitted()) {
                request.removeAttribute(RETRY_ON_PRIMARY);
                response.reset();
                route.toPrimary();
                chain.doFilter(request, response);
            }
        } finally {
            ReadRoute.end();
        }
    }

    private static long requestedVersion(HttpServletRequest request) {
        String header = request.getHeader(DATA_VERSION);
        if (header == null || header.isBlank()) {
            return 0;
        }
        long v = Long.parseLong(header.trim());
        if (v < 0) {
            throw new NumberFormatException();
        }
        return v;
    }

    private static long ifNoneMatchVersion(HttpServletRequest request) {
        long max = 0;
        Enumeration<String> values = request.getHeaders("If-None-Match");
        while (values != null && values.hasMoreElements()) {
            max = Math.max(max, DataVersion.versionIn(values.nextElement()));
        }
        return max;
    }

    private void badDataVersion(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Invalid header '" + DATA_VERSION + "'");
        problem.put("status", 400);
        problem.put("detail", "'" + request.getHeader(DATA_VERSION) + "' is not a data version: send the non-negative "
                + "integer a response's Data-Version header carried");
        problem.put("instance", request.getRequestURI());
        response.setStatus(400);
        response.setContentType("application/problem+json");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
