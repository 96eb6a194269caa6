package org.corridorgis.editing;

import static org.corridorgis.web.JsonObjects.object;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.corridorgis.catalog.Catalog;
import org.corridorgis.catalog.Collection;
import org.corridorgis.features.ItemsQuery;
import org.corridorgis.features.ItemsRequestParser;
import org.corridorgis.features.ItemsService;
import org.corridorgis.security.Author;
import org.corridorgis.security.Role;
import org.corridorgis.web.DataVersion;
import org.corridorgis.web.OutputFormat;
import org.corridorgis.web.ProblemException;
import org.corridorgis.web.QueryParameters;
import org.corridorgis.web.RequestUrls;
import org.corridorgis.web.WithoutParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Review: the proposals ({@code /proposals}, open ones by default), a reviewer's decision
 * ({@code POST /proposals/{id}/accept} or {@code /reject}, with an optional {@code {"note": "..."}}), and a
 * collection's features with its open proposals beside them ({@code .../items?include=proposals}, each proposal
 * marked by {@code properties.proposal}).
 */
@RestController
class ProposalsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> STATUSES = Set.of("open", "accepted", "rejected", "all");

    private final Proposals proposals;
    private final Catalog catalog;
    private final ItemsRequestParser parser;
    private final ItemsService items;

    ProposalsController(Proposals proposals, Catalog catalog, ItemsRequestParser parser, ItemsService items) {
        this.proposals = proposals;
        this.catalog = catalog;
        this.parser = parser;
        this.items = items;
    }

    @GetMapping("/proposals")
    ResponseEntity<?> list(HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of("status", "collection"));
        String status = request.getParameter("status") == null ? "open" : request.getParameter("status");
        if (!STATUSES.contains(status)) {
            throw ProblemException.badParameter("status", "status is one of " + STATUSES.stream().sorted().toList());
        }
        String collection = request.getParameter("collection");
        if (collection != null) {
            catalog.require(collection);
        }
        List<Map<String, Object>> all = new ArrayList<>();
        for (Proposals.Proposal p : proposals.list(status, collection)) {
            all.add(describe(p, request));
        }
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("proposals", all));
    }

    @GetMapping("/proposals/{proposalId}")
    ResponseEntity<?> one(@PathVariable("proposalId") long id, HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of());
        Proposals.Proposal p = proposals.find(id).orElseThrow(() -> ProblemException.notFound("there is no proposal " + id));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").contentType(MediaType.APPLICATION_JSON)
                .body(describe(p, request));
    }

    @PostMapping("/proposals/{proposalId}/accept")
    ResponseEntity<?> accept(@PathVariable("proposalId") long id, HttpServletRequest request) {
        Author reviewer = Author.require(Role.REVIEWER, "accepting a proposal");
        FeatureWrites.Written w = proposals.accept(id, reviewer, note(request));
        Proposals.Proposal p = proposals.find(id).orElseThrow();
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(DataVersion.HEADER, String.valueOf(w.dataVersion()));
        if (w.etag() != null) {
            answer.header(HttpHeaders.ETAG, w.etag()).header(HttpHeaders.LOCATION, RequestUrls.href(request,
                    "/collections/" + RequestUrls.encode(p.collection()) + "/items/" + RequestUrls.encode(p.featureId()), Map.of()));
        }
        return answer.contentType(MediaType.APPLICATION_JSON).body(describe(p, request));
    }

    @PostMapping("/proposals/{proposalId}/reject")
    ResponseEntity<?> reject(@PathVariable("proposalId") long id, HttpServletRequest request) {
        Author reviewer = Author.require(Role.REVIEWER, "rejecting a proposal");
        proposals.reject(id, reviewer, note(request));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").contentType(MediaType.APPLICATION_JSON)
                .body(describe(proposals.find(id).orElseThrow(), request));
    }

    /**
     * The features of a page and, after them, the collection's open proposals, each as the feature it would make
     * and marked as a proposal ({@code properties.proposal}).
     */
    @GetMapping(value = "/collections/{collectionId}/items", params = "include")
    void itemsWithProposals(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Collection c = catalog.require(collectionId);
        requireProposals(request);
        ItemsQuery query = parser.parse(c, WithoutParameter.of(request, "include"));
        if (query.format() != OutputFormat.JSON) {
            throw ProblemException.badParameter("include", "include=proposals comes as GeoJSON (f=json)");
        }
        ItemsService.Page page = items.collect(query, request, true);
        List<tools.jackson.databind.node.ObjectNode> proposed = proposals.openAsFeatures(query, null, request);
        List<String> features = new ArrayList<>(page.features());
        proposed.forEach(f -> features.add(f.toString()));
        StringBuilder body = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[").append(String.join(",", features))
                .append("],\"numberReturned\":").append(features.size()).append(",\"numberOfProposals\":").append(proposed.size());
        if (page.numberMatched() != null) {
            body.append(",\"numberMatched\":").append(page.numberMatched());
        }
        body.append(",\"links\":").append(JSON.writeValueAsString(page.links())).append('}');
        writeGeoJson(query, response, body);
    }

    /**
     * A feature with its open proposals in a {@code proposals} member, each as the feature it would make, marked
     * like those of a page. A feature only proposed (not created yet) is answered by its proposals alone.
     */
    @GetMapping(value = "/collections/{collectionId}/items/{featureId}", params = "include")
    void featureWithProposals(@PathVariable String collectionId, @PathVariable String featureId, HttpServletRequest request,
                              HttpServletResponse response) throws IOException {
        Collection c = catalog.require(collectionId);
        QueryParameters.allowOnly(request, Set.of("f", "crs", "scenario", "datetime", "include"));
        requireProposals(request);
        ItemsQuery query = parser.parse(c, WithoutParameter.of(request, "include"));
        if (query.format() != OutputFormat.JSON) {
            throw ProblemException.badParameter("include", "include=proposals comes as GeoJSON (f=json)");
        }
        List<tools.jackson.databind.node.ObjectNode> proposed = proposals.openAsFeatures(query, featureId, request);
        List<String> current = items.collect(query.onlyFeatures(List.of(featureId)), request, false).features();
        if (current.isEmpty() && proposed.isEmpty()) {
            throw ProblemException.notFound("collection '" + c.id() + "' has no feature '" + featureId + "' and no open proposal for one");
        }
        tools.jackson.databind.node.ObjectNode feature = current.isEmpty()
                ? JSON.createObjectNode().put("type", "Feature").put("id", featureId).putNull("geometry")
                : (tools.jackson.databind.node.ObjectNode) JSON.readTree(current.get(0));
        if (current.isEmpty()) {
            feature.putNull("properties");
        }
        feature.putArray("proposals").addAll(proposed);
        writeGeoJson(query, response, new StringBuilder(feature.toString()));
    }

    private static void requireProposals(HttpServletRequest request) {
        if (!"proposals".equals(request.getParameter("include"))) {
            throw ProblemException.badParameter("include", "include takes one value: proposals");
        }
    }

    private static void writeGeoJson(ItemsQuery query, HttpServletResponse response, StringBuilder body) throws IOException {
        response.setStatus(200);
        response.setContentType("application/geo+json;charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Content-Crs", "<" + query.crs().uri() + ">");
        response.getOutputStream().write(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String note(HttpServletRequest request) {
        try {
            byte[] bytes = request.getInputStream().readNBytes(64 * 1024);
            if (bytes.length == 0) {
                return null;
            }
            JsonNode body = JSON.readTree(bytes);
            JsonNode note = body.path("note");
            if (!note.isMissingNode() && !note.isNull() && !note.isString()) {
                throw ProblemException.badRequest("\"note\" is text");
            }
            return note.isString() ? note.asString() : null;
        } catch (tools.jackson.core.JacksonException e) {
            throw ProblemException.badRequest("the body is optional, and else JSON: {\"note\": \"why\"}");
        } catch (IOException e) {
            throw ProblemException.badRequest("the body could not be read");
        }
    }

    private static Map<String, Object> describe(Proposals.Proposal p, HttpServletRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("collection", p.collection());
        m.put("featureId", p.featureId());
        m.put("operation", p.operation());
        m.put("author", p.author());
        m.put("reason", p.reason());
        m.put("status", p.status());
        m.put("proposedAt", p.proposedAt());
        m.put("decidedBy", p.decidedBy());
        m.put("decidedAt", p.decidedAt());
        m.put("decision", p.decision());
        m.put("feature", p.feature());
        m.put("links", List.of(object("href", RequestUrls.href(request, "/proposals/" + p.id(), Map.of()), "rel", "self"),
                object("href", RequestUrls.href(request, "/collections/" + RequestUrls.encode(p.collection()) + "/items/"
                        + RequestUrls.encode(p.featureId()), Map.of()), "rel", "related", "title", "the feature it is about")));
        return m;
    }
}
