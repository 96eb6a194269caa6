package org.corridorgis.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The version of the published data, kept by the database ({@code corridor.table_version}, bumped by a
 * trigger on every change). A response's strong ETag is a digest of that version and the request, so it
 * changes exactly when the data or the question does, and every instance computes the same one.
 */
@Component
public class DataVersion {

    /**
     * The current version: the sum of all tables' counters, and the time of the latest change. A query that
     * must read the version in the same statement as its data (the tiles) embeds this text.
     */
    public static final String CURRENT_SQL =
            "select coalesce(sum(version), 0) as v, coalesce(max(changed_at), now()) as at from corridor.table_version";

    /** The response header naming the data version a response was made from (and a client's "at least this"). */
    public static final String HEADER = "Data-Version";

    private static final Pattern VERSIONED_ETAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})-[0-9a-f]+\"$");

    private final JdbcClient jdbc;
    private final String cacheControl;

    public DataVersion(JdbcClient jdbc, CachingProperties caching) {
        this.jdbc = jdbc;
        this.cacheControl = caching.cacheControl();
    }

    public Snapshot current() {
        return jdbc.sql(CURRENT_SQL)
                .query((rs, n) -> new Snapshot(rs.getLong("v"), rs.getObject("at", OffsetDateTime.class)))
                .single();
    }

    /**
     * Sets a strong ETag (naming the encoding: the caller writes through {@link ResponseCompression}) and
     * Cache-Control; answers true (having set 304) when the client's copy is current, in which case the caller
     * writes no body.
     */
    public boolean notModified(Snapshot version, HttpServletRequest request, HttpServletResponse response, String variant) {
        response.setHeader(HEADER, String.valueOf(version.version()));
        return check(etag(version, request, variant + (ResponseCompression.accepted(request) ? "+gzip" : "")), request, response);
    }

    /** Sets the strong ETag and Cache-Control of a response whose body is being written (no 304 any more). */
    public void tag(Snapshot version, HttpServletRequest request, HttpServletResponse response, String variant) {
        response.setHeader(HEADER, String.valueOf(version.version()));
        setValidators(etag(version, request, variant + (ResponseCompression.accepted(request) ? "+gzip" : "")), response);
    }

    /**
     * The same with a weak ETag, for responses whose body Spring writes and the servlet container compresses
     * (Tomcat leaves responses with a strong ETag uncompressed).
     */
    public boolean notModifiedWeak(Snapshot version, HttpServletRequest request, HttpServletResponse response, String variant) {
        response.setHeader(HEADER, String.valueOf(version.version()));
        return check("W/" + etag(version, request, variant), request, response);
    }

    /**
     * One feature's response: its ETag is the response's ETag (data version + request digest, for caches and the
     * read router) followed by the feature's own state (see {@link #featureState}), which is what {@code If-Match}
     * of a write compares. A change to another feature leaves that part, and so a writer's precondition, as it was.
     */
    public boolean notModifiedFeature(Snapshot version, String featureState, HttpServletRequest request,
                                      HttpServletResponse response, String variant) {
        response.setHeader(HEADER, String.valueOf(version.version()));
        return check(withState(etag(version, request, variant + (ResponseCompression.accepted(request) ? "+gzip" : "")), featureState),
                request, response);
    }

    public void tagFeature(Snapshot version, String featureState, HttpServletRequest request, HttpServletResponse response,
                           String variant) {
        response.setHeader(HEADER, String.valueOf(version.version()));
        setValidators(withState(etag(version, request, variant + (ResponseCompression.accepted(request) ? "+gzip" : "")), featureState),
                response);
    }

    /**
     * The ETag a plain GET of the feature ({@code path}, no query, JSON, not compressed) would carry at this
     * version: what a write answers with, for the client's next {@code If-Match}.
     */
    public static String featureEtag(Snapshot version, String path, String featureState) {
        return withState(etag(version, path + "?", "JSON"), featureState);
    }

    /** 16 hex digits naming one recorded version of a feature: its collection, id and {@code recorded_at}. */
    public static String featureState(String collection, String featureId, java.time.OffsetDateTime recordedAt) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            java.time.Instant at = recordedAt.toInstant();
            digest.update((collection + "|" + featureId + "|" + at.getEpochSecond() + "." + at.getNano()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern FEATURE_ETAG = Pattern.compile("^\"\\d{1,18}-[0-9a-f]{24}([0-9a-f]{16})\"$");

    /** The feature state an ETag of one feature carries, or null for any other ETag (weak ones included). */
    public static String featureStateIn(String etag) {
        Matcher m = FEATURE_ETAG.matcher(etag.trim());
        return m.matches() ? m.group(1) : null;
    }

    private static String withState(String etag, String featureState) {
        return etag.substring(0, etag.length() - 1) + featureState + "\"";
    }

    private boolean check(String etag, HttpServletRequest request, HttpServletResponse response) {
        setValidators(etag, response);
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        return false;
    }

    private void setValidators(String etag, HttpServletResponse response) {
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        // A client that sends Data-Version may be answered by another database than one that does not.
        if (response.getHeaders(HttpHeaders.VARY).stream().noneMatch(v -> v.contains(HEADER))) {
            response.addHeader(HttpHeaders.VARY, HEADER);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            // weak comparison, as If-None-Match requires (RFC 9110, 13.1.2)
            if (c.equals("*") || strip(c).equals(strip(etag))) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }

    /**
     * The data version an ETag of ours names (0 for anything else, or for a list of ETags the highest), so a
     * client revalidating a copy is never answered from a database older than that copy.
     */
    public static long versionIn(String ifNoneMatch) {
        long max = 0;
        for (String candidate : ifNoneMatch.split(",")) {
            Matcher m = VERSIONED_ETAG.matcher(candidate.trim());
            if (m.matches()) {
                max = Math.max(max, Long.parseLong(m.group(1)));
            }
        }
        return max;
    }

    /** The version, then a digest of the version, variant and request: strong, and readable by the router. */
    static String etag(Snapshot version, HttpServletRequest request, String variant) {
        return etag(version, request.getRequestURI() + "?" + (request.getQueryString() == null ? "" : request.getQueryString()), variant);
    }

    private static String etag(Snapshot version, String uriAndQuery, String variant) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((version.version() + "|" + variant + "|" + uriAndQuery).getBytes(StandardCharsets.UTF_8));
            return "\"" + version.version() + "-" + HexFormat.of().formatHex(digest.digest(), 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Snapshot(long version, OffsetDateTime changedAt) {
    }
}
