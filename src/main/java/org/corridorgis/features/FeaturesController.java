package org.corridorgis.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.corridorgis.catalog.Catalog;
import org.corridorgis.catalog.Collection;
import org.corridorgis.web.DataVersion;
import org.corridorgis.web.Link;
import org.corridorgis.web.OutputFormat;
import org.corridorgis.web.ProblemException;
import org.corridorgis.web.QueryParameters;
import org.corridorgis.web.RequestUrls;
import org.corridorgis.web.WithoutParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC API – Features resources: landing page, conformance, collections, one collection, its queryables,
 * its items and one item. JSON for programs, HTML for people, chosen by {@code f} or Accept.
 */
@RestController
class FeaturesController {

    private static final Set<String> ONLY_F = Set.of("f");

    private final Catalog catalog;
    private final CollectionDescriptions descriptions;
    private final ItemsRequestParser parser;
    private final ItemsService items;
    private final FeaturesHtml html;
    private final DataVersion versions;
    private final OpenApiDocument openApi;
    private final FeatureHistory history;
    private final CollectionSchemas schemas;
    private final FilterCompiler.FilterLimitsProperties filterLimits;
    private final ItemsDownloads downloads;
    private final FeatureStates states;

    private final FeatureSurroundings surroundings;

    FeaturesController(Catalog catalog, CollectionDescriptions descriptions, ItemsRequestParser parser, ItemsService items,
                       FeaturesHtml html, DataVersion versions, OpenApiDocument openApi, FeatureHistory history,
                       CollectionSchemas schemas, FilterCompiler.FilterLimitsProperties filterLimits, ItemsDownloads downloads,
                       FeatureSurroundings surroundings, FeatureStates states) {
        this.surroundings = surroundings;
        this.states = states;
        this.schemas = schemas;
        this.filterLimits = filterLimits;
        this.downloads = downloads;
        this.history = history;
        this.openApi = openApi;
        this.catalog = catalog;
        this.descriptions = descriptions;
        this.parser = parser;
        this.items = items;
        this.html = html;
        this.versions = versions;
    }

    @GetMapping("/")
    ResponseEntity<?> landing(HttpServletRequest request) {
        allowOnly(request, ONLY_F);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "corridor-gis");
        body.put("description", "Candidate delimitation maps, disputed territory, transit routes, checkpoints and control "
                + "regimes between Azerbaijan, Nakhchivan, Armenia, Iran and Turkey, each feature with its sources, "
                + "accuracy and the date it describes.");
        List<Link> links = new ArrayList<>();
        links.add(Link.of(RequestUrls.href(request, "/", Map.of("f", "json")), "self", "application/json", "this document"));
        links.add(Link.of(RequestUrls.href(request, "/", Map.of("f", "html")), "alternate", "text/html", "this document as HTML"));
        links.add(Link.of(RequestUrls.href(request, "/api", Map.of()), "service-desc", "application/vnd.oai.openapi+json;version=3.0",
                "the API definition"));
        links.add(Link.of(RequestUrls.href(request, "/api", Map.of("f", "html")), "service-doc", "text/html", "the API documentation"));
        links.add(Link.of(RequestUrls.href(request, "/conformance", Map.of()), "conformance", "application/json",
                "the conformance classes implemented"));
        links.add(Link.of(RequestUrls.href(request, "/collections", Map.of()), "data", "application/json", "the collections"));
        links.add(Link.of(RequestUrls.href(request, "/functions", Map.of()), "http://www.opengis.net/def/rel/ogc/1.0/functions",
                "application/json", "the functions a CQL2 filter may call"));
        links.add(Link.of(RequestUrls.href(request, "/viewer", Map.of()), "related", "text/html", "the map viewer"));
        body.put("links", links);
        return respond(request, body, () -> html.landing(body, request));
    }

    @GetMapping("/api")
    ResponseEntity<?> api(HttpServletRequest request) {
        allowOnly(request, ONLY_F);
        Map<String, Object> doc = openApi.build(catalog.collections(), request);
        if (OutputFormat.of(request) == OutputFormat.HTML) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html.api(doc));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/vnd.oai.openapi+json;version=3.0")).body(doc);
    }

    @GetMapping("/conformance")
    ResponseEntity<?> conformance(HttpServletRequest request) {
        allowOnly(request, ONLY_F);
        Map<String, Object> body = Map.of("conformsTo", Conformance.classes());
        return respond(request, body, () -> html.conformance(Conformance.classes(), request));
    }

    @GetMapping("/functions")
    ResponseEntity<?> functions(HttpServletRequest request) {
        allowOnly(request, ONLY_F);
        Map<String, Object> body = Map.of("functions", org.corridorgis.filter.Cql2.functions());
        return respond(request, body, () -> html.functions(org.corridorgis.filter.Cql2.functions(), request));
    }

    @GetMapping("/collections")
    ResponseEntity<?> collections(HttpServletRequest request) {
        allowOnly(request, ONLY_F);
        List<Map<String, Object>> all = new ArrayList<>();
        for (Collection c : catalog.collections()) {
            all.add(descriptions.describe(c, request));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", List.of(
                Link.of(RequestUrls.href(request, "/collections", Map.of("f", "json")), "self", "application/json", "the collections"),
                Link.of(RequestUrls.href(request, "/collections", Map.of("f", "html")), "alternate", "text/html", "the collections as HTML")));
        body.put("collections", all);
        return respond(request, body, () -> html.collections(all, request));
    }

    @GetMapping("/collections/{collectionId}")
    ResponseEntity<?> collection(@PathVariable String collectionId, HttpServletRequest request) {
        Collection c = catalog.require(collectionId);
        allowOnly(request, ONLY_F);
        Map<String, Object> body = descriptions.describe(c, request);
        return respond(request, body, () -> html.collection(c, body, request));
    }

    @GetMapping("/collections/{collectionId}/queryables")
    ResponseEntity<?> queryables(@PathVariable String collectionId, HttpServletRequest request) {
        Collection c = catalog.require(collectionId);
        allowOnly(request, ONLY_F);
        return jsonSchema(request, c, schemas.queryables(c, request), "queryables", "Queryables",
                "The properties a <code>filter</code> or <code>property=value</code> may name.");
    }

    @GetMapping("/collections/{collectionId}/schema")
    ResponseEntity<?> schema(@PathVariable String collectionId, HttpServletRequest request) {
        Collection c = catalog.require(collectionId);
        allowOnly(request, ONLY_F);
        return jsonSchema(request, c, schemas.schema(c, request), "schema", "Schema",
                "The properties of the features, as they are returned.");
    }

    @GetMapping("/collections/{collectionId}/feature-schema")
    ResponseEntity<?> featureSchema(@PathVariable String collectionId, HttpServletRequest request) {
        Collection c = catalog.require(collectionId);
        allowOnly(request, ONLY_F);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/schema+json"))
                .body(schemas.geoJsonFeatureSchema(c, request));
    }

    @GetMapping("/collections/{collectionId}/sortables")
    ResponseEntity<?> sortables(@PathVariable String collectionId, HttpServletRequest request) {
        Collection c = catalog.require(collectionId);
        allowOnly(request, ONLY_F);
        return jsonSchema(request, c, schemas.sortables(c, request), "sortables", "Sortables",
                "The properties <code>sortby</code> may name (prefix <code>-</code> for descending order).");
    }

    private ResponseEntity<?> jsonSchema(HttpServletRequest request, Collection c, Map<String, Object> body, String resource,
                                         String heading, String intro) {
        if (OutputFormat.of(request) == OutputFormat.HTML) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html.jsonSchema(c, body, resource, heading, intro));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/schema+json")).body(body);
    }

    @GetMapping("/collections/{collectionId}/items")
    void items(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response) throws Exception {
        Collection c = catalog.require(collectionId);
        ItemsQuery query = parser.parse(c, request);
        response.setHeader("Vary", "Accept, Accept-Encoding");
        if (revalidated(query, request, response)) {
            return;
        }
        writeItems(c, query, request, response);
    }

    /** A long CQL2 JSON filter in the body instead of the URL; see {@link SearchRequest}. */
    @PostMapping("/collections/{collectionId}/search")
    void search(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response) throws Exception {
        Collection c = catalog.require(collectionId);
        SearchRequest search = SearchRequest.of(request, c, filterLimits.maxLength());
        ItemsQuery query = parser.parse(c, search);
        response.setHeader("Vary", "Accept, Accept-Encoding");
        writeItems(c, query, search, response);
    }

    private void writeItems(Collection c, ItemsQuery query, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        if (query.format() == OutputFormat.HTML) {
            ItemsService.Page page = items.collect(query, request, true);
            versions.tag(page.version(), request, response, query.format().name());
            write(request, response, "text/html;charset=UTF-8", html.items(c, query, page, request));
            return;
        }
        if (query.format().download()) {
            downloads.write(query, request, response);
            return;
        }
        items.streamGeoJson(query, request, response, "HEAD".equals(request.getMethod()));
    }

    @GetMapping("/collections/{collectionId}/items/{featureId}")
    void item(@PathVariable String collectionId, @PathVariable String featureId, HttpServletRequest request,
              HttpServletResponse response) throws Exception {
        Collection c = catalog.require(collectionId);
        allowOnly(request, Set.of("f", "crs", "scenario", "datetime"));
        ItemsQuery query = parser.parse(c, request);
        onlyJsonOrHtml(query);
        ItemsQuery one = new ItemsQuery(c, 1, 0, null, query.datetime(), query.properties(), List.of(),
                Map.of(ItemsQuery.ID, featureId), null, null, query.crs(), query.scenario(), query.format());
        response.setHeader("Vary", "Accept, Accept-Encoding");
        FeatureStates.Tag tag = states.current(c, featureId);
        if (tag.state() == null) {
            if (revalidated(query, request, response)) {
                return;
            }
        } else if (request.getHeader(org.springframework.http.HttpHeaders.IF_NONE_MATCH) != null
                && versions.notModifiedFeature(tag.version(), tag.state(), request, response, query.format().name())) {
            return;
        }
        ItemsService.Page page = items.collect(one, request, false);
        if (page.features().isEmpty()) {
            throw ProblemException.notFound("collection '" + c.id() + "' has no feature '" + featureId + "'");
        }
        if (tag.state() == null) {
            versions.tag(page.version(), request, response, query.format().name());
        } else {
            versions.tagFeature(page.version(), tag.state(), request, response, query.format().name());
        }
        if (query.format() == OutputFormat.HTML) {
            List<tools.jackson.databind.JsonNode> around = query.crs() == org.corridorgis.crs.SupportedCrs.CRS84 ? surroundings.around(c, featureId) : List.of();
            write(request, response, "text/html;charset=UTF-8", html.item(c, page.features().get(0), around, request));
            return;
        }
        String feature = page.features().get(0);
        String links = items.featureLinks(c, featureId, request);
        response.setHeader("Content-Crs", "<" + query.crs().uri() + ">");
        write(request, response, ItemsService.GEOJSON + ";charset=UTF-8",
                feature.substring(0, feature.length() - 1) + ", \"links\": " + links + "}");
    }

    /**
     * A conditional request is answered from the data version alone (304, nothing read); any other reads the
     * version in the same statement as its page, and takes its ETag from there.
     */
    private boolean revalidated(ItemsQuery query, HttpServletRequest request, HttpServletResponse response) {
        return request.getHeader(org.springframework.http.HttpHeaders.IF_NONE_MATCH) != null
                && versions.notModified(versions.current(), request, response, query.format().name());
    }

    @GetMapping("/collections/{collectionId}/items/{featureId}/history")
    void history(@PathVariable String collectionId, @PathVariable String featureId, HttpServletRequest request,
                 HttpServletResponse response) throws Exception {
        Collection c = catalog.require(collectionId);
        allowOnly(request, Set.of("f", "crs", "datetime"));
        java.time.OffsetDateTime asOf = asOf(request.getParameter("datetime"));
        if (!catalog.keepsHistory(c)) {
            throw ProblemException.notFound("collection '" + c.id() + "' keeps no history of its features");
        }
        ItemsQuery query = parser.parse(c, WithoutParameter.of(request, "datetime"));
        onlyJsonOrHtml(query);
        DataVersion.Snapshot version = versions.current();
        response.setHeader("Vary", "Accept, Accept-Encoding");
        if (versions.notModified(version, request, response, query.format().name())) {
            return;
        }
        List<String> features = history.versions(query, featureId, asOf);
        if (features.isEmpty() && asOf == null) {
            throw ProblemException.notFound("collection '" + c.id() + "' has no feature '" + featureId + "', now or in its history");
        }
        if (query.format() == OutputFormat.HTML) {
            write(request, response, "text/html;charset=UTF-8", html.history(c, featureId, features));
            return;
        }
        String itemPath = "/collections/" + RequestUrls.encode(c.id()) + "/items/" + RequestUrls.encode(featureId);
        String links = items.json().writeValueAsString(List.of(
                Link.of(RequestUrls.self(request, Map.of("f", "json")), "self", ItemsService.GEOJSON, "every version of this feature"),
                Link.of(RequestUrls.href(request, itemPath + "/history", Map.of("f", "html")), "alternate", "text/html", "as HTML"),
                Link.of(RequestUrls.href(request, itemPath, Map.of()), "related", ItemsService.GEOJSON, "the current version")));
        response.setHeader("Content-Crs", "<" + query.crs().uri() + ">");
        write(request, response, ItemsService.GEOJSON + ";charset=UTF-8", "{\"type\":\"FeatureCollection\",\"features\":["
                + String.join(",", features) + "],\"numberMatched\":" + features.size() + ",\"numberReturned\":" + features.size()
                + ",\"timeStamp\":\"" + version.changedAt().toInstant() + "\",\"links\":" + links + "}");
    }

    /**
     * {@code datetime} of a history is the record's clock (as-of): the version the database held at that instant
     * (RFC 3339), or at the end of that day (a date, UTC).
     */
    private static java.time.OffsetDateTime asOf(String datetime) {
        if (datetime == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(datetime.trim());
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(datetime.trim()).plusDays(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC).minusNanos(1000);
            } catch (java.time.format.DateTimeParseException e2) {
                throw ProblemException.badParameter("datetime", "datetime of a history is an instant (RFC 3339, e.g. "
                        + "2026-01-31T12:00:00Z) or a date: the version recorded then (as-of), not the time the feature describes");
            }
        }
    }

    private ResponseEntity<?> respond(HttpServletRequest request, Map<String, Object> body, java.util.function.Supplier<String> htmlView) {
        if (OutputFormat.of(request) == OutputFormat.HTML) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(htmlView.get());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** A body for a response that carries an ETag: compressed here when asked, since Tomcat will not. */
    private static void write(HttpServletRequest request, HttpServletResponse response, String contentType, String body)
            throws java.io.IOException {
        org.corridorgis.web.ResponseCompression.write(request, response, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Files are made of a collection's items; a single feature or its history comes as GeoJSON or HTML. */
    private static void onlyJsonOrHtml(ItemsQuery query) {
        if (query.format().download()) {
            throw ProblemException.badParameter("f", "f=" + query.format().extension() + " is for a collection's items; "
                    + "a single feature and its history come as f=json or f=html");
        }
    }

    static void allowOnly(HttpServletRequest request, Set<String> allowed) {
        QueryParameters.allowOnly(request, allowed);
    }
}
