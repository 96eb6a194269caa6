package org.corridorgis.editing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.corridorgis.crs.SupportedCrs;
import org.corridorgis.web.ProblemException;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GeoJSON feature sent to be written, read and checked for its shape at the edge: the id, the geometry
 * (as sent, with the CRS of {@code Content-Crs}), the properties, and the reason for the change.
 *
 * @param id            the feature id from the body (null when the body names none)
 * @param geometryGiven whether the body has a {@code geometry} member
 * @param geometry      the geometry as GeoJSON text, or null for {@code "geometry": null} or none
 * @param properties    the properties as sent, in order
 * @param crs           the CRS the coordinates are in ({@code Content-Crs}; CRS84 when absent)
 * @param reason        why: the {@code Change-Reason} header, or the {@code change_reason} property
 * @param markedBy      the editor whose own feature this is ({@code created_by}), or null for official data
 */
record FeatureInput(String id, boolean geometryGiven, String geometry, String geometryType, Map<String, JsonNode> properties,
                    SupportedCrs crs, String reason, String markedBy) {

    /** The same feature with another reason (a proposal applied with the reason its author gave). */
    FeatureInput withReason(String why) {
        return new FeatureInput(id, geometryGiven, geometry, geometryType, properties, crs, why, markedBy);
    }

    /** The same feature marked as its author's own (scenarios, candidate maps and lines an editor makes). */
    FeatureInput madeBy(org.corridorgis.security.Author author) {
        return new FeatureInput(id, geometryGiven, geometry, geometryType, properties, crs, reason, author.name());
    }

    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    static final int MAX_REASON = 2000;
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static FeatureInput read(HttpServletRequest request, boolean merge) {
        String type = request.getContentType();
        String mediaType = type == null ? "" : type.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!(mediaType.equals("application/geo+json") || mediaType.equals("application/json")
                || (merge && mediaType.equals("application/merge-patch+json")))) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "send the feature as application/geo+json (or application/json" + (merge ? ", application/merge-patch+json" : "") + "), not '"
                            + (type == null ? "nothing" : type) + "'");
        }
        JsonNode body;
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "Feature too large",
                        "a feature may take at most " + MAX_BODY_BYTES / (1024 * 1024) + " MB");
            }
            body = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw ProblemException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("the body could not be read");
        }
        return parse(body, merge, request.getHeader("Change-Reason"), request.getHeader("Content-Crs"));
    }

    /** A feature from its JSON (a proposal's, kept in the database), with the reason and CRS it was sent with. */
    static FeatureInput parse(JsonNode body, boolean merge, String reasonHeader, String contentCrs) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("the body must be a GeoJSON Feature object");
        }
        if (!merge && !"Feature".equals(body.path("type").asString(""))) {
            throw ProblemException.badRequest("the body must be a GeoJSON Feature (\"type\": \"Feature\")");
        }
        String id = null;
        JsonNode idNode = body.get("id");
        if (idNode != null && !idNode.isNull()) {
            if (!idNode.isString() && !idNode.isIntegralNumber()) {
                throw ProblemException.badRequest("the feature id must be a string or an integer");
            }
            id = idNode.asString();
            if (!ID.matcher(id).matches()) {
                throw ProblemException.badRequest("the feature id '" + id + "' must be 1 to 200 letters, digits, '.', '_', ':' or '-', "
                        + "starting with a letter or digit");
            }
        }
        boolean geometryGiven = body.has("geometry");
        JsonNode g = body.get("geometry");
        String geometry = null;
        String geometryType = null;
        if (g != null && !g.isNull()) {
            if (!g.isObject() || !g.path("type").isString()) {
                throw ProblemException.badRequest("the geometry must be a GeoJSON geometry object with a \"type\"");
            }
            geometryType = g.path("type").asString();
            geometry = g.toString();
            try {
                new org.locationtech.jts.io.geojson.GeoJsonReader().read(geometry);
            } catch (org.locationtech.jts.io.ParseException | RuntimeException e) {
                throw ProblemException.badRequest("the geometry is not valid GeoJSON: " + e.getMessage());
            }
        }
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        JsonNode p = body.get("properties");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw ProblemException.badRequest("\"properties\" must be an object");
            }
            p.properties().forEach(e -> properties.put(e.getKey(), e.getValue()));
        }
        String reason = null;
        String header = reasonHeader;
        if (header != null && !header.isBlank()) {
            try {
                reason = URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8).strip();
            } catch (IllegalArgumentException e) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid header 'Change-Reason'",
                        "Change-Reason is plain text, or UTF-8 percent-encoded (%C3%A9)");
            }
        }
        JsonNode reasonProperty = properties.remove("change_reason");
        if (reason == null && reasonProperty != null && !reasonProperty.isNull()) {
            if (!reasonProperty.isString()) {
                throw ProblemException.badRequest("the property change_reason must be text");
            }
            reason = reasonProperty.asString().strip();
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw ProblemException.badRequest("the reason for the change may have at most " + MAX_REASON + " characters");
        }
        SupportedCrs crs = SupportedCrs.CRS84;
        if (contentCrs != null && !contentCrs.isBlank()) {
            String t = contentCrs.trim();
            if (t.startsWith("<") && t.endsWith(">")) {
                t = t.substring(1, t.length() - 1);
            }
            crs = SupportedCrs.parse(t).orElseThrow(() -> new ProblemException(HttpStatus.BAD_REQUEST, "Invalid header 'Content-Crs'",
                    "'" + contentCrs + "' is not a supported CRS; use one of " + SupportedCrs.uris()));
        }
        return new FeatureInput(id, geometryGiven, geometry, geometryType, properties, crs, reason == null || reason.isEmpty() ? null : reason,
                null);
    }
}
