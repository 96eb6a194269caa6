package org.corridorgis.features;

import static org.corridorgis.web.JsonObjects.object;

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
        doc.put("info", object(
                "title", "corridor-gis",
                "version", "1.0.0",
                "description", "OGC API – Features (Parts 1, 2 and 3) over the corridor-gis data: candidate boundary maps, "
                        + "disputed areas, routes, checkpoints, control regimes and scenarios, each feature with its sources.",
                "license", object("name", "Code MIT; data ODbL 1.0 where derived from OpenStreetMap")));
        doc.put("servers", List.of(object("url", RequestUrls.root(request))));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", get("Landing page", "landing", List.of(ref("f")), jsonOrHtml("The landing page")));
        paths.put("/conformance", get("Conformance classes", "conformance", List.of(ref("f")), jsonOrHtml("The conformance classes")));
        paths.put("/api", get("This API definition", "api", List.of(ref("f")), jsonOrHtml("The OpenAPI document")));
        paths.put("/functions", get("CQL2 functions", "functions", List.of(ref("f")), jsonOrHtml("The functions a filter may call")));
        paths.put("/collections", get("The collections", "collections", List.of(ref("f")), jsonOrHtml("The collections")));
        paths.put("/export.gpkg", get("The whole dataset as one GeoPackage: a layer per collection and a metadata table", "export",
                List.of(query("datetime", "The state on this date (or interval)", object("type", "string")),
                        query("scenario", "Only this scenario's regimes in the route and checkpoint layers", object("type", "string"))),
                object("200", object("description", "A GeoPackage", "content", object("application/geopackage+sqlite3", binary())))));
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
                        false, object("201", object("description", "Created: Location names the feature, ETag its version"))));
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
            Map<String, Object> item = new LinkedHashMap<>(get(c.title() + ": one feature", "item-" + c.id(), itemParams, object(
                    "200", object("description", "The feature", "content", object("application/geo+json", object("schema",
                            object("$ref", "#/components/schemas/feature")), "text/html", object("schema", object("type", "string")))),
                    "404", problem("No such feature"))));
            if (editable) {
                Map<String, Object> changed = object("204", object("description", "Done: ETag names the new version"));
                item.put("put", write(c, "replace-" + c.id(), c.title() + ": replace a feature (Part 4); If-Match required", true, changed));
                item.put("patch", write(c, "update-" + c.id(), c.title() + ": change some properties or the geometry "
                        + "(Part 4, JSON merge patch); If-Match required", true, changed));
                item.put("delete", write(c, "delete-" + c.id(), c.title() + ": delete a feature (its versions stay in the history); "
                        + "If-Match required", true, object("204", object("description", "Deleted"))));
            }
            paths.put(base + "/items/{featureId}", item);
            paths.put(base + "/items/{featureId}/history", get(c.title() + ": every recorded version of one feature, oldest first",
                    "history-" + c.id(), List.of(ref("featureId"), ref("f"), ref("crs")),
                    features()));
        }
        paths.putAll(otherResources());
        paths.putAll(review());
        doc.put("paths", paths);
        doc.put("components", object("parameters", parameters(), "schemas", schemas(), "responses", object(),
                "securitySchemes", object(BEARER, object("type", "http", "scheme", "bearer", "description",
                        "An API token of the service (./corridor token create) or a JWT of its OpenID Connect provider"))));
        return doc;
    }

    /** The analyses and the vector tiles: not OGC API – Features, described here so that the definition is complete. */
    private Map<String, Object> otherResources() {
        Map<String, Object> p = new LinkedHashMap<>();
        Map<String, Object> jsonHtmlCsv = object("200", object("description", "The analysis", "content", object(
                "application/json", object("schema", object("type", "object")), "text/html", object("schema", object("type", "string")),
                "text/csv", object("schema", object("type", "string")))));
        List<Object> tuning = List.of(query("speed.rail", "km/h on rail segments (default 60)", object("type", "number", "exclusiveMinimum", true, "minimum", 0)),
                query("speed.road", "km/h on road segments (default 70)", object("type", "number", "exclusiveMinimum", true, "minimum", 0)),
                query("dwell.passport", "minutes per passport check (default 30)", object("type", "number", "minimum", 0)),
                query("dwell.customs", "minutes per customs check (default 60)", object("type", "number", "minimum", 0)),
                query("dwell.border", "minutes per border check (default 20)", object("type", "number", "minimum", 0)));
        p.put("/scenarios", get("The scenario a request means when it names none (default_scenario)", "scenarios", List.of(),
                object("200", object("description", "The default scenario's id and where the scenarios are",
                        "content", object("application/json", object("schema", object("type", "object")))))));
        p.put("/analysis", get("The analyses, with examples", "analyses", List.of(ref("f")), jsonOrHtml("The analyses")));
        List<Object> compare = new ArrayList<>(List.of(
                object("name", "routes", "in", "query", "required", true, "description", "route ids, comma-separated (at most 6)",
                        "schema", object("type", "string")),
                query("scenario", "scenario id (default " + scenarios.defaultId() + ")", object("type", "string")),
                query("exposure.km", "distance for exposure to disputed areas and the line of contact (default 5)",
                        object("type", "number", "minimum", 0, "maximum", 100)),
                query("f", "json, html or csv", object("type", "string", "enum", List.of("json", "html", "csv")))));
        compare.addAll(tuning);
        p.put("/analysis/routes/compare", get("Compare routes under a scenario: lengths per country, crossings, checks, "
                + "control regimes, transit time, exposure", "compare-routes", compare, jsonHtmlCsv));
        List<Object> perScenario = new ArrayList<>(List.of(
                object("name", "routeId", "in", "path", "required", true, "schema", object("type", "string")),
                query("f", "json, html or csv", object("type", "string", "enum", List.of("json", "html", "csv")))));
        perScenario.addAll(tuning);
        p.put("/analysis/routes/{routeId}/scenarios", get("One route under every scenario, side by side", "route-scenarios",
                perScenario, jsonHtmlCsv));
        p.put("/analysis/boundaries/compare", get("Areas two candidate maps assign differently (GeoJSON), with totals per "
                + "direction, Hausdorff distance and length per section", "compare-maps", List.of(
                object("name", "a", "in", "query", "required", true, "schema", object("type", "string")),
                object("name", "b", "in", "query", "required", true, "schema", object("type", "string")),
                query("section", "only this section", object("type", "string")), ref("f")), jsonOrHtml("The comparison")));
        p.put("/analysis/territory", get("Disputed areas by kind, controller, claimant and episode; computed and cited figures",
                "territory", List.of(query("datetime", "the state at this date (YYYY-MM-DD)", object("type", "string", "format", "date")),
                        query("recorded", "as recorded in the database at this time", object("type", "string", "format", "date-time")),
                        ref("f")), jsonOrHtml("The accounting")));
        Map<String, Object> tile = object("200", object("description", "A Mapbox vector tile (empty when nothing is there)",
                "content", object("application/vnd.mapbox-vector-tile", object("schema", object("type", "string", "format", "binary")))));
        List<Object> zyx = List.of(
                object("name", "z", "in", "path", "required", true, "schema", object("type", "integer", "minimum", 0, "maximum", 24)),
                object("name", "y", "in", "path", "required", true, "schema", object("type", "integer", "minimum", 0)),
                object("name", "x", "in", "path", "required", true, "schema", object("type", "integer", "minimum", 0)),
                query("scenario", "scenario whose control regimes the route and checkpoint features carry", object("type", "string")),
                query("v", "the data version the client knows (a Data-Version header): a tile of that version is cached for good "
                        + "(without datetime: to the end of the day), one of another version is revalidated on every use",
                        object("type", "integer", "minimum", 0)));
        List<Object> all = new ArrayList<>(zyx);
        all.add(query("collections", "only these layers, comma-separated", object("type", "string")));
        p.put("/tiles/WebMercatorQuad/{z}/{y}/{x}", get("Vector tile of all spatial collections", "tile", all, tile));
        List<Object> one = new ArrayList<>(List.of(object("name", "collectionId", "in", "path", "required", true, "schema", object("type", "string"))));
        one.addAll(zyx);
        p.put("/collections/{collectionId}/tiles/WebMercatorQuad/{z}/{y}/{x}", get("Vector tile of one collection", "collection-tile", one, tile));
        p.put("/tiles/WebMercatorQuad/tilejson.json", get("TileJSON 3.0.0 of the tileset", "tilejson", List.of(),
                object("200", object("description", "TileJSON", "content", object("application/json", object("schema", object("type", "object")))))));
        return p;
    }

    /** Review of editors' proposals, and who the caller is: not OGC API – Features, described so that the definition is complete. */
    private static Map<String, Object> review() {
        Map<String, Object> p = new LinkedHashMap<>();
        Map<String, Object> json = object("application/json", object("schema", object("type", "object")));
        Map<String, Object> list = new LinkedHashMap<>(get("Proposals: changes editors proposed to the official data, oldest first",
                "proposals", List.of(query("status", "open (default), accepted, rejected or all", object("type", "string",
                                "enum", List.of("open", "accepted", "rejected", "all"), "default", "open")),
                        query("collection", "only the proposals for this collection", object("type", "string"))),
                object("200", object("description", "{\"proposals\": [...]}: each with its id, collection, featureId, operation, author, "
                        + "reason, status, proposedAt, the decision (decidedBy, decidedAt, decision) and the feature or merge patch sent",
                        "content", json), "404", problem("No such collection"))));
        p.put("/proposals", list);
        Map<String, Object> proposalId = object("name", "proposalId", "in", "path", "required", true,
                "schema", object("type", "integer", "format", "int64"));
        p.put("/proposals/{proposalId}", get("One proposal, decided or not", "proposal", List.of(proposalId),
                object("200", object("description", "The proposal", "content", json), "404", problem("No such proposal"))));
        p.put("/proposals/{proposalId}/accept", object("post", decision("accept", proposalId,
                "A reviewer accepts a proposal: the change is applied as its author's write (the history names the author and reason)",
                "Accepted and applied: Location names the feature, ETag its new version")));
        p.put("/proposals/{proposalId}/reject", object("post", decision("reject", proposalId,
                "A reviewer rejects a proposal: nothing changes but the proposal's status", "Rejected")));
        Map<String, Object> me = new LinkedHashMap<>(get("Who the bearer token belongs to: {authenticated, name, roles, via}; without a token "
                        + "{\"authenticated\": false, \"roles\": []}. The viewer uses it to recognise its user's own scenarios", "me", List.of(),
                object("200", object("description", "The caller", "content", json), "401", problem("The bearer token sent is not valid"))));
        @SuppressWarnings("unchecked")
        Map<String, Object> meGet = new LinkedHashMap<>((Map<String, Object>) me.get("get"));
        meGet.put("security", List.of(object(), object(BEARER, List.of())));
        p.put("/auth/me", object("get", meGet));
        return p;
    }

    private static Map<String, Object> decision(String verb, Map<String, Object> proposalId, String summary, String done) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", summary);
        op.put("operationId", verb + "-proposal");
        op.put("parameters", List.of(proposalId));
        op.put("requestBody", object("required", false, "content", object("application/json", object("schema", object("type", "object",
                "properties", object("note", object("type", "string", "description", "why, kept with the decision")))))));
        op.put("security", List.of(object(BEARER, List.of())));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", object("description", done + "; the body is the proposal", "content",
                object("application/json", object("schema", object("type", "object")))));
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
            p.add(object("name", prop.name(), "in", "query", "required", false, "style", "form", "explode", false,
                    "description", "Features whose " + prop.name() + " equals this value"
                            + (prop.type() == QueryableType.STRING_ARRAY ? " (one of its elements)" : ""),
                    "schema", object("type", prop.type() == QueryableType.STRING_ARRAY ? "string" : prop.jsonSchemaType())));
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
        return object("get", op);
    }

    private static Map<String, Object> jsonOrHtml(String description) {
        return object("200", object("description", description, "content", object(
                "application/json", object("schema", object("type", "object")),
                "text/html", object("schema", object("type", "string")))));
    }

    private static Map<String, Object> features() {
        return object("200", object("description", "A page of features; follow the next link for more",
                "headers", object("Content-Crs", object("schema", object("type", "string"), "description", "The CRS of the geometries")),
                "content", object(
                        "application/geo+json", object("schema", object("$ref", "#/components/schemas/featureCollection")),
                        "text/html", object("schema", object("type", "string")),
                        "application/geopackage+sqlite3", binary(), "application/flatgeobuf", binary(),
                        "text/csv", object("schema", object("type", "string")),
                        "application/vnd.google-earth.kml+xml", object("schema", object("type", "string")))));
    }

    private static Map<String, Object> binary() {
        return object("schema", object("type", "string", "format", "binary"));
    }

    private static Map<String, Object> problem(String description) {
        return object("description", description, "content", object("application/problem+json",
                object("schema", object("$ref", "#/components/schemas/problem"))));
    }

    private static Map<String, Object> ref(String name) {
        return object("$ref", "#/components/parameters/" + name);
    }

    private static Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("f", query("f", "The representation: json (GeoJSON for features) or html", object("type", "string", "enum", List.of("json", "html"))));
        p.put("f-items", query("f", "The representation: json (GeoJSON), html, or a file: gpkg (GeoPackage), fgb (FlatGeobuf), "
                + "csv (geometry as WKT), kml. A file holds every matching feature unless limit says fewer",
                object("type", "string", "enum", List.of("json", "html", "gpkg", "fgb", "csv", "kml"))));
        // limit and datetime as Part 1 defines them (/req/core/fc-limit-definition, /req/core/fc-time-definition).
        p.put("limit", form("limit", "Features per page", object("type", "integer", "minimum", 1, "maximum", 10000, "default", 10)));
        p.put("offset", query("offset", "Features to skip (the next links use a cursor instead)", object("type", "integer", "minimum", 0)));
        p.put("cursor", query("cursor", "A position made by the service for next/prev links (keyset paging)", object("type", "string")));
        p.put("bbox", object("name", "bbox", "in", "query", "required", false, "style", "form", "explode", false,
                "description", "Features that intersect this box: minx,miny,maxx,maxy (or 6 numbers), in bbox-crs",
                "schema", object("type", "array", "minItems", 4, "maxItems", 6, "items", object("type", "number"))));
        p.put("bbox-crs", query("bbox-crs", "The CRS of bbox", object("type", "string", "format", "uri", "enum", SupportedCrs.uris())));
        p.put("crs", query("crs", "The CRS of the returned geometries", object("type", "string", "format", "uri", "enum", SupportedCrs.uris())));
        p.put("datetime", form("datetime", "Features describing a time that overlaps this instant or interval (RFC 3339, '..' for open ends); "
                + "routes and checkpoints carry the control regimes in force on that day (the interval's last day; default today)",
                object("type", "string")));
        p.put("properties", object("name", "properties", "in", "query", "required", false, "style", "form", "explode", false,
                "description", "The properties to return", "schema", object("type", "array", "items", object("type", "string"))));
        p.put("sortby", object("name", "sortby", "in", "query", "required", false, "style", "form", "explode", false,
                "description", "Sort keys: property names, - for descending", "schema", object("type", "array", "items", object("type", "string"))));
        p.put("filter", query("filter", "A CQL2 filter (see /functions and the queryables)", object("type", "string")));
        p.put("filter-lang", query("filter-lang", "The language of filter", object("type", "string", "enum", List.of("cql2-text", "cql2-json"),
                "default", "cql2-text")));
        p.put("filter-crs", query("filter-crs", "The CRS of the filter's geometries", object("type", "string", "format", "uri", "enum", SupportedCrs.uris())));
        p.put("scenario", query("scenario", "Only this scenario's control regimes in the route and checkpoint properties (ids: /collections/scenarios/items)",
                object("type", "string")));
        p.put("featureId", object("name", "featureId", "in", "path", "required", true, "schema", object("type", "string")));
        p.put("include", query("include", "proposals: the open proposals too, each as the feature it would make (an update as the current "
                + "feature with its merge patch applied, a deletion as the current feature), marked by properties.proposal (id, operation, "
                + "author, reason, proposed_at, href); on a page after its features, on a feature in its member 'proposals'. GeoJSON only",
                object("type", "string", "enum", List.of("proposals"))));
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
            parameters.add(object("name", "If-Match", "in", "header", "required", true,
                    "description", "The ETag of the feature version this change is based on", "schema", object("type", "string")));
        }
        parameters.add(object("name", "Change-Reason", "in", "header", "required", false,
                "description", "Why: kept in the feature's history (UTF-8 may be percent-encoded)", "schema", object("type", "string")));
        if (!operationId.startsWith("delete-")) {
            parameters.add(object("name", "Content-Crs", "in", "header", "required", false,
                    "description", "The CRS of the coordinates sent (default CRS84)", "schema", object("type", "string")));
            Map<String, Object> body = object("schema", object("$ref", "#/components/schemas/feature"));
            op.put("requestBody", object("required", true, "content", operationId.startsWith("update-")
                    ? object("application/geo+json", body, "application/merge-patch+json", body) : object("application/geo+json", body)));
        }
        op.put("parameters", parameters);
        op.put("security", List.of(object(BEARER, List.of())));
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
        Map<String, Object> body = object("schema", object("type", "object", "description", "A CQL2 JSON filter expression"));
        op.put("requestBody", object("required", true, "content", object("application/cql2+json", body, "application/json", body)));
        Map<String, Object> responses = new LinkedHashMap<>(features());
        responses.put("400", problem("Invalid request or filter: the problem body says what was wrong"));
        responses.put("404", problem("No such collection"));
        responses.put("415", problem("The body is not JSON"));
        responses.put("503", problem("A query ran past the statement timeout"));
        op.put("responses", responses);
        return object("post", op);
    }

    private static Map<String, Object> jsonSchema(String description) {
        return object("200", object("description", description,
                "content", object("application/schema+json", object("schema", object("type", "object")),
                        "text/html", object("schema", object("type", "string")))));
    }

    private static Map<String, Object> query(String name, String description, Map<String, Object> schema) {
        return object("name", name, "in", "query", "required", false, "description", description, "schema", schema);
    }

    private static Map<String, Object> schemas() {
        Map<String, Object> link = object("type", "object", "required", List.of("href", "rel"), "properties", object(
                "href", object("type", "string"), "rel", object("type", "string"), "type", object("type", "string"),
                "title", object("type", "string")));
        Map<String, Object> feature = object("type", "object", "required", List.of("type", "geometry", "properties"),
                "properties", object("type", object("type", "string", "enum", List.of("Feature")),
                        "id", object("type", "string"), "geometry", object("type", "object", "nullable", true),
                        "properties", object("type", "object", "nullable", true)));
        Map<String, Object> collection = object("type", "object", "required", List.of("type", "features"), "properties", object(
                "type", object("type", "string", "enum", List.of("FeatureCollection")),
                "features", object("type", "array", "items", object("$ref", "#/components/schemas/feature")),
                "numberMatched", object("type", "integer", "minimum", 0, "description", NUMBER_MATCHED_RULE),
                "numberReturned", object("type", "integer", "minimum", 0),
                "timeStamp", object("type", "string", "format", "date-time"),
                "links", object("type", "array", "items", object("$ref", "#/components/schemas/link"))));
        Map<String, Object> problem = object("type", "object", "description", "RFC 7807 problem details", "properties", object(
                "type", object("type", "string"), "title", object("type", "string"), "status", object("type", "integer"),
                "detail", object("type", "string"), "instance", object("type", "string")));
        return object("link", link, "feature", feature, "featureCollection", collection, "problem", problem);
    }
}
