package org.corridorgis.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.corridorgis.catalog.Collection;
import org.corridorgis.catalog.Property;
import org.corridorgis.crs.SupportedCrs;
import org.corridorgis.filter.QueryableType;
import org.corridorgis.web.RequestUrls;
import org.corridorgis.scenario.Scenarios;
import org.springframework.stereotype.Component;

/**
 * The OpenAPI 3.0 definition of the service (OGC API – Features {@code /req/oas30}), written from the
 * catalogue: each collection's items path is listed with its own queryables as parameters, so a client can
 * see exactly what it may ask.
 */
@Component
class OpenApiDocument {

    /** When a page states numberMatched (the README says the same). */
    static final String NUMBER_MATCHED_RULE = "Exact whenever present. Without conditions it is the collection's size; "
            + "with conditions (filter, bbox, datetime, property=value) it is given when at most corridor.features.count-budget "
            + "features (10 000 by default) match, and left out when more do: follow the next links to the end to see them all. "
            + "Never an estimate.";

    private final Scenarios scenarios;

    OpenApiDocument(Scenarios scenarios) {
        this.scenarios = scenarios;
    }

    Map<String, Object> build(List<Collection> collections, HttpServletRequest request) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of(
                "title", "corridor-gis",
                "version", "1.0.0",
                "description", "OGC API – Features (Parts 1, 2 and 3) over the corridor-gis data: candidate boundary maps, "
                        + "disputed areas, routes, checkpoints, control regimes and scenarios, each feature with its sources.",
                "license", Map.of("name", "Code MIT; data ODbL 1.0 where derived from OpenStreetMap")));
        doc.put("servers", List.of(Map.of("url", RequestUrls.root(request))));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", get("Landing page", "landing", List.of(ref("f")), jsonOrHtml("The landing page")));
        paths.put("/conformance", get("Conformance classes", "conformance", List.of(ref("f")), jsonOrHtml("The conformance classes")));
        paths.put("/api", get("This API definition", "api", List.of(ref("f")), jsonOrHtml("The OpenAPI document")));
        paths.put("/functions", get("CQL2 functions", "functions", List.of(ref("f")), jsonOrHtml("The functions a filter may call")));
        paths.put("/collections", get("The collections", "collections", List.of(ref("f")), jsonOrHtml("The collections")));
        paths.put("/export.gpkg", get("The whole dataset as one GeoPackage: a layer per collection and a metadata table", "export",
                List.of(query("datetime", "The state on this date (or interval)", Map.of("type", "string")),
                        query("scenario", "Only this scenario's regimes in the route and checkpoint layers", Map.of("type", "string"))),
                Map.of("200", Map.of("description", "A GeoPackage", "content", Map.of("application/geopackage+sqlite3", binary())))));
        for (Collection c : collections) {
            String base = "/collections/" + c.id();
            paths.put(base, get(c.title() + ": description", "describe-" + c.id(), List.of(ref("f")),
                    jsonOrHtml("The collection's description")));
            paths.put(base + "/queryables", get(c.title() + ": queryables", "queryables-" + c.id(), List.of(ref("f")),
                    jsonSchema("JSON Schema of the properties a filter may name")));
            paths.put(base + "/schema", get(c.title() + ": schema of the features (JSON Schema 2020-12)", "schema-" + c.id(),
                    List.of(ref("f")), jsonSchema("The properties of the features, their types and roles")));
            paths.put(base + "/feature-schema", get(c.title() + ": schema of the GeoJSON features (JSON Schema 2020-12)",
                    "feature-schema-" + c.id(), List.of(ref("f")), jsonSchema("A GeoJSON Feature with its properties member")));
            paths.put(base + "/sortables", get(c.title() + ": sortables", "sortables-" + c.id(), List.of(ref("f")),
                    jsonSchema("The properties sortby may name")));
            boolean editable = !c.id().equals("route-segments") && c.property("recorded_at").isPresent();
            List<Object> itemsParams = new ArrayList<>(itemsParameters(c));
            if (editable) {
                itemsParams.add(ref("include"));
            }
            Map<String, Object> items = new LinkedHashMap<>(get(c.title() + ": features", "items-" + c.id(), itemsParams, features()));
            if (editable) {
                items.put("post", write(c, "create-" + c.id(), c.title() + ": add a feature (Part 4). The body's id is kept, or one is made",
                        false, Map.of("201", Map.of("description", "Created: Location names the feature, ETag its version"))));
            }
            paths.put(base + "/items", items);
            paths.put(base + "/search", search(c));
            List<Object> itemParams = new ArrayList<>(List.of(ref("featureId"), ref("f"), ref("crs")));
            if (c.regimesOnFeaturePages()) {
                itemParams.add(ref("scenario"));
            }
            if (c.temporal()) {
                itemParams.add(ref("datetime"));
            }
            if (editable) {
                itemParams.add(ref("include"));
            }
            Map<String, Object> item = new LinkedHashMap<>(get(c.title() + ": one feature", "item-" + c.id(), itemParams, Map.of(
                    "200", Map.of("description", "The feature", "content", Map.of("application/geo+json", Map.of("schema",
                            Map.of("$ref", "#/components/schemas/feature")), "text/html", Map.of("schema", Map.of("type", "string")))),
                    "404", problem("No such feature"))));
            if (editable) {
                Map<String, Object> changed = Map.of("204", Map.of("description", "Done: ETag names the new version"));
                item.put("put", write(c, "replace-" + c.id(), c.title() + ": replace a feature (Part 4); If-Match required", true, changed));
                item.put("patch", write(c, "update-" + c.id(), c.title() + ": change some properties or the geometry "
                        + "(Part 4, JSON merge patch); If-Match required", true, changed));
                item.put("delete", write(c, "delete-" + c.id(), c.title() + ": delete a feature (its versions stay in the history); "
                        + "If-Match required", true, Map.of("204", Map.of("description", "Deleted"))));
            }
            paths.put(base + "/items/{featureId}", item);
            paths.put(base + "/items/{featureId}/history", get(c.title() + ": every recorded version of one feature, oldest first",
                    "history-" + c.id(), List.of(ref("featureId"), ref("f"), ref("crs")),
                    features()));
        }
        paths.putAll(otherResources());
        paths.putAll(review());
        doc.put("paths", paths);
        doc.put("components", Map.of("parameters", parameters(), "schemas", schemas(), "responses", Map.of(),
                "securitySchemes", Map.of(BEARER, Map.of("type", "http", "scheme", "bearer", "description",
                        "An API token of the service (./corridor token create) or a JWT of its OpenID Connect provider"))));
        return doc;
    }

    /** The analyses and the vector tiles: not OGC API – Features, described here so that the definition is complete. */
    private Map<String, Object> otherResources() {
        Map<String, Object> p = new LinkedHashMap<>();
        Map<String, Object> jsonHtmlCsv = Map.of("200", Map.of("description", "The analysis", "content", Map.of(
                "application/json", Map.of("schema", Map.of("type", "object")), "text/html", Map.of("schema", Map.of("type", "string")),
                "text/csv", Map.of("schema", Map.of("type", "string")))));
        List<Object> tuning = List.of(query("speed.rail", "km/h on rail segments (default 60)", Map.of("type", "number", "exclusiveMinimum", true, "minimum", 0)),
                query("speed.road", "km/h on road segments (default 70)", Map.of("type", "number", "exclusiveMinimum", true, "minimum", 0)),
                query("dwell.passport", "minutes per passport check (default 30)", Map.of("type", "number", "minimum", 0)),
                query("dwell.customs", "minutes per customs check (default 60)", Map.of("type", "number", "minimum", 0)),
                query("dwell.border", "minutes per border check (default 20)", Map.of("type", "number", "minimum", 0)));
        p.put("/scenarios", get("The scenario a request means when it names none (default_scenario)", "scenarios", List.of(),
                Map.of("200", Map.of("description", "The default scenario's id and where the scenarios are",
                        "content", Map.of("application/json", Map.of("schema", Map.of("type", "object")))))));
        p.put("/analysis", get("The analyses, with examples", "analyses", List.of(ref("f")), jsonOrHtml("The analyses")));
        List<Object> compare = new ArrayList<>(List.of(
                Map.of("name", "routes", "in", "query", "required", true, "description", "route ids, comma-separated (at most 6)",
                        "schema", Map.of("type", "string")),
                query("scenario", "scenario id (default " + scenarios.defaultId() + ")", Map.of("type", "string")),
                query("exposure.km", "distance for exposure to disputed areas and the line of contact (default 5)",
                        Map.of("type", "number", "minimum", 0, "maximum", 100)),
                query("f", "json, html or csv", Map.of("type", "string", "enum", List.of("json", "html", "csv")))));
        compare.addAll(tuning);
        p.put("/analysis/routes/compare", get("Compare routes under a scenario: lengths per country, crossings, checks, "
                + "control regimes, transit time, exposure", "compare-routes", compare, jsonHtmlCsv));
        List<Object> perScenario = new ArrayList<>(List.of(
                Map.of("name", "routeId", "in", "path", "required", true, "schema", Map.of("type", "string")),
                query("f", "json, html or csv", Map.of("type", "string", "enum", List.of("json", "html", "csv")))));
        perScenario.addAll(tuning);
        p.put("/analysis/routes/{routeId}/scenarios", get("One route under every scenario, side by side", "route-scenarios",
                perScenario, jsonHtmlCsv));
        p.put("/analysis/boundaries/compare", get("Areas two candidate maps assign differently (GeoJSON), with totals per "
                + "direction, Hausdorff distance and length per section", "compare-maps", List.of(
                Map.of("name", "a", "in", "query", "required", true, "schema", Map.of("type", "string")),
                Map.of("name", "b", "in", "query", "required", true, "schema", Map.of("type", "string")),
                query("section", "only this section", Map.of("type", "string")), ref("f")), jsonOrHtml("The comparison")));
        p.put("/analysis/territory", get("Disputed areas by kind, controller, claimant and episode; computed and cited figures",
                "territory", List.of(query("datetime", "the state at this date (YYYY-MM-DD)", Map.of("type", "string", "format", "date")),
                        query("recorded", "as recorded in the database at this time", Map.of("type", "string", "format", "date-time")),
                        ref("f")), jsonOrHtml("The accounting")));
        Map<String, Object> tile = Map.of("200", Map.of("description", "A Mapbox vector tile (empty when nothing is there)",
                "content", Map.of("application/vnd.mapbox-vector-tile", Map.of("schema", Map.of("type", "string", "format", "binary")))));
        List<Object> zyx = List.of(
                Map.of("name", "z", "in", "path", "required", true, "schema", Map.of("type", "integer", "minimum", 0, "maximum", 24)),
                Map.of("name", "y", "in", "path", "required", true, "schema", Map.of("type", "integer", "minimum", 0)),
                Map.of("name", "x", "in", "path", "required", true, "schema", Map.of("type", "integer", "minimum", 0)),
                query("scenario", "scenario whose control regimes the route and checkpoint features carry", Map.of("type", "string")),
                query("v", "the data version the client knows (a Data-Version header): a tile of that version is cached for good "
                        + "(without datetime: to the end of the day), one of another version is revalidated on every use",
                        Map.of("type", "integer", "minimum", 0)));
        List<Object> all = new ArrayList<>(zyx);
        all.add(query("collections", "only these layers, comma-separated", Map.of("type", "string")));
        p.put("/tiles/WebMercatorQuad/{z}/{y}/{x}", get("Vector tile of all spatial collections", "tile", all, tile));
        List<Object> one = new ArrayList<>(List.of(Map.of("name", "collectionId", "in", "path", "required", true, "schema", Map.of("type", "string"))));
        one.addAll(zyx);
        p.put("/collections/{collectionId}/tiles/WebMercatorQuad/{z}/{y}/{x}", get("Vector tile of one collection", "collection-tile", one, tile));
        p.put("/tiles/WebMercatorQuad/tilejson.json", get("TileJSON 3.0.0 of the tileset", "tilejson", List.of(),
                Map.of("200", Map.of("description", "TileJSON", "content", Map.of("application/json", Map.of("schema", Map.of("type", "object")))))));
        return p;
    }

    /** Review of editors' proposals, and who the caller is: not OGC API – Features, described so that the definition is complete. */
    private static Map<String, Object> review() {
        Map<String, Object> p = new LinkedHashMap<>();
        Map<String, Object> json = Map.of("application/json", Map.of("schema", Map.of("type", "object")));
        Map<String, Object> list = new LinkedHashMap<>(get("Proposals: changes editors proposed to the official data, oldest first",
                "proposals", List.of(query("status", "open (default), accepted, rejected or all", Map.of("type", "string",
                                "enum", List.of("open", "accepted", "rejected", "all"), "default", "open")),
                        query("collection", "only the proposals for this collection", Map.of("type", "string"))),
                Map.of("200", Map.of("description", "{\"proposals\": [...]}: each with its id, collection, featureId, operation, author, "
                        + "reason, status, proposedAt, the decision (decidedBy, decidedAt, decision) and the feature or merge patch sent",
                        "content", json), "404", problem("No such collection"))));
        p.put("/proposals", list);
        Map<String, Object> proposalId = Map.of("name", "proposalId", "in", "path", "required", true,
                "schema", Map.of("type", "integer", "format", "int64"));
        p.put("/proposals/{proposalId}", get("One proposal, decided or not", "proposal", List.of(proposalId),
                Map.of("200", Map.of("description", "The proposal", "content", json), "404", problem("No such proposal"))));
        p.put("/proposals/{proposalId}/accept", Map.of("post", decision("accept", proposalId,
                "A reviewer accepts a proposal: the change is applied as its author's write (the history names the author and reason)",
                "Accepted and applied: Location names the feature, ETag its new version")));
        p.put("/proposals/{proposalId}/reject", Map.of("post", decision("reject", proposalId,
                "A reviewer rejects a proposal: nothing changes but the proposal's status", "Rejected")));
        Map<String, Object> me = new LinkedHashMap<>(get("Who the bearer token belongs to: {authenticated, name, roles, via}; without a token "
                        + "{\"authenticated\": false, \"roles\": []}. The viewer uses it to recognise its user's own scenarios", "me", List.of(),
                Map.of("200", Map.of("description", "The caller", "content", json), "401", problem("The bearer token sent is not valid"))));
        @SuppressWarnings("unchecked")
        Map<String, Object> meGet = new LinkedHashMap<>((Map<String, Object>) me.get("get"));
        meGet.put("security", List.of(Map.of(), Map.of(BEARER, List.of())));
        p.put("/auth/me", Map.of("get", meGet));
        return p;
    }

    private static Map<String, Object> decision(String verb, Map<String, Object> proposalId, String summary, String done) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", summary);
        op.put("operationId", verb + "-proposal");
        op.put("parameters", List.of(proposalId));
        op.put("requestBody", Map.of("required", false, "content", Map.of("application/json", Map.of("schema", Map.of("type", "object",
                "properties", Map.of("note", Map.of("type", "string", "description", "why, kept with the decision")))))));
        op.put("security", List.of(Map.of(BEARER, List.of())));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", done + "; the body is the proposal", "content",
                Map.of("application/json", Map.of("schema", Map.of("type", "object")))));
        responses.put("400", problem("The body is not JSON, or its note is not text"));
        responses.put("401", problem("No valid bearer token"));
        responses.put("403", problem("Only a reviewer (or an admin) decides"));
        responses.put("404", problem("No such proposal"));
        responses.put("409", problem(verb.equals("accept") ? "The proposal was decided already, or the feature changed since it was proposed"
                : "The proposal was decided already"));
        if (verb.equals("accept")) {
            responses.put("422", problem("The change breaks a rule of the collection"));
        }
        responses.put("429", problem("Too many invalid tokens from this client"));
        responses.put("503", problem("The database is unavailable"));
        op.put("responses", responses);
        return op;
    }

    private static List<Object> itemsParameters(Collection c) {
        // bbox and crs on every collection: features without geometry lie outside every box and have none in any CRS.
        List<Object> p = new ArrayList<>(List.of(ref("f-items"), ref("limit"), ref("offset"), ref("cursor"), ref("datetime"),
                ref("properties"), ref("sortby"), ref("filter"), ref("filter-lang"), ref("filter-crs"), ref("bbox"),
                ref("bbox-crs"), ref("crs")));
        if (c.regimesOnFeaturePages()) {
            p.add(ref("scenario"));
        }
        for (Property prop : c.properties()) {
            if (prop.type() == QueryableType.GEOMETRY || prop.type() == QueryableType.JSON) {
                continue;
            }
            p.add(Map.of("name", prop.name(), "in", "query", "required", false, "style", "form", "explode", false,
                    "description", "Features whose " + prop.name() + " equals this value"
                            + (prop.type() == QueryableType.STRING_ARRAY ? " (one of its elements)" : ""),
                    "schema", Map.of("type", prop.type() == QueryableType.STRING_ARRAY ? "string" : prop.jsonSchemaType())));
        }
        return p;
    }

    private static Map<String, Object> get(String summary, String operationId, List<Object> parameters, Map<String, Object> responses) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", summary);
        op.put("operationId", operationId);
        op.put("parameters", parameters);
        Map<String, Object> all = new LinkedHashMap<>(responses);
        all.putIfAbsent("400", problem("Invalid request: the problem body says what was wrong"));
        all.putIfAbsent("404", problem("Not found"));
        all.put("503", problem("A query ran past the statement timeout"));
        op.put("responses", all);
        return Map.of("get", op);
    }

    private static Map<String, Object> jsonOrHtml(String description) {
        return Map.of("200", Map.of("description", description, "content", Map.of(
                "application/json", Map.of("schema", Map.of("type", "object")),
                "text/html", Map.of("schema", Map.of("type", "string")))));
    }

    private static Map<String, Object> features() {
        return Map.of("200", Map.of("description", "A page of features; follow the next link for more",
                "headers", Map.of("Content-Crs", Map.of("schema", Map.of("type", "string"), "description", "The CRS of the geometries")),
                "content", Map.of(
                        "application/geo+json", Map.of("schema", Map.of("$ref", "#/components/schemas/featureCollection")),
                        "text/html", Map.of("schema", Map.of("type", "string")),
                        "application/geopackage+sqlite3", binary(), "application/flatgeobuf", binary(),
                        "text/csv", Map.of("schema", Map.of("type", "string")),
                        "application/vnd.google-earth.kml+xml", Map.of("schema", Map.of("type", "string")))));
    }

    private static Map<String, Object> binary() {
        return Map.of("schema", Map.of("type", "string", "format", "binary"));
    }

    private static Map<String, Object> problem(String description) {
        return Map.of("description", description, "content", Map.of("application/problem+json",
                Map.of("schema", Map.of("$ref", "#/components/schemas/problem"))));
    }

    private static Map<String, Object> ref(String name) {
        return Map.of("$ref", "#/components/parameters/" + name);
    }

    private static Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("f", query("f", "The representation: json (GeoJSON for features) or html", Map.of("type", "string", "enum", List.of("json", "html"))));
        p.put("f-items", query("f", "The representation: json (GeoJSON), html, or a file: gpkg (GeoPackage), fgb (FlatGeobuf), "
                + "csv (geometry as WKT), kml. A file holds every matching feature unless limit says fewer",
                Map.of("type", "string", "enum", List.of("json", "html", "gpkg", "fgb", "csv", "kml"))));
        // limit and datetime as Part 1 defines them (/req/core/fc-limit-definition, /req/core/fc-time-definition).
        p.put("limit", form("limit", "Features per page", Map.of("type", "integer", "minimum", 1, "maximum", 10000, "default", 10)));
        p.put("offset", query("offset", "Features to skip (the next links use a cursor instead)", Map.of("type", "integer", "minimum", 0)));
        p.put("cursor", query("cursor", "A position made by the service for next/prev links (keyset paging)", Map.of("type", "string")));
        p.put("bbox", Map.of("name", "bbox", "in", "query", "required", false, "style", "form", "explode", false,
                "description", "Features that intersect this box: minx,miny,maxx,maxy (or 6 numbers), in bbox-crs",
                "schema", Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number"))));
        p.put("bbox-crs", query("bbox-crs", "The CRS of bbox", Map.of("type", "string", "format", "uri", "enum", SupportedCrs.uris())));
        p.put("crs", query("crs", "The CRS of the returned geometries", Map.of("type", "string", "format", "uri", "enum", SupportedCrs.uris())));
        p.put("datetime", form("datetime", "Features describing a time that overlaps this instant or interval (RFC 3339, '..' for open ends); "
                + "routes and checkpoints carry the control regimes in force on that day (the interval's last day; default today)",
                Map.of("type", "string")));
        p.put("properties", Map.of("name", "properties", "in", "query", "required", false, "style", "form", "explode", false,
                "description", "The properties to return", "schema", Map.of("type", "array", "items", Map.of("type", "string"))));
        p.put("sortby", Map.of("name", "sortby", "in", "query", "required", false, "style", "form", "explode", false,
                "description", "Sort keys: property names, - for descending", "schema", Map.of("type", "array", "items", Map.of("type", "string"))));
        p.put("filter", query("filter", "A CQL2 filter (see /functions and the queryables)", Map.of("type", "string")));
        p.put("filter-lang", query("filter-lang", "The language of filter", Map.of("type", "string", "enum", List.of("cql2-text", "cql2-json"),
                "default", "cql2-text")));
        p.put("filter-crs", query("filter-crs", "The CRS of the filter's geometries", Map.of("type", "string", "format", "uri", "enum", SupportedCrs.uris())));
        p.put("scenario", query("scenario", "Only this scenario's control regimes in the route and checkpoint properties (ids: /collections/scenarios/items)",
                Map.of("type", "string")));
        p.put("featureId", Map.of("name", "featureId", "in", "path", "required", true, "schema", Map.of("type", "string")));
        p.put("include", query("include", "proposals: the open proposals too, each as the feature it would make (an update as the current "
                + "feature with its merge patch applied, a deletion as the current feature), marked by properties.proposal (id, operation, "
                + "author, reason, proposed_at, href); on a page after its features, on a feature in its member 'proposals'. GeoJSON only",
                Map.of("type", "string", "enum", List.of("proposals"))));
        return p;
    }

    private static Map<String, Object> form(String name, String description, Map<String, Object> schema) {
        Map<String, Object> p = new LinkedHashMap<>(query(name, description, schema));
        p.put("style", "form");
        p.put("explode", false);
        return p;
    }

    static final String BEARER = "bearerAuth";

    /** A Part 4 write: a bearer token, a GeoJSON feature in the body (none for a delete), If-Match on an existing feature. */
    private static Map<String, Object> write(Collection c, String operationId, String summary, boolean existing,
                                             Map<String, Object> success) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", summary);
        op.put("operationId", operationId);
        List<Object> parameters = new ArrayList<>();
        if (existing) {
            parameters.add(ref("featureId"));
            parameters.add(Map.of("name", "If-Match", "in", "header", "required", true,
                    "description", "The ETag of the feature version this change is based on", "schema", Map.of("type", "string")));
        }
        parameters.add(Map.of("name", "Change-Reason", "in", "header", "required", false,
                "description", "Why: kept in the feature's history (UTF-8 may be percent-encoded)", "schema", Map.of("type", "string")));
        if (!operationId.startsWith("delete-")) {
            parameters.add(Map.of("name", "Content-Crs", "in", "header", "required", false,
                    "description", "The CRS of the coordinates sent (default CRS84)", "schema", Map.of("type", "string")));
            Map<String, Object> body = Map.of("schema", Map.of("$ref", "#/components/schemas/feature"));
            op.put("requestBody", Map.of("required", true, "content", operationId.startsWith("update-")
                    ? Map.of("application/geo+json", body, "application/merge-patch+json", body) : Map.of("application/geo+json", body)));
        }
        op.put("parameters", parameters);
        op.put("security", List.of(Map.of(BEARER, List.of())));
        Map<String, Object> responses = new LinkedHashMap<>(success);
        responses.put("400", problem("Invalid request: the problem body says what was wrong"));
        responses.put("401", problem("No valid bearer token"));
        responses.put("403", problem("The token's role may not make this change"));
        responses.put("404", problem(existing ? "No such feature" : "No such collection"));
        if (existing) {
            responses.put("412", problem("The feature changed since the version named in If-Match"));
            responses.put("428", problem("If-Match is missing"));
        } else {
            responses.put("409", problem("A feature with this id exists"));
        }
        responses.put("422", problem("The feature breaks a rule of the collection (geometry, sources, accuracy, dates)"));
        op.put("responses", responses);
        return op;
    }

    /** POST .../search: the items request with its CQL2 JSON filter in the body (see SearchRequest). */
    private static Map<String, Object> search(Collection c) {
        List<Object> parameters = new ArrayList<>();
        for (Object p : itemsParameters(c)) {
            if (!p.equals(ref("filter")) && !p.equals(ref("filter-lang"))) {
                parameters.add(p);
            }
        }
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", c.title() + ": features that match the CQL2 JSON filter in the body (the filter of GET .../items, "
                + "without the length of a URL to fit in)");
        op.put("operationId", "search-" + c.id());
        op.put("parameters", parameters);
        Map<String, Object> body = Map.of("schema", Map.of("type", "object", "description", "A CQL2 JSON filter expression"));
        op.put("requestBody", Map.of("required", true, "content", Map.of("application/cql2+json", body, "application/json", body)));
        Map<String, Object> responses = new LinkedHashMap<>(features());
        responses.put("400", problem("Invalid request or filter: the problem body says what was wrong"));
        responses.put("404", problem("No such collection"));
        responses.put("415", problem("The body is not JSON"));
        responses.put("503", problem("A query ran past the statement timeout"));
        op.put("responses", responses);
        return Map.of("post", op);
    }

    private static Map<String, Object> jsonSchema(String description) {
        return Map.of("200", Map.of("description", description,
                "content", Map.of("application/schema+json", Map.of("schema", Map.of("type", "object")),
                        "text/html", Map.of("schema", Map.of("type", "string")))));
    }

    private static Map<String, Object> query(String name, String description, Map<String, Object> schema) {
        return Map.of("name", name, "in", "query", "required", false, "description", description, "schema", schema);
    }

    private static Map<String, Object> schemas() {
        Map<String, Object> link = Map.of("type", "object", "required", List.of("href", "rel"), "properties", Map.of(
                "href", Map.of("type", "string"), "rel", Map.of("type", "string"), "type", Map.of("type", "string"),
                "title", Map.of("type", "string")));
        Map<String, Object> feature = Map.of("type", "object", "required", List.of("type", "geometry", "properties"),
                "properties", Map.of("type", Map.of("type", "string", "enum", List.of("Feature")),
                        "id", Map.of("type", "string"), "geometry", Map.of("type", "object", "nullable", true),
                        "properties", Map.of("type", "object", "nullable", true)));
        Map<String, Object> collection = Map.of("type", "object", "required", List.of("type", "features"), "properties", Map.of(
                "type", Map.of("type", "string", "enum", List.of("FeatureCollection")),
                "features", Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/feature")),
                "numberMatched", Map.of("type", "integer", "minimum", 0, "description", NUMBER_MATCHED_RULE),
                "numberReturned", Map.of("type", "integer", "minimum", 0),
                "timeStamp", Map.of("type", "string", "format", "date-time"),
                "links", Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/link"))));
        Map<String, Object> problem = Map.of("type", "object", "description", "RFC 7807 problem details", "properties", Map.of(
                "type", Map.of("type", "string"), "title", Map.of("type", "string"), "status", Map.of("type", "integer"),
                "detail", Map.of("type", "string"), "instance", Map.of("type", "string")));
        return Map.of("link", link, "feature", feature, "featureCollection", collection, "problem", problem);
    }
}
