package org.corridorgis.features;

import static org.corridorgis.web.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.corridorgis.catalog.Collection;
import org.corridorgis.filter.FunctionDescription;
import org.corridorgis.web.Html;
import org.corridorgis.web.HtmlMap;
import org.corridorgis.web.Link;
import org.corridorgis.web.RequestUrls;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTML views of the OGC API resources: for people reading the data in a browser. */
@Component
class FeaturesHtml {

    private final JsonMapper json;

    FeaturesHtml(JsonMapper json) {
        this.json = json;
    }

    String landing(Map<String, Object> body, HttpServletRequest request) {
        StringBuilder b = new StringBuilder("<p>").append(escape(body.get("description"))).append("</p><ul>");
        b.append("<li><a href=\"/collections?f=html\">Collections</a>: the data, each with its sources and accuracy</li>");
        b.append("<li><a href=\"/viewer\">Map viewer</a>: the map on any day since 1991, under each scenario</li>");
        b.append("<li><a href=\"/analysis\">Analyses</a>: <a href=\"/analysis/routes/compare?routes=baku-nakhchivan-via-meghri,"
                + "baku-nakhchivan-via-aras-corridor-iran&f=html\">the routes compared</a>, "
                + "<a href=\"/analysis/routes/baku-nakhchivan-via-meghri/scenarios?f=html\">one route under every scenario</a>, "
                + "<a href=\"/analysis/territory?f=html\">territory held since 2020</a></li>");
        b.append("<li><a href=\"/api?f=html\">API documentation</a> (<a href=\"/api\">OpenAPI 3.0</a>)</li>");
        b.append("<li><a href=\"/conformance?f=html\">Conformance classes</a></li>");
        b.append("<li><a href=\"/functions?f=html\">CQL2 functions</a></li>");
        b.append("<li><a href=\"/actuator/health\">Health</a></li></ul>");
        return Html.page("corridor-gis", List.<String[]>of(new String[] {"Home", null}), b.toString(), "/?f=json");
    }

    /** A browsable view of the OpenAPI document: every path, what it does, and its parameters. */
    @SuppressWarnings("unchecked")
    String api(Map<String, Object> doc) {
        Map<String, Object> components = (Map<String, Object>) doc.get("components");
        Map<String, Object> shared = (Map<String, Object>) components.get("parameters");
        StringBuilder b = new StringBuilder("<p>The machine-readable definition is <a href=\"/api?f=json\">OpenAPI 3.0 JSON</a>; "
                + "<a href=\"/swagger-ui/index.html\">Swagger UI</a> reads it to try requests out.</p>");
        ((Map<String, Object>) doc.get("paths")).forEach((path, item) -> ((Map<String, Object>) item).forEach((method, o) -> {
            Map<String, Object> op = (Map<String, Object>) o;
            b.append("<h3><code>").append(escape(method.toUpperCase())).append(" ").append(escape(path)).append("</code></h3><p>")
                    .append(escape(op.get("summary"))).append("</p>");
            b.append("<table><tr><th>parameter</th><th>in</th><th>description</th></tr>");
            for (Object p : (List<Object>) op.get("parameters")) {
                Map<String, Object> param = (Map<String, Object>) p;
                if (param.containsKey("$ref")) {
                    String name = String.valueOf(param.get("$ref")).replace("#/components/parameters/", "");
                    param = (Map<String, Object>) shared.get(name);
                }
                b.append("<tr><td><code>").append(escape(param.get("name"))).append("</code></td><td>").append(escape(param.get("in")))
                        .append("</td><td>").append(escape(param.get("description"))).append("</td></tr>");
            }
            b.append("</table>");
        }));
        return Html.page("API", crumbs("API"), b.toString(), "/api?f=json");
    }

    String conformance(List<String> classes, HttpServletRequest request) {
        StringBuilder b = new StringBuilder("<ul>");
        classes.forEach(c -> b.append("<li><code>").append(escape(c)).append("</code></li>"));
        b.append("</ul>");
        return Html.page("Conformance", crumbs("Conformance"), b.toString(), "/conformance?f=json");
    }

    String functions(List<FunctionDescription> functions, HttpServletRequest request) {
        StringBuilder b = new StringBuilder("<table><tr><th>function</th><th>description</th></tr>");
        for (FunctionDescription f : functions) {
            Map<?, ?> m = json.convertValue(f, Map.class);
            b.append("<tr><td><code>").append(escape(m.get("name"))).append("</code></td><td>")
                    .append(escape(m.get("description"))).append("</td></tr>");
        }
        b.append("</table>");
        return Html.page("CQL2 functions", crumbs("Functions"), b.toString(), "/functions?f=json");
    }

    String collections(List<Map<String, Object>> all, HttpServletRequest request) {
        StringBuilder b = new StringBuilder("<table><tr><th>collection</th><th>description</th><th>data</th></tr>");
        for (Map<String, Object> c : all) {
            String id = String.valueOf(c.get("id"));
            String path = "/collections/" + RequestUrls.encode(id);
            b.append("<tr><td><a href=\"").append(escape(path)).append("?f=html\">").append(escape(c.get("title")))
                    .append("</a><br><code>").append(escape(id)).append("</code></td><td>").append(escape(c.get("description")))
                    .append("</td><td><a href=\"").append(escape(path)).append("/items?f=html\">items</a> · <a href=\"")
                    .append(escape(path)).append("/items?f=json\">GeoJSON</a></td></tr>");
        }
        b.append("</table>");
        return Html.page("Collections", crumbs("Collections"), b.toString(), "/collections?f=json");
    }

    @SuppressWarnings("unchecked")
    String collection(Collection c, Map<String, Object> body, HttpServletRequest request) {
        String path = "/collections/" + RequestUrls.encode(c.id());
        StringBuilder b = new StringBuilder("<p>").append(escape(c.description())).append("</p>");
        b.append("<p><a href=\"").append(escape(path)).append("/items?f=html\">Browse the items</a> · <a href=\"")
                .append(escape(path)).append("/items?f=json&limit=1000\">GeoJSON</a> · <a href=\"").append(escape(path))
                .append("/queryables?f=html\">Queryables</a></p>");
        Map<String, Object> extent = (Map<String, Object>) body.get("extent");
        if (extent != null) {
            b.append("<h2>Extent</h2><pre>").append(escape(json.writeValueAsString(extent))).append("</pre>");
        }
        if (c.spatial()) {
            b.append("<h2>Coordinate reference systems</h2><ul>");
            ((List<String>) body.get("crs")).forEach(crs -> b.append("<li><code>").append(escape(crs)).append("</code></li>"));
            b.append("</ul>");
        }
        return Html.page(c.title(), crumbs("Collections", "/collections?f=html", c.title(), null), b.toString(), path + "?f=json");
    }

    /** A JSON Schema of the collection (schema, queryables, sortables) as a table of its properties. */
    @SuppressWarnings("unchecked")
    String jsonSchema(Collection c, Map<String, Object> schema, String resource, String heading, String intro) {
        String path = "/collections/" + RequestUrls.encode(c.id());
        StringBuilder b = new StringBuilder("<p>" + intro + "</p><table><tr><th>property</th><th>type</th><th>description</th></tr>");
        ((Map<String, Object>) schema.get("properties")).forEach((name, s) -> {
            Map<String, Object> m = (Map<String, Object>) s;
            Object type = m.containsKey("type") ? m.get("type") : m.get("format");
            b.append("<tr><td><code>").append(escape(name)).append("</code></td><td>").append(escape(type))
                    .append(m.containsKey("format") && m.containsKey("type") ? " (" + escape(m.get("format")) + ")" : "")
                    .append(m.containsKey("enum") ? ": " + escape(String.join(", ", (List<String>) m.get("enum"))) : "")
                    .append("</td><td>").append(m.containsKey("description") ? escape(m.get("description")) : "")
                    .append("</td></tr>");
        });
        b.append("</table>");
        return Html.page(heading + " of " + c.title(),
                crumbs("Collections", "/collections?f=html", c.title(), path + "?f=html", heading, null), b.toString(),
                path + "/" + resource + "?f=json");
    }

    String items(Collection c, ItemsQuery query, ItemsService.Page page, HttpServletRequest request) {
        String path = "/collections/" + RequestUrls.encode(c.id());
        List<JsonNode> features = page.features().stream().map(json::readTree).toList();
        List<JsonNode> geometries = new ArrayList<>();
        features.forEach(f -> geometries.add(f.get("geometry")));
        StringBuilder b = new StringBuilder("<p>").append(escape(c.description())).append("</p>");
        b.append("<p>").append(features.size()).append(page.numberMatched() == null
                ? " features (more match than are counted; follow the next link for more)."
                : " of " + page.numberMatched() + " features.").append("</p>");
        if (c.spatial() && query.crs().geographic() && !query.crs().latitudeFirst()) {
            b.append(HtmlMap.svg(geometries, 720));
        }
        b.append(paging(page.links()));
        b.append("<table><tr><th>id</th>");
        List<String> columns = new ArrayList<>();
        query.properties().forEach(p -> columns.add(p.name()));
        columns.forEach(col -> b.append("<th>").append(escape(col)).append("</th>"));
        b.append("</tr>");
        for (JsonNode f : features) {
            String id = f.path("id").asString();
            b.append("<tr><td><a href=\"").append(escape(path + "/items/" + RequestUrls.encode(id))).append("?f=html\">")
                    .append(escape(id)).append("</a></td>");
            for (String col : columns) {
                b.append("<td>").append(cell(f.path("properties").get(col))).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</table>").append(paging(page.links()));
        return Html.page(c.title() + ": items", crumbs("Collections", "/collections?f=html", c.title(), path + "?f=html", "Items", null),
                b.toString(), RequestUrls.self(request, Map.of("f", "json")));
    }

    String item(Collection c, String featureJson, HttpServletRequest request) {
        return item(c, featureJson, List.of(), request);
    }

    /** A feature's page; {@code surroundings}: country outlines drawn under it on its map (CRS84 only). */
    String item(Collection c, String featureJson, List<JsonNode> surroundings, HttpServletRequest request) {
        String path = "/collections/" + RequestUrls.encode(c.id());
        JsonNode f = json.readTree(featureJson);
        String id = f.path("id").asString();
        StringBuilder b = new StringBuilder();
        String name = f.path("properties").path("name").asString(f.path("properties").path("title").asString(""));
        b.append("<p class=\"muted\">").append(escape(c.title())).append(" · <code>").append(escape(id)).append("</code> · ")
                .append("<a href=\"/viewer/#sel=").append(escape(RequestUrls.encode(c.id() + "/" + id))).append("\">Open in the map viewer</a></p>");
        if (f.hasNonNull("geometry")) {
            b.append(HtmlMap.svg(List.of(f.get("geometry")), surroundings, surroundings.isEmpty() ? 0 : 2 * FeatureSurroundings.MARGIN_DEGREES, 640));
        }
        b.append("<table>");
        f.path("properties").properties().forEach(e -> b.append("<tr><th>").append(escape(e.getKey())).append("</th><td>")
                .append(cell(e.getValue())).append("</td></tr>"));
        b.append("</table>");
        b.append("<p><a href=\"").append(escape(path + "/items/" + RequestUrls.encode(id))).append("/history?f=html\">Every recorded version</a></p>");
        JsonNode sources = f.path("properties").path("sources");
        if (sources.isArray() && !sources.isEmpty()) {
            b.append("<h2>Sources</h2><ul>");
            sources.forEach(s -> b.append("<li><a href=\"/collections/sources/items/").append(escape(RequestUrls.encode(s.asString())))
                    .append("?f=html\">").append(escape(s.asString())).append("</a></li>"));
            b.append("</ul>");
        }
        String heading = name.isBlank() ? id : name;
        return Html.page(heading, crumbs("Collections", "/collections?f=html", c.title(), path + "?f=html", "Items",
                path + "/items?f=html", heading, null), b.toString(), path + "/items/" + RequestUrls.encode(id) + "?f=json");
    }

    /** Every version of a feature, oldest first: what changed, and when it was recorded. */
    String history(Collection c, String featureId, List<String> versions) {
        String path = "/collections/" + RequestUrls.encode(c.id());
        List<JsonNode> features = versions.stream().map(json::readTree).toList();
        List<String> keys = new ArrayList<>();
        features.forEach(f -> f.path("properties").properties().forEach(e -> {
            if (!keys.contains(e.getKey())) {
                keys.add(e.getKey());
            }
        }));
        StringBuilder b = new StringBuilder("<p>").append(features.size()).append(" recorded version(s), oldest first. ")
                .append("A version's <code>recorded_to</code> is when it was replaced; the current one has none.</p><table><tr><th>property</th>");
        for (int i = 0; i < features.size(); i++) {
            b.append("<th>version ").append(i + 1).append("</th>");
        }
        b.append("</tr>");
        for (String key : keys) {
            b.append("<tr><th>").append(escape(key)).append("</th>");
            String previous = null;
            for (JsonNode f : features) {
                String cell = cell(f.path("properties").get(key));
                boolean changed = previous != null && !previous.equals(cell);
                b.append(changed ? "<td style=\"background:#fff3c4\">" : "<td>").append(cell).append("</td>");
                previous = cell;
            }
            b.append("</tr>");
        }
        b.append("</table>");
        return Html.page("History of " + featureId, crumbs("Collections", "/collections?f=html", c.title(), path + "?f=html", featureId,
                path + "/items/" + RequestUrls.encode(featureId) + "?f=html", "History", null), b.toString(),
                path + "/items/" + RequestUrls.encode(featureId) + "/history?f=json");
    }

    private static String paging(List<Link> links) {
        StringBuilder b = new StringBuilder("<p class=\"paging\">");
        for (Link l : links) {
            if (l.rel().equals("prev") || l.rel().equals("next")) {
                String html = l.href().replace("f=json", "f=html");
                b.append("<a href=\"").append(escape(html)).append("\">").append(l.rel().equals("prev") ? "« previous" : "next »")
                        .append("</a>");
            }
        }
        return b.append("</p>").toString();
    }

    private String cell(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isString()) {
            return escape(value.asString());
        }
        if (value.isArray() && value.size() <= 20 && allScalar(value)) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(escape(v.isString() ? v.asString() : v.toString())));
            return String.join(", ", parts);
        }
        if (value.isContainer()) {
            String readable = nested(value, 0);
            return value.size() > 8 ? "<details><summary>" + value.size() + " entries</summary>" + readable + "</details>" : readable;
        }
        return escape(value.toString());
    }

    /** Nested objects and lists as nested tables and lists, for readers rather than programs. */
    private String nested(JsonNode value, int depth) {
        if (!value.isContainer()) {
            return value.isString() ? escape(value.asString()) : escape(value.toString());
        }
        if (depth > 4) {
            return escape(value.toString());
        }
        StringBuilder b = new StringBuilder();
        if (value.isArray()) {
            if (allScalar(value)) {
                List<String> parts = new ArrayList<>();
                value.forEach(v -> parts.add(v.isString() ? escape(v.asString()) : escape(v.toString())));
                return String.join(", ", parts);
            }
            b.append("<ol>");
            value.forEach(v -> b.append("<li>").append(nested(v, depth + 1)).append("</li>"));
            return b.append("</ol>").toString();
        }
        b.append("<table class=\"nested\">");
        value.properties().forEach(e -> b.append("<tr><th>").append(escape(e.getKey().replace('_', ' '))).append("</th><td>")
                .append(e.getValue().isNull() ? "" : nested(e.getValue(), depth + 1)).append("</td></tr>"));
        return b.append("</table>").toString();
    }

    private static boolean allScalar(JsonNode array) {
        for (JsonNode v : array) {
            if (v.isContainer()) {
                return false;
            }
        }
        return true;
    }

    private static List<String[]> crumbs(String... labelsAndHrefs) {
        List<String[]> list = new ArrayList<>();
        list.add(new String[] {"Home", "/?f=html"});
        if (labelsAndHrefs.length == 1) {
            list.add(new String[] {labelsAndHrefs[0], null});
            return list;
        }
        for (int i = 0; i < labelsAndHrefs.length; i += 2) {
            list.add(new String[] {labelsAndHrefs[i], labelsAndHrefs[i + 1]});
        }
        return list;
    }
}
