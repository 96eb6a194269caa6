package org.corridorgis.features;

import java.util.List;
import java.util.Map;

import org.corridorgis.catalog.Collection;
import org.corridorgis.catalog.Property;
import org.corridorgis.catalog.SqlIdentifiers;
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
        sql.append(" limit ?", query.limit() + 1);
        if (offset) {
            sql.append(" offset ?", query.offset()).append(") " + ALIAS + order);
        }
        return sql;
    }

    /** numberMatched: the same conditions without the page position. */
    Sql count() {
        Sql sql = new Sql().append("select count(*) from " + collection.sqlTable() + " " + ALIAS);
        Sql where = where(false);
        if (!where.isEmpty()) {
            sql.append(" where ").append(where);
        }
        return sql;
    }

    /**
     * The row {@code rowsBack} rows before the one at {@code firstRowKeys}, walking back in reverse order over
     * the keys alone (an index scan when sorted by id): with a page's length, the start of the previous page.
     */
    Sql previousPageStart(List<String> firstRowKeys, int rowsBack) {
        List<SortKey> keys = query.sortKeysWithId();
        Sql sql = new Sql().append("select ");
        for (int i = 0; i < keys.size(); i++) {
            sql.append((i > 0 ? ", " : "") + keys.get(i).property().sqlName(ALIAS) + "::text as k" + i);
        }
        sql.append(" from " + collection.sqlTable() + " " + ALIAS + " where ");
        Sql where = where(false);
        if (!where.isEmpty()) {
            sql.append(where).append(" and ");
        }
        sql.append(Keyset.before(keys, firstRowKeys));
        sql.append(" order by " + String.join(", ", keys.stream().map(k -> Keyset.reversedOrder(k, ALIAS)).toList()));
        sql.append(" offset ? limit 1", rowsBack - 1);
        return sql;
    }

    private Sql where(boolean withCursor) {
        Sql where = new Sql();
        if (query.bbox() != null) {
            and(where).append(T + SqlIdentifiers.quote(Collection.GEOMETRY_COLUMN) + " && " + query.bbox().sql()
                    + " and ST_Intersects(" + T + SqlIdentifiers.quote(Collection.GEOMETRY_COLUMN) + ", " + query.bbox().sql() + ")",
                    concat(query.bbox().params(), query.bbox().params()));
        }
        if (query.datetime() != null) {
            and(where).append(query.datetime().sql(T + "\"valid_from\"", T + "\"valid_to\""), query.datetime().params());
        }
        for (Map.Entry<Property, String> e : query.equalTo().entrySet()) {
            Property p = e.getKey();
            if (p.type() == QueryableType.STRING_ARRAY) {
                and(where).append("? = any(" + p.sqlName(ALIAS) + ")", e.getValue());
            } else {
                and(where).append(p.sqlName(ALIAS) + " = cast(? as " + p.pgType() + ")", e.getValue());
            }
        }
        if (query.filter() != null) {
            and(where).appendAll("(" + query.filter().sql() + ")", query.filter().params());
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

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = new Object[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The feature as GeoJSON text, built by PostgreSQL. */
    Sql featureJson() {
        Sql sql = new Sql().append("json_build_object('type', 'Feature', 'id', " + T + "\"id\", 'geometry', ");
        if (collection.spatial()) {
            String geom = T + SqlIdentifiers.quote(Collection.GEOMETRY_COLUMN);
            if (collection.geometryType().endsWith("Polygon")) {
                geom = "ST_ForcePolygonCCW(" + geom + ")"; // RFC 7946: exterior rings counterclockwise
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
