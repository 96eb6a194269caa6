package org.corridorgis.features;

import java.util.List;
import java.util.Map;

import org.corridorgis.catalog.Collection;
import org.corridorgis.catalog.Property;
import org.corridorgis.catalog.SqlIdentifiers;
import org.corridorgis.crs.SupportedCrs;
import org.corridorgis.filter.QueryableType;

/**
 * The SQL of an items request. PostgreSQL writes each feature's whole GeoJSON text (PostGIS makes the geometry
 * with {@code ST_AsGeoJSON}); the service only frames the rows. Identifiers come from the catalogue, values
 * are bind parameters.
 */
final class ItemsSql {

    static final String ALIAS = "t";
    private static final String T = ALIAS + ".";

    private final ItemsQuery query;
    private final Collection collection;
    private final FeatureExtras extras;

    ItemsSql(ItemsQuery query, FeatureExtras extras) {
        this.query = query;
        this.collection = query.collection();
        this.extras = extras;
    }

    /** The page: feature JSON in column {@code feature}, then the sort-key values as text in k0..kn. */
    Sql page() {
        List<SortKey> keys = query.sortKeysWithId();
        String order = " order by " + String.join(", ", keys.stream().map(k -> k.orderSql(ALIAS)).toList());
        Sql sql = new Sql().append("select ").append(featureJson()).append(" as feature");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(", " + keys.get(i).property().sqlName(ALIAS) + "::text as k" + i);
        }
        Sql where = where(true);
        boolean offset = query.cursor() == null && query.offset() > 0;
        if (offset) {
            // Rows skipped by OFFSET are still produced; choose the page's rows first, and make the GeoJSON of
            // those alone.
            sql.append(" from (select * from " + collection.sqlTable() + " " + ALIAS);
        } else {
            sql.append(" from " + collection.sqlTable() + " " + ALIAS);
        }
        if (!where.isEmpty()) {
            sql.append(" where ").append(where);
        }
        sql.append(order);
        // One row more than the page tells whether there is a next page.
        sql.append(" limit :limit", "limit", query.limit() + 1);
        if (offset) {
            sql.append(" offset :offset", "offset", query.offset()).append(") " + ALIAS + order);
        }
        return sql;
    }

    /**
     * The rows of a download: id, geometry (as {@code encoding} asks), then one column per property and per
     * computed column, in the page's order, with the page's conditions, {@code limit} and {@code offset}.
     */
    Sql download(GeometryEncoding encoding, List<FlatColumn> computed) {
        Sql sql = new Sql().append("select ").append(downloadProjection(geometry(encoding), computed, false));
        return sql.append(rowsFromWhereOrderLimit());
    }

    /**
     * FlatGeobuf made by PostGIS ({@code ST_AsFlatGeobuf}) in chunks of {@code chunkRows} features, each a
     * complete file in row order: the writer sends the first whole and the others without their (identical)
     * header, so neither PostgreSQL nor the service ever holds more than a chunk. Every property travels as
     * text and a null as an empty text: PostGIS 3.3 files a value after a null under the wrong column (and
     * garbles a number there, or a double followed by any column), which readers reject or misread.
     */
    Sql flatGeobuf(List<FlatColumn> computed, int chunkRows) {
        String geom = "null::geometry";
        if (collection.spatial()) {
            geom = T + SqlIdentifiers.quote(Collection.GEOMETRY_COLUMN);
            if (query.crs().srid() != 4326) {
                geom = "ST_Transform(" + geom + ", " + query.crs().srid() + ")";
            }
            if ("Geometry".equals(collection.geometryType())) {
                // A file has one geometry type, taken from its first feature: the features of a collection that
                // mixes points, lines and areas (events, positions) go as GeometryCollections, and one without a
                // place as an empty one (PostGIS refuses a type after a first feature without geometry)
                geom = "coalesce(ST_ForceCollection(" + geom + "), ST_SetSRID('GEOMETRYCOLLECTION EMPTY'::geometry, "
                        + query.crs().srid() + "))";
            }
        }
        List<String> names = new java.util.ArrayList<>();
        names.add(Collection.ID_COLUMN);
        names.add(Collection.GEOMETRY_COLUMN);
        downloadColumns(computed).forEach(c -> names.add(c.name()));
        String order = String.join(", ", query.sortKeysWithId().stream().map(k -> k.orderSql(ALIAS)).toList());
        // Joined to one constant row, so that an empty result still gives a chunk (one of nulls, counted 0): its
        // header is the file.
        Sql sql = new Sql().append("select ST_AsFlatGeobuf(x, false, 'geom' order by s.\"__row\"), count(s.\"__row\")"
                        + " from (select 1) one left join (select ")
                .append(downloadProjection(geom, computed, true))
                .append(", row_number() over (order by " + order + ") as \"__row\"")
                .append(", (row_number() over (order by " + order + ") - 1) / :chunk_rows as \"__chunk\"", "chunk_rows", chunkRows)
                .append(rowsFromWhereOrderLimit())
                .append(") s on true cross join lateral (select " + String.join(", ", names.stream().map(n -> "s." + SqlIdentifiers.quote(n)).toList())
                        + ") x");
        sql.append(" group by s.\"__chunk\" order by s.\"__chunk\"");
        return sql;
    }

    /** The columns that follow id and geometry in {@link #download} and {@link #flatGeobuf}. */
    List<DownloadColumn> downloadColumns(List<FlatColumn> computed) {
        List<DownloadColumn> columns = new java.util.ArrayList<>();
        for (Property p : query.properties()) {
            columns.add(new DownloadColumn(p.name(), kind(p.type())));
        }
        computed.forEach(c -> columns.add(new DownloadColumn(c.name(), c.kind())));
        return columns;
    }

    private static DownloadColumn.Kind kind(QueryableType type) {
        return switch (type) {
            case NUMBER -> DownloadColumn.Kind.REAL;
            case INTEGER -> DownloadColumn.Kind.INTEGER;
            case BOOLEAN -> DownloadColumn.Kind.BOOLEAN;
            case DATE -> DownloadColumn.Kind.DATE;
            case TIMESTAMP -> DownloadColumn.Kind.DATETIME;
            default -> DownloadColumn.Kind.TEXT;
        };
    }

    private Sql downloadProjection(String geometry, List<FlatColumn> computed, boolean asText) {
        Sql sql = new Sql().append(T + "\"id\"::text as \"id\", " + geometry + " as \"geom\"");
        for (Property p : query.properties()) {
            String column = p.sqlName(ALIAS);
            String value = switch (p.type()) {
                case STRING_ARRAY, JSON -> "to_json(" + column + ")::text";
                case DATE -> column + "::text";
                case TIMESTAMP -> "to_char(" + column + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
                case NUMBER -> column + (asText ? "::text" : "::float8");
                case INTEGER -> column + (asText ? "::text" : "::int8");
                case BOOLEAN -> column + (asText ? "::text" : "");
                default -> column + "::text";
            };
            sql.append(", " + (asText ? "coalesce(" + value + ", '')" : value) + " as " + p.sqlName());
        }
        for (FlatColumn c : computed) {
            sql.append(asText ? ", coalesce((" : ", ").append(c.expression()).append(asText ? ")::text, '')" : "")
                    .append(" as " + SqlIdentifiers.quote(c.name()));
        }
        return sql;
    }

    private String geometry(GeometryEncoding encoding) {
        if (!collection.spatial()) {
            return "null";
        }
        String geom = T + SqlIdentifiers.quote(Collection.GEOMETRY_COLUMN);
        return switch (encoding) {
            case WKB -> "ST_AsBinary(" + (query.crs().srid() == 4326 ? geom : "ST_Transform(" + geom + ", " + query.crs().srid() + ")")
                    + ", 'NDR')";
            case WKT -> "ST_AsText(" + query.crs().fromStorage(geom) + ", " + query.crs().decimals() + ")";
            case KML -> "ST_AsKML(" + geom + ", " + SupportedCrs.CRS84.decimals() + ")";
        };
    }

    private Sql rowsFromWhereOrderLimit() {
        List<SortKey> keys = query.sortKeysWithId();
        Sql sql = new Sql().append(" from " + collection.sqlTable() + " " + ALIAS);
        Sql where = where(true);
        if (!where.isEmpty()) {
            sql.append(" where ").append(where);
        }
        sql.append(" order by " + String.join(", ", keys.stream().map(k -> k.orderSql(ALIAS)).toList()));
        sql.append(" limit :limit", "limit", query.limit());
        if (query.cursor() == null && query.offset() > 0) {
            sql.append(" offset :offset", "offset", query.offset());
        }
        return sql;
    }

    /** A column a download adds to the stored properties (for example a route's regime under a scenario). */
    record FlatColumn(String name, Sql expression, DownloadColumn.Kind kind) {
    }

    /**
     * The page and everything its response needs besides, in one statement (one round trip, one snapshot): the
     * data version the page was read at (for the ETag and timeStamp), {@code numberMatched} when it must be
     * counted, and, for a page reached by a cursor, where the previous page starts. One head row, joined to the
     * page rows; an empty page still gives the head row, with a null feature. A nested loop over the single head
     * row is the only plan for a join on {@code true}, so the page rows keep their order.
     *
     * <p>Columns: {@code data_version}, {@code data_changed_at}, {@code matched} (null when not counted),
     * {@code prev_any} (the keys of a row before this page, or null), {@code prev_start} (the keys of the row a
     * page's length before this one, or null), then {@code feature} and the sort keys as {@link #page()}.
     *
     * @param count       whether to count the matching rows; null: do not count
     */
    Sql pageWithHead(MatchCount count) {
        Sql sql = new Sql().append("select h.data_version, h.data_changed_at, h.matched, h.prev_any, h.prev_start, p.*"
                + " from (select dv.v as data_version, dv.at as data_changed_at, ");
        if (count == null) {
            sql.append("null::bigint");
        } else {
            // The count runs only when the version differs from the one the known count was made at: PostgreSQL
            // evaluates the sub-select of the branch taken, and no other.
            sql.append("case when dv.v = :known_version then null else (", "known_version", count.knownVersion()).append(count(count.budget())).append(") end");
        }
        sql.append(" as matched, ");
        if (query.cursor() != null) {
            // The rows before this page: at or before an exclusive cursor (a next link), before an inclusive one.
            Sql before = query.cursor().inclusive()
                    ? Keyset.before(query.sortKeysWithId(), query.cursor().values())
                    : Keyset.atOrBefore(query.sortKeysWithId(), query.cursor().values());
            sql.append(rowBefore(before, 1)).append(" as prev_any, ").append(rowBefore(before, query.limit())).append(" as prev_start");
        } else {
            sql.append("null::text[] as prev_any, null::text[] as prev_start");
        }
        sql.append(" from (" + org.corridorgis.web.DataVersion.CURRENT_SQL + ") dv) h left join lateral (").append(page())
                .append(") p on true");
        return sql;
    }

    /**
     * numberMatched: the same conditions without the page position. With conditions, at most {@code budget + 1}
     * rows are counted (a count above the budget is not given); the whole collection is always counted.
     */
    Sql count(long budget) {
        Sql where = where(false);
        if (where.isEmpty()) {
            return new Sql().append("select count(*) from " + collection.sqlTable() + " " + ALIAS);
        }
        return new Sql().append("select count(*) from (select from " + collection.sqlTable() + " " + ALIAS + " where ")
                .append(where).append(" limit :budget) matching", "budget", budget + 1);
    }

    /** Whether the request has conditions beyond the page position (a filter, bbox, datetime, property=value). */
    boolean filtered() {
        return !where(false).isEmpty();
    }

    /** What identifies the count: the collection and the conditions, as SQL text and bind values. */
    String countKey() {
        Sql where = where(false);
        StringBuilder key = new StringBuilder(collection.id()).append('\n').append(where.text());
        for (Object p : where.values()) {
            key.append('\n').append(p instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes)
                    : p instanceof Object[] array ? java.util.Arrays.deepToString(array) : String.valueOf(p));
        }
        return key.toString();
    }

    /** A count wanted for this page: the version the known count was made at (-1: none), and the budget. */
    record MatchCount(long knownVersion, long budget) {
    }

    /**
     * The keys, as a text array, of the row {@code rowsBack} rows back among those matching {@code before},
     * walking back in reverse order over the keys alone (an index scan when sorted by id).
     */
    private Sql rowBefore(Sql before, int rowsBack) {
        List<SortKey> keys = query.sortKeysWithId();
        Sql sql = new Sql().append("(select array[");
        for (int i = 0; i < keys.size(); i++) {
            sql.append((i > 0 ? ", " : "") + keys.get(i).property().sqlName(ALIAS) + "::text");
        }
        sql.append("] from " + collection.sqlTable() + " " + ALIAS + " where ");
        Sql where = where(false);
        if (!where.isEmpty()) {
            sql.append(where).append(" and ");
        }
        sql.append(before);
        sql.append(" order by " + String.join(", ", keys.stream().map(k -> Keyset.reversedOrder(k, ALIAS)).toList()));
        return sql.append(" offset :rows_back limit 1)", "rows_back", rowsBack - 1);
    }

    private Sql where(boolean withCursor) {
        Sql where = new Sql();
        if (query.bbox() != null) {
            if (collection.spatial()) {
                and(where).append(query.bbox().intersects(T + SqlIdentifiers.quote(Collection.GEOMETRY_COLUMN)));
            } else {
                and(where).append("false"); // a feature without geometry lies outside every box
            }
        }
        if (query.datetime() != null) {
            and(where).append(query.datetime().sql(T + "\"valid_from\"", T + "\"valid_to\""));
        }
        for (Map.Entry<Property, String> e : query.equalTo().entrySet()) {
            Property p = e.getKey();
            if (p.type() == QueryableType.STRING_ARRAY) {
                and(where).append(":value = any(" + p.sqlName(ALIAS) + ")", "value", e.getValue());
            } else {
                and(where).append(p.sqlName(ALIAS) + " = cast(:value as " + p.pgType() + ")", "value", e.getValue());
            }
        }
        if (query.filter() != null) {
            and(where).append("(").append(query.filter()).append(")");
        }
        if (withCursor && query.cursor() != null) {
            and(where).append(query.cursor().inclusive()
                    ? Keyset.atOrAfter(query.sortKeysWithId(), query.cursor().values())
                    : Keyset.after(query.sortKeysWithId(), query.cursor().values()));
        }
        return where;
    }

    private static Sql and(Sql where) {
        if (!where.isEmpty()) {
            where.append(" and ");
        }
        return where;
    }


    /** The feature as GeoJSON text, built by PostgreSQL. */
    Sql featureJson() {
        Sql sql = new Sql().append("json_build_object('type', 'Feature', 'id', " + T + "\"id\", 'geometry', ");
        if (collection.spatial()) {
            String geom = T + SqlIdentifiers.quote(Collection.GEOMETRY_COLUMN);
            if (collection.geometryType().endsWith("Polygon") || collection.geometryType().equals("Geometry")) {
                // RFC 7946: exterior rings counterclockwise. Only polygons: PostGIS 3.3's ST_ForcePolygonCCW reverses lines.
                geom = "case when ST_Dimension(" + geom + ") = 2 then ST_ForcePolygonCCW(" + geom + ") else " + geom + " end";
            }
            sql.append("ST_AsGeoJSON(" + query.crs().fromStorage(geom) + ", " + query.crs().decimals() + ")::json");
        } else {
            sql.append("null");
        }
        sql.append(", 'properties', ").append(propertiesJson()).append(")::text");
        return sql;
    }

    private Sql propertiesJson() {
        List<Property> properties = query.properties();
        Sql extra = extras.properties(query);
        // json_build_object takes at most 100 arguments: 50 properties a call, joined as jsonb if there are more.
        int chunk = 45;
        if (properties.size() <= chunk) {
            Sql sql = new Sql().append("json_build_object(").append(pairs(properties));
            if (!extra.isEmpty()) {
                sql.append(properties.isEmpty() ? "" : ", ").append(extra);
            }
            return sql.append(")");
        }
        Sql sql = new Sql().append("(");
        for (int i = 0; i < properties.size(); i += chunk) {
            sql.append(i > 0 ? " || " : "").append("jsonb_build_object(")
                    .append(pairs(properties.subList(i, Math.min(properties.size(), i + chunk)))).append(")");
        }
        if (!extra.isEmpty()) {
            sql.append(" || jsonb_build_object(").append(extra).append(")");
        }
        return sql.append(")::json");
    }

    private static String pairs(List<Property> properties) {
        StringBuilder s = new StringBuilder();
        for (Property p : properties) {
            if (!s.isEmpty()) {
                s.append(", ");
            }
            s.append("'").append(p.name().replace("'", "''")).append("', ").append(p.sqlName(ALIAS));
        }
        return s.toString();
    }
}
