package org.corridorgis.features;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
 * Runs an items query and streams the FeatureCollection: rows come from a database cursor (a read-only
 * transaction with a fetch size) and go out one by one, so memory stays flat whatever the page size, and the
 * first features are on the wire before the last are read.
 */
@Service
public class ItemsService {

    public static final String GEOJSON = "application/geo+json";
    private static final org.slf4j.Logger SQL_LOG = org.slf4j.LoggerFactory.getLogger("org.corridorgis.features.sql");

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final FeaturesProperties properties;
    private final FeatureExtras extras;
    private final JsonMapper json;

    public ItemsService(JdbcClient jdbc, PlatformTransactionManager transactions, FeaturesProperties properties,
                        FeatureExtras extras, JsonMapper json) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.properties = properties;
        this.extras = extras;
        this.json = json;
    }

    /** Writes the page as GeoJSON to the response. */
    public void streamGeoJson(ItemsQuery query, DataVersion.Snapshot version, HttpServletRequest request,
                              HttpServletResponse response, boolean headOnly) {
        ItemsSql sql = new ItemsSql(query, extras);
        readOnly.executeWithoutResult(status -> {
            limitStatementTime();
            long matched = count(sql);
            response.setContentType(GEOJSON);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Content-Crs", "<" + query.crs().uri() + ">");
            if (headOnly) {
                return;
            }
            try (OutputStream out = ResponseCompression.body(request, response);
                 JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringProperty("type", "FeatureCollection");
                g.writeName("features");
                g.writeStartArray();
                PageRows page = readPage(sql, query, g::writeRawValue);
                g.writeEndArray();
                g.writeNumberProperty("numberMatched", matched);
                g.writeNumberProperty("numberReturned", page.returned());
                g.writeStringProperty("timeStamp", version.changedAt().toInstant().toString());
                g.writeName("links");
                g.writePOJO(links(query, page, sql, request));
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The page as a list, for the HTML view, whose pages are small. */
    public Page collect(ItemsQuery query, HttpServletRequest request) {
        ItemsSql sql = new ItemsSql(query, extras);
        return readOnly.execute(status -> {
            limitStatementTime();
            long matched = count(sql);
            List<String> features = new ArrayList<>();
            PageRows rows = readPage(sql, query, features::add);
            return new Page(features, matched, links(query, rows, sql, request));
        });
    }

    public record Page(List<String> features, long numberMatched, List<org.corridorgis.web.Link> links) {
    }

    private void limitStatementTime() {
        jdbc.sql("select set_config('statement_timeout', ?, true)")
                .param(String.valueOf(properties.statementTimeout().toMillis()))
                .query().singleValue();
    }

    private long count(ItemsSql sql) {
        Sql count = sql.count();
        return jdbc.sql(count.text()).params(count.params()).query(Long.class).single();
    }

    private PageRows readPage(ItemsSql sql, ItemsQuery query, FeatureSink sink) {
        Sql page = sql.page();
        if (SQL_LOG.isDebugEnabled()) { // the benchmark replays exactly these statements against PostgreSQL
            SQL_LOG.debug("page SQL: {} | params: {}", page.text(), page.params());
            SQL_LOG.debug("count SQL: {} | params: {}", sql.count().text(), sql.count().params());
        }
        int keyCount = query.sortKeysWithId().size();
        PageRows rows = new PageRows();
        jdbc.sql(page.text()).params(page.params()).withFetchSize(Math.min(properties.fetchSize(), query.limit() + 1))
                .query(rs -> {
                    if (rows.returned == query.limit()) {
                        rows.hasNext = true; // the extra row: there is a next page
                        return;
                    }
                    try {
                        sink.accept(rs.getString(1));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    List<String> keys = new ArrayList<>(keyCount);
                    for (int i = 0; i < keyCount; i++) {
                        keys.add(rs.getString(2 + i));
                    }
                    if (rows.returned == 0) {
                        rows.firstKeys = keys;
                    }
                    rows.lastKeys = keys;
                    rows.returned++;
                });
        return rows;
    }

    private List<org.corridorgis.web.Link> links(ItemsQuery query, PageRows rows, ItemsSql sql, HttpServletRequest request) {
        String collectionPath = "/collections/" + RequestUrls.encode(query.collection().id());
        List<org.corridorgis.web.Link> links = new ArrayList<>();
        links.add(new org.corridorgis.web.Link(RequestUrls.self(request, Map.of("f", "json")), "self", GEOJSON, "this page as GeoJSON"));
        links.add(new org.corridorgis.web.Link(RequestUrls.self(request, Map.of("f", "html")), "alternate", "text/html", "this page as HTML"));
        links.add(new org.corridorgis.web.Link(RequestUrls.href(request, collectionPath, Map.of()), "collection", "application/json",
                query.collection().title()));
        if (rows.hasNext) {
            String next = new Cursor(query.sortSignature(), rows.lastKeys, false).encode();
            links.add(new org.corridorgis.web.Link(RequestUrls.self(request, RequestUrls.with("cursor", next, "offset", null)), "next",
                    GEOJSON, "next page"));
        }
        String prev = previousHref(query, rows, sql, request);
        if (prev != null) {
            links.add(new org.corridorgis.web.Link(prev, "prev", GEOJSON, "previous page"));
        }
        return links;
    }

    private String previousHref(ItemsQuery query, PageRows rows, ItemsSql sql, HttpServletRequest request) {
        if (query.cursor() == null) {
            if (query.offset() == 0) {
                return null;
            }
            long previous = Math.max(0, query.offset() - query.limit());
            return RequestUrls.self(request, RequestUrls.with("offset", previous == 0 ? null : String.valueOf(previous)));
        }
        List<String> anchor = rows.firstKeys != null ? rows.firstKeys : query.cursor().values();
        if (rowBefore(sql, anchor, 1) == null) {
            return null; // this is the first page
        }
        List<String> startKeys = rowBefore(sql, anchor, query.limit());
        if (startKeys == null) {
            // Fewer than a page of rows lie before this one: the previous page is the first.
            return RequestUrls.self(request, RequestUrls.with("cursor", null, "offset", null));
        }
        String cursor = new Cursor(query.sortSignature(), startKeys, true).encode();
        return RequestUrls.self(request, RequestUrls.with("cursor", cursor, "offset", null));
    }

    private List<String> rowBefore(ItemsSql sql, List<String> anchor, int rowsBack) {
        Sql start = sql.previousPageStart(anchor, rowsBack);
        return jdbc.sql(start.text()).params(start.params()).query((rs, n) -> {
            List<String> keys = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                keys.add(rs.getString(i));
            }
            return keys;
        }).optional().orElse(null);
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

    @FunctionalInterface
    private interface FeatureSink {
        void accept(String featureJson) throws IOException;
    }

    private static final class PageRows {
        int returned;
        boolean hasNext;
        List<String> firstKeys;
        List<String> lastKeys;

        int returned() {
            return returned;
        }
    }
}
