package org.corridorgis.features;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.corridorgis.catalog.Collection;
import org.corridorgis.web.ProblemException;
import org.corridorgis.web.RequestUrls;
import org.springframework.http.HttpStatus;

/**
 * {@code POST /collections/{collectionId}/search}, the ad-hoc query of the OGC "Search" draft (20-096,
 * {@code /req/search/post-op}): the body is a CQL2 JSON filter, the other parameters (limit, bbox, crs, sortby,
 * ...) stay in the query string. It reads as the items request with that filter, so it answers exactly what
 * {@code GET .../items?filter-lang=cql2-json&filter=...} answers, and its links are those GET links.
 */
final class SearchRequest extends HttpServletRequestWrapper {

    static final Set<String> MEDIA_TYPES = Set.of("application/json", "application/cql2+json", "application/ogcqry+json");

    private final Map<String, String[]> parameters;
    private final String itemsUri;

    private SearchRequest(HttpServletRequest request, Collection collection, String filter) {
        super(request);
        Map<String, String[]> p = new LinkedHashMap<>(request.getParameterMap());
        p.put("filter-lang", new String[] {"cql2-json"});
        p.put("filter", new String[] {filter});
        this.parameters = Collections.unmodifiableMap(p);
        this.itemsUri = request.getContextPath() + "/collections/" + RequestUrls.encode(collection.id()) + "/items";
    }

    /** Reads the body (at most {@code maxLength} characters, the filter length limit) as the filter. */
    static SearchRequest of(HttpServletRequest request, Collection collection, int maxLength) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().split(";")[0].trim().toLowerCase();
        if (!MEDIA_TYPES.contains(type)) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "the body must be a CQL2 JSON filter sent as application/cql2+json or application/json, not '" + type + "'");
        }
        for (String name : new String[] {"filter", "filter-lang"}) {
            if (request.getParameter(name) != null) {
                throw ProblemException.badParameter(name, "a search takes its filter from the body; leave '" + name + "' out of the URL");
            }
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            // Four bytes a character at most in UTF-8: anything longer is over the limit whatever it says.
            body = in.readNBytes(maxLength * 4 + 1);
        }
        String filter = new String(body, StandardCharsets.UTF_8);
        if (body.length > maxLength * 4 || filter.length() > maxLength) {
            throw ProblemException.badParameter("filter", "the filter is longer than " + maxLength + " characters");
        }
        if (filter.isBlank()) {
            throw ProblemException.badParameter("filter", "the body is empty; send a CQL2 JSON filter");
        }
        return new SearchRequest(request, collection, filter);
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        return parameters.get(name);
    }

    /** The query string of the equivalent GET, filter included, so that an ETag tells searches apart. */
    @Override
    public String getQueryString() {
        StringBuilder q = new StringBuilder();
        parameters.forEach((name, values) -> {
            for (String v : values) {
                q.append(q.isEmpty() ? "" : "&").append(RequestUrls.encode(name)).append('=').append(RequestUrls.encode(v));
            }
        });
        return q.toString();
    }

    /** The items resource: the results' self, next and prev links are GET links there. */
    @Override
    public String getRequestURI() {
        return itemsUri;
    }

    @Override
    public StringBuffer getRequestURL() {
        StringBuffer url = new StringBuffer(super.getRequestURL());
        url.setLength(url.length() - super.getRequestURI().length());
        return url.append(itemsUri);
    }
}
