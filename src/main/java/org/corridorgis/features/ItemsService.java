package org.corridorgis.features;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.corridorgis.web.DataVersion;
import org.corridorgis.web.RequestUrls;
import org.corridorgis.web.ResponseCompression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an items query and streams the FeatureCollection: one statement per page (see
 * {@link ItemsSql#pageWithHead}); rows go out one by one (from a database cursor in a read-only transaction
 * when the page is larger than one fetch), so memory stays flat whatever the page size, and the first features
 * are on the wire before the last are read.
 *
 * <p>{@code numberMatched} is exact whenever it is given: the collection's size when the request has no
 * conditions; with conditions, the count when at most {@code corridor.features.count-budget} rows match, and
 * nothing otherwise. Counts are kept in {@link MatchedCounts} per data version, so most pages count nothing.
 */
@Service
public class ItemsService {

    public static final String GEOJSON = "application/geo+json";
    private static final Map<org.corridorgis.web.OutputFormat, String> FILE_NAMES = Map.of(
            org.corridorgis.web.OutputFormat.GPKG, "GeoPackage", org.corridorgis.web.OutputFormat.FGB, "FlatGeobuf",
            org.corridorgis.web.OutputFormat.CSV, "CSV", org.corridorgis.web.OutputFormat.KML, "KML");
    private static final org.slf4j.Logger SQL_LOG = org.slf4j.LoggerFactory.getLogger("org.corridorgis.features.sql");

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final FeaturesProperties properties;
    private final FeatureExtras extras;
    private final JsonMapper json;
    private final DataVersion versions;
    private final MatchedCounts counts;

    public ItemsService(JdbcClient jdbc, PlatformTransactionManager transactions, FeaturesProperties properties,
                        FeatureExtras extras, JsonMapper json, DataVersion versions, MatchedCounts counts) {
        this.versions = versions;
        this.counts = counts;
        // The request's time budget is the statement timeout of every pooled connection (see
        // StatementTimeoutOnConnect): PostgreSQL cancels the page's one statement when it is spent.
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.properties = properties;
        this.extras = extras;
        this.json = json;
    }

    /**
     * Feeds a file writer from the items query: the same conditions, order, limit and offset as the GeoJSON
     * page, rows from a cursor in one read-only transaction, so a download of any size holds one fetch of rows.
     */
    public void streamDownload(ItemsQuery query, GeometryEncoding encoding, DownloadSink sink) {
        ItemsSql sql = new ItemsSql(query, extras);
        readOnly.executeWithoutResult(status -> {
            List<ItemsSql.FlatColumn> computed = extras.flatColumns(query);
            Sql rows = sql.download(encoding, computed);
            try {
                sink.start(sql.downloadColumns(computed));
                jdbc.sql(rows.text()).params(rows.params()).withFetchSize(properties.fetchSize()).query(rs -> {
                    try {
                        sink.row(rs);
                    } catch (RuntimeException | java.sql.SQLException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new DownloadFailedException(e);
                    }
                });
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new DownloadFailedException(e);
            }
        });
    }

    /** The same rows as FlatGeobuf made by PostGIS, handed over chunk by chunk (see {@link ItemsSql#flatGeobuf}). */
    public void streamFlatGeobuf(ItemsQuery query, FlatGeobufChunks chunks) {
        ItemsSql sql = new ItemsSql(query, extras);
        readOnly.executeWithoutResult(status -> {
            Sql rows = sql.flatGeobuf(extras.flatColumns(query), FLATGEOBUF_CHUNK_ROWS);
            jdbc.sql(rows.text()).params(rows.params()).withFetchSize(1).query(rs -> {
                try {
                    chunks.accept(rs.getBytes(1), rs.getLong(2));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        });
    }

    /** Features per FlatGeobuf chunk: big enough that headers cost nothing, small enough to hold at once. */
    static final int FLATGEOBUF_CHUNK_ROWS = 5000;

    @FunctionalInterface
    public interface FlatGeobufChunks {
        void accept(byte[] completeFile, long features) throws IOException;
    }

    /** A writer failed for a reason other than the database (the client went away, a temporary file). */
    public static final class DownloadFailedException extends RuntimeException {
        DownloadFailedException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Writes the page as GeoJSON to the response, with the ETag of the data version the page was read at. One
     * statement reads the page, that version, and {@code numberMatched} when it is not known for that version.
     */
    public void streamGeoJson(ItemsQuery query, HttpServletRequest request, HttpServletResponse response, boolean headOnly) {
        response.setContentType(GEOJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Crs", "<" + query.crs().uri() + ">");
        if (headOnly) {
            versions.notModified(versions.current(), request, response, query.format().name());
            return;
        }
        ItemsSql sql = new ItemsSql(query, extras);
        GeoJsonPage writer = new GeoJsonPage(query, request, response);
        boolean complete = false;
        try {
            PageRows rows = run(query, sql, true, writer);
            writer.finish(rows, links(query, rows, request));
            complete = true;
        } finally {
            if (complete) {
                writer.close();
            } else {
                writer.abandon();
            }
        }
    }

    /** The page as a list, for the HTML views, whose pages are small; {@code countMatches} false: not counted. */
    public Page collect(ItemsQuery query, HttpServletRequest request, boolean countMatches) {
        ItemsSql sql = new ItemsSql(query, extras);
        List<String> features = new ArrayList<>();
        PageRows rows = run(query, sql, countMatches, new RowSink() {
            @Override
            public void head(PageRows head) {
            }

            @Override
            public void feature(Utf8Json json) {
                features.add(json.getValue());
            }
        });
        return new Page(features, rows.matched, rows.version, links(query, rows, request));
    }

    /**
     * A page of features.
     *
     * @param numberMatched null when not given (see {@link #numberMatched})
     * @param version       the data version the page was read at
     */
    public record Page(List<String> features, Long numberMatched, DataVersion.Snapshot version,
                       List<org.corridorgis.web.Link> links) {
    }

    /**
     * Runs the page statement. Pages that fit in one fetch run on their own (no transaction: one round trip);
     * larger ones stream from a cursor, which needs a read-only transaction.
     */
    private PageRows run(ItemsQuery query, ItemsSql sql, boolean countMatches, RowSink sink) {
        String countKey = countMatches ? sql.countKey() : null;
        MatchedCounts.Known known = countMatches ? counts.get(countKey) : null;
        ItemsSql.MatchCount count = countMatches
                ? new ItemsSql.MatchCount(known == null ? -1 : known.version(), properties.countBudget()) : null;
        Sql statement = sql.pageWithHead(count);
        if (SQL_LOG.isDebugEnabled()) { // the benchmark replays exactly these statements against PostgreSQL
            SQL_LOG.debug("page SQL: {} | params: {}", sql.page().text(), sql.page().params());
            SQL_LOG.debug("count SQL: {} | params: {}", sql.count(properties.countBudget()).text(),
                    sql.count(properties.countBudget()).params());
            SQL_LOG.debug("statement SQL: {} | params: {}", statement.text(), statement.params());
        }
        int fetchSize = Math.min(properties.fetchSize(), query.limit() + 1);
        PageRows rows = new PageRows();
        Runnable read = () -> jdbc.sql(statement.text()).params(statement.params()).withFetchSize(fetchSize)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> readRow(rs, query, rows, sink));
        if (query.limit() + 1 <= properties.fetchSize()) {
            read.run();
        } else {
            readOnly.executeWithoutResult(status -> read.run());
        }
        if (countMatches) {
            if (rows.counted != null) {
                counts.put(countKey, new MatchedCounts.Known(rows.version.version(), rows.counted));
                rows.matched = numberMatched(rows.counted, sql.filtered());
            } else if (known != null && known.version() == rows.version.version()) {
                rows.matched = numberMatched(known.matched(), sql.filtered());
            }
        }
        return rows;
    }

    /**
     * The rule for numberMatched: the whole collection is counted, so its count is always exact; with conditions
     * at most the budget and one more row are counted, so a count above the budget is not exact and not given.
     */
    private Long numberMatched(long counted, boolean filtered) {
        return filtered && counted > properties.countBudget() ? null : counted;
    }

    private void readRow(java.sql.ResultSet rs, ItemsQuery query, PageRows rows, RowSink sink) throws java.sql.SQLException {
        if (rows.version == null) {
            rows.version = new DataVersion.Snapshot(rs.getLong("data_version"), rs.getObject("data_changed_at", OffsetDateTime.class));
            long matched = rs.getLong("matched");
            rows.counted = rs.wasNull() ? null : matched;
            rows.previousExists = rs.getArray("prev_any") != null;
            java.sql.Array start = rs.getArray("prev_start");
            rows.previousStart = start == null ? null : java.util.Arrays.asList((String[]) start.getArray()); // keys may be null
            try {
                sink.head(rows);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // the driver's bytes as they came (UTF-8 text: the JSON column is not transferred in binary)
        byte[] feature = rs.getBytes("feature");
        if (feature == null) {
            return; // the head row of an empty page
        }
        if (rows.returned == query.limit()) {
            rows.hasNext = true; // the extra row: there is a next page
            return;
        }
        try {
            sink.feature(new Utf8Json(feature));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int keyCount = query.sortKeysWithId().size();
        int firstKey = rs.findColumn("feature") + 1;
        List<String> keys = new ArrayList<>(keyCount);
        for (int i = 0; i < keyCount; i++) {
            keys.add(rs.getString(firstKey + i));
        }
        rows.lastKeys = keys;
        rows.returned++;
    }

    /** Streams a FeatureCollection: the envelope opens when the head row has named the version. */
    private final class GeoJsonPage implements RowSink {
        private final ItemsQuery query;
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private OutputStream out;
        private JsonGenerator g;

        GeoJsonPage(ItemsQuery query, HttpServletRequest request, HttpServletResponse response) {
            this.query = query;
            this.request = request;
            this.response = response;
        }

        @Override
        public void head(PageRows head) throws IOException {
            versions.tag(head.version, request, response, query.format().name());
            out = ResponseCompression.body(request, response);
            g = json.createGenerator(out, JsonEncoding.UTF8);
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeName("features");
            g.writeStartArray();
        }

        @Override
        public void feature(Utf8Json featureJson) {
            g.writeRawValue(featureJson);
        }

        void finish(PageRows rows, List<org.corridorgis.web.Link> links) {
            g.writeEndArray();
            if (rows.matched != null) {
                g.writeNumberProperty("numberMatched", rows.matched);
            }
            g.writeNumberProperty("numberReturned", rows.returned);
            g.writeStringProperty("timeStamp", rows.version.changedAt().toInstant().toString());
            g.writeName("links");
            g.writePOJO(links);
            g.writeEndObject();
        }

        /**
         * The page was not read whole (a statement cancelled, the database gone). Closing would end the JSON neatly
         * and pass a cut-off page for a whole one: instead, while nothing has been sent, the response is reset so
         * that the error handler answers properly (503 and a problem body); once bytes are on the wire, the body
         * is left unfinished, so that the client sees a broken transfer rather than a short page.
         */
        void abandon() {
            if (!response.isCommitted()) {
                response.reset();
            }
        }

        void close() {
            try {
                if (g != null) {
                    g.close();
                }
                if (out != null) {
                    out.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private List<org.corridorgis.web.Link> links(ItemsQuery query, PageRows rows, HttpServletRequest request) {
        String collectionPath = "/collections/" + RequestUrls.encode(query.collection().id());
        List<org.corridorgis.web.Link> links = new ArrayList<>();
        links.add(new org.corridorgis.web.Link(RequestUrls.self(request, Map.of("f", "json")), "self", GEOJSON, "this page as GeoJSON"));
        links.add(new org.corridorgis.web.Link(RequestUrls.self(request, Map.of("f", "html")), "alternate", "text/html", "this page as HTML"));
        for (org.corridorgis.web.OutputFormat file : org.corridorgis.web.OutputFormat.DOWNLOADS) {
            links.add(new org.corridorgis.web.Link(RequestUrls.self(request, Map.of("f", file.extension(), "limit", String.valueOf(query.limit()))), "alternate",
                    file.mediaType(), "this page as " + FILE_NAMES.get(file)));
        }
        links.add(new org.corridorgis.web.Link(RequestUrls.href(request, collectionPath, Map.of()), "collection", "application/json",
                query.collection().title()));
        if (rows.hasNext) {
            String next = new Cursor(query.sortSignature(), rows.lastKeys, false).encode();
            links.add(new org.corridorgis.web.Link(RequestUrls.self(request, RequestUrls.with("cursor", next, "offset", null)), "next",
                    GEOJSON, "next page"));
        }
        String prev = previousHref(query, rows, request);
        if (prev != null) {
            links.add(new org.corridorgis.web.Link(prev, "prev", GEOJSON, "previous page"));
        }
        return links;
    }

    private static String previousHref(ItemsQuery query, PageRows rows, HttpServletRequest request) {
        if (query.cursor() == null) {
            if (query.offset() == 0) {
                return null;
            }
            long previous = Math.max(0, query.offset() - query.limit());
            return RequestUrls.self(request, RequestUrls.with("offset", previous == 0 ? null : String.valueOf(previous)));
        }
        if (!rows.previousExists) {
            return null; // this is the first page
        }
        if (rows.previousStart == null) {
            // Fewer than a page of rows lie before this one: the previous page is the first.
            return RequestUrls.self(request, RequestUrls.with("cursor", null, "offset", null));
        }
        String cursor = new Cursor(query.sortSignature(), rows.previousStart, true).encode();
        return RequestUrls.self(request, RequestUrls.with("cursor", cursor, "offset", null));
    }

    JsonMapper json() {
        return json;
    }

    /** The links of a single feature, as a JSON array. */
    public String featureLinks(org.corridorgis.catalog.Collection c, String featureId, HttpServletRequest request) {
        String collectionPath = "/collections/" + RequestUrls.encode(c.id());
        String itemPath = collectionPath + "/items/" + RequestUrls.encode(featureId);
        List<org.corridorgis.web.Link> links = List.of(
                new org.corridorgis.web.Link(RequestUrls.self(request, Map.of("f", "json")), "self", GEOJSON, "this feature"),
                new org.corridorgis.web.Link(RequestUrls.href(request, itemPath, Map.of("f", "html")), "alternate", "text/html",
                        "this feature as HTML"),
                new org.corridorgis.web.Link(RequestUrls.href(request, collectionPath, Map.of()), "collection", "application/json",
                        c.title()),
                new org.corridorgis.web.Link(RequestUrls.href(request, itemPath + "/history", Map.of()), "version-history",
                        GEOJSON, "every recorded version of this feature"));
        return json.writeValueAsString(links);
    }

    /** Receives the head row (version, count, previous page), then the features in order. */
    private interface RowSink {
        void head(PageRows head) throws IOException;

        void feature(Utf8Json featureJson) throws IOException;
    }

    /** What the page statement answered besides the features. */
    private static final class PageRows {
        DataVersion.Snapshot version;
        Long counted;
        Long matched;
        boolean previousExists;
        List<String> previousStart;
        int returned;
        boolean hasNext;
        List<String> lastKeys;
    }
}
