package org.corridorgis.editing;

import static org.corridorgis.web.JsonObjects.object;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.corridorgis.catalog.Catalog;
import org.corridorgis.catalog.Collection;
import org.corridorgis.security.Author;
import org.corridorgis.security.Role;
import org.corridorgis.web.DataVersion;
import org.corridorgis.web.ProblemException;
import org.corridorgis.web.QueryParameters;
import org.corridorgis.web.RequestUrls;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC API – Features – Part 4: create ({@code POST .../items}), replace ({@code PUT}), update ({@code PATCH},
 * a JSON merge patch of the feature) and delete ({@code DELETE .../items/{featureId}}). A replace, update or
 * delete must name the version it is based on in {@code If-Match} (the feature's ETag): 428 without it, 412
 * when the feature has changed since. Answers carry {@code Location}, the new {@code ETag} and the
 * {@code Data-Version} the write made (send it back to read your own write from a replica).
 */
@RestController
class EditingController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Catalog catalog;
    private final FeatureWrites writes;
    private final Proposals proposals;

    EditingController(Catalog catalog, FeatureWrites writes, Proposals proposals) {
        this.catalog = catalog;
        this.writes = writes;
        this.proposals = proposals;
    }

    /** Collections where an editor's own features are theirs: written at once, marked with their author. */
    static final java.util.Set<String> EDITORS_OWN = java.util.Set.of("scenarios", "boundary-maps", "boundary-lines");

    @PostMapping("/collections/{collectionId}/items")
    ResponseEntity<?> create(@PathVariable String collectionId, HttpServletRequest request) {
        Collection c = writable(collectionId, request);
        Author author = Author.require(Role.EDITOR, "writing to collection '" + c.id() + "'");
        FeatureInput input = FeatureInput.read(request, false);
        if (c.id().equals("scenarios")) {
            input = writes.basedOn(c, input);
        }
        String id = input.id() != null ? input.id() : "user-" + HexFormat.of().formatHex(randomBytes());
        if (!author.may(Role.REVIEWER)) {
            if (!EDITORS_OWN.contains(c.id())) {
                return proposed(proposals.propose(FeatureWrites.Operation.CREATE, c, id, input, null, author), request);
            }
            input = input.madeBy(author);
        }
        FeatureWrites.Written w = writes.write(FeatureWrites.Operation.CREATE, c, id, input, null, author);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, RequestUrls.href(request, itemPath(c, id), Map.of()))
                .header(HttpHeaders.ETAG, w.etag())
                .header(DataVersion.HEADER, String.valueOf(w.dataVersion()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @PutMapping("/collections/{collectionId}/items/{featureId}")
    ResponseEntity<?> replace(@PathVariable String collectionId, @PathVariable String featureId, HttpServletRequest request) {
        return change(FeatureWrites.Operation.REPLACE, collectionId, featureId, request);
    }

    @PatchMapping("/collections/{collectionId}/items/{featureId}")
    ResponseEntity<?> update(@PathVariable String collectionId, @PathVariable String featureId, HttpServletRequest request) {
        return change(FeatureWrites.Operation.UPDATE, collectionId, featureId, request);
    }

    @DeleteMapping("/collections/{collectionId}/items/{featureId}")
    ResponseEntity<?> delete(@PathVariable String collectionId, @PathVariable String featureId, HttpServletRequest request) {
        return change(FeatureWrites.Operation.DELETE, collectionId, featureId, request);
    }

    private ResponseEntity<?> change(FeatureWrites.Operation op, String collectionId, String featureId, HttpServletRequest request) {
        Collection c = writable(collectionId, request);
        Author author = Author.require(Role.EDITOR, "writing to collection '" + c.id() + "'");
        String state = precondition(request);
        FeatureInput input = op == FeatureWrites.Operation.DELETE ? null : FeatureInput.read(request, op == FeatureWrites.Operation.UPDATE);
        if (input != null && input.id() != null && !input.id().equals(featureId)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid feature",
                    "the body's id '" + input.id() + "' is not the id in the path ('" + featureId + "'); ids do not change");
        }
        if (op == FeatureWrites.Operation.DELETE) {
            input = deletion(request);
        }
        if (!author.may(Role.REVIEWER)) {
            if (!EDITORS_OWN.contains(c.id()) || !writes.createdBy(c, featureId).equals(java.util.Optional.of(author.name()))) {
                return proposed(proposals.propose(op, c, featureId, input, state, author), request);
            }
            input = input.madeBy(author);
        }
        FeatureWrites.Written w = writes.write(op, c, featureId, input, state, author);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.NO_CONTENT)
                .header(DataVersion.HEADER, String.valueOf(w.dataVersion()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (w.etag() != null) {
            answer.header(HttpHeaders.ETAG, w.etag()).header(HttpHeaders.LOCATION, RequestUrls.href(request, itemPath(c, featureId), Map.of()));
        }
        return answer.build();
    }

    /**
     * An editor's change to the official data waits for review: 202, with the proposal in {@code Location}.
     */
    private static ResponseEntity<?> proposed(long proposal, HttpServletRequest request) {
        String location = RequestUrls.href(request, "/proposals/" + proposal, Map.of());
        return ResponseEntity.status(HttpStatus.ACCEPTED).header(HttpHeaders.LOCATION, location)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(object("proposal", proposal, "status", "open", "href", location,
                        "detail", "the change is kept as a proposal until a reviewer accepts or rejects it"));
    }

    /** A delete has no body; its reason comes in the header. */
    private static FeatureInput deletion(HttpServletRequest request) {
        String reason = request.getHeader("Change-Reason");
        if (reason != null) {
            try {
                reason = java.net.URLDecoder.decode(reason.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8).strip();
            } catch (IllegalArgumentException e) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid header 'Change-Reason'",
                        "Change-Reason is plain text, or UTF-8 percent-encoded (%C3%A9)");
            }
            if (reason.length() > FeatureInput.MAX_REASON) {
                throw ProblemException.badRequest("the reason for the change may have at most " + FeatureInput.MAX_REASON + " characters");
            }
        }
        return new FeatureInput(null, false, null, null, Map.of(), org.corridorgis.crs.SupportedCrs.CRS84,
                reason == null || reason.isBlank() ? null : reason, null);
    }

    /**
     * The feature state named by {@code If-Match}: null for {@code *} (any current version). Without If-Match
     * the write is refused (428), so that nobody overwrites a change they have not seen.
     */
    private static String precondition(HttpServletRequest request) {
        String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, "Precondition required",
                    "send If-Match with the ETag of the feature (from GET of the feature) that this change is based on");
        }
        if (ifMatch.trim().equals("*")) {
            return null;
        }
        for (String candidate : ifMatch.split(",")) {
            String state = DataVersion.featureStateIn(candidate);
            if (state != null) {
                return state;
            }
        }
        throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "Precondition failed",
                "If-Match names no version of this feature: send the strong ETag a GET of the feature answered with");
    }

    private Collection writable(String collectionId, HttpServletRequest request) {
        Collection c = catalog.require(collectionId);
        QueryParameters.allowOnly(request, java.util.Set.of());
        if (c.id().equals("route-segments")) {
            throw new ProblemException(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
                    "route segments are computed from the routes and the countries: edit those");
        }
        if (!catalog.keepsHistory(c) || c.property("recorded_at").isEmpty()) {
            throw new ProblemException(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
                    "collection '" + c.id() + "' keeps no history of its features, so it is not edited through the API");
        }
        return c;
    }

    private static String itemPath(Collection c, String id) {
        return "/collections/" + RequestUrls.encode(c.id()) + "/items/" + RequestUrls.encode(id);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }
}
