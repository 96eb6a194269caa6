package org.corridorgis.catalog;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.corridorgis.filter.QueryableType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The collections the service publishes, read from {@code corridor.collection} and the tables' own column
 * definitions. This is the gate: a collection id, a property name in {@code properties}, {@code sortby}, a
 * simple filter or CQL2 reaches SQL only after it has been found here.
 *
 * <p>The catalogue mirrors the database schema, which only migrations change. It is read from the database
 * and kept for a few seconds ({@code corridor.catalog.refresh}), so a collection added by a migration on the
 * shared database appears on every instance shortly after, with no coordination between instances.
 */
@Service
public class Catalog {

    private static final String COLLECTIONS_SQL = """
            select c.id, c.table_name, c.title, c.description, c.geometry_type, c.sort_order, c.tile_minzoom, c.regimes, c.rebuilds,
                   case when k.relkind in ('r', 'm') then pg_relation_size(k.oid) else -1 end as table_bytes,
                   a.attname as column_name, format_type(a.atttypid, a.atttypmod) as column_type,
                   t.typcategory as category, et.typname as element_type, t.typname as type_name,
                   a.attnotnull as not_null, a.attgenerated <> '' as generated,
                   case when a.atthasdef and a.attgenerated = '' then pg_get_expr(d.adbin, d.adrelid) end as default_expr,
                   case when t.typname = 'geometry' and a.atttypmod <> -1 then postgis_typmod_type(a.atttypmod) end as geometry_type_of_column,
                   col_description(a.attrelid, a.attnum) as comment
              from corridor.collection c
              join pg_class k on k.relname = c.table_name
              join pg_namespace n on n.oid = k.relnamespace and n.nspname = 'corridor'
              join pg_attribute a on a.attrelid = k.oid and a.attnum > 0 and not a.attisdropped
              join pg_type t on t.oid = a.atttypid
              left join pg_type et on et.oid = t.typelem and t.typcategory = 'A'
              left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
             order by c.sort_order, c.id, a.attnum
            """;

    private final JdbcClient jdbc;
    private final long refreshNanos;
    private volatile Snapshot snapshot;
    /** Whether a request is reading the catalogue again (the others keep to the kept reading meanwhile). */
    private final AtomicBoolean reading = new AtomicBoolean();

    public Catalog(JdbcClient jdbc, CatalogProperties properties) {
        this.jdbc = jdbc;
        this.refreshNanos = properties.refresh().toNanos();
    }

    private static final String HISTORY_TABLES_SQL = """
            select c.id from corridor.collection c
             where to_regclass(format('corridor.%I', c.table_name || '_history')) is not null
            """;

    private record Snapshot(List<Collection> collections, Set<String> withHistory, long readAt) {
    }

    public List<Collection> collections() {
        return current().collections();
    }

    /**
     * The kept reading, read again when it is older than the refresh time. One request reads it again while the
     * others go on with the kept one: under load every request would otherwise find it old at the same moment and
     * read it too (at concurrency 64 and a refresh of 1 s, 19 readings of 10 ms each a second, a tenth of two cores).
     * With no reading yet, or a refresh time of zero, each caller reads.
     */
    private Snapshot current() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s == null || refreshNanos == 0) {
            return readNow(now);
        }
        if (now - s.readAt() > refreshNanos && reading.compareAndSet(false, true)) {
            try {
                Snapshot latest = snapshot;
                long started = System.nanoTime();
                // another request may have read it between this one's look and its turn
                return started - latest.readAt() <= refreshNanos ? latest : readNow(started);
            } finally {
                reading.set(false);
            }
        }
        return s;
    }

    private Snapshot readNow(long now) {
        Snapshot s = new Snapshot(read(jdbc), Set.copyOf(jdbc.sql(HISTORY_TABLES_SQL).query(String.class).list()), now);
        snapshot = s;
        return s;
    }

    /** Whether the collection's table keeps its old versions (a {@code <table>_history} table beside it). */
    public boolean keepsHistory(Collection collection) {
        return current().withHistory().contains(collection.id());
    }

    /** Forgets what was read, so the next call reads the schema again (after DDL in the same process). */
    public void refresh() {
        snapshot = null;
    }

    /**
     * Reads the collections and their columns as they are now, within the caller's transaction if it has one
     * (the seed-data loader reads them this way inside its own); every other reader uses the kept reading.
     */
    public static List<Collection> read(JdbcClient jdbc) {
        Map<String, CollectionBuilder> builders = new LinkedHashMap<>();
        jdbc.sql(COLLECTIONS_SQL).query(rs -> {
            CollectionBuilder b = builders.computeIfAbsent(rs.getString("id"), id -> {
                try {
                    return new CollectionBuilder(id, rs.getString("table_name"), rs.getString("title"),
                            rs.getString("description"), rs.getString("geometry_type"), rs.getInt("sort_order"),
                            rs.getInt("tile_minzoom"), rs.getLong("table_bytes"),
                            RegimeCarrier.of(rs.getString("regimes")), rebuilds(rs.getArray("rebuilds")));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            String column = rs.getString("column_name");
            Property p = new Property(column, rs.getString("column_type"),
                    classify(rs.getString("type_name"), rs.getString("category"), rs.getString("element_type")),
                    new Property.Column(rs.getString("type_name"), rs.getString("element_type"), rs.getBoolean("not_null"),
                            rs.getBoolean("generated"), rs.getString("default_expr"), rs.getString("geometry_type_of_column"),
                            rs.getString("comment")));
            if (column.equals(Collection.ID_COLUMN)) {
                b.idProperty = p;
            } else {
                b.properties.add(p);
            }
        });
        return builders.values().stream().map(CollectionBuilder::build).toList();
    }

    private static Set<DerivedData> rebuilds(java.sql.Array names) throws java.sql.SQLException {
        Set<DerivedData> sets = EnumSet.noneOf(DerivedData.class);
        for (Object name : (Object[]) names.getArray()) {
            sets.add(DerivedData.of((String) name));
        }
        return sets;
    }

    public Optional<Collection> collection(String id) {
        return collections().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Collection require(String id) {
        return collection(id).orElseThrow(() -> new UnknownCollectionException(id, collections().stream().map(Collection::id).toList()));
    }

    public static QueryableType classify(String typeName, String category, String elementType) {
        if ("A".equals(category)) {
            return QueryableType.STRING_ARRAY;
        }
        return switch (typeName) {
            case "geometry", "geography" -> QueryableType.GEOMETRY;
            case "int2", "int4", "int8" -> QueryableType.INTEGER;
            case "numeric", "float4", "float8" -> QueryableType.NUMBER;
            case "bool" -> QueryableType.BOOLEAN;
            case "date" -> QueryableType.DATE;
            case "timestamptz", "timestamp" -> QueryableType.TIMESTAMP;
            case "json", "jsonb" -> QueryableType.JSON;
            default -> QueryableType.STRING;
        };
    }

    private static final class CollectionBuilder {
        final String id, table, title, description, geometryType;
        final int sortOrder;
        final int tileMinZoom;
        final long tableBytes;
        final RegimeCarrier regimes;
        final Set<DerivedData> rebuilds;
        final List<Property> properties = new ArrayList<>();
        Property idProperty;

        CollectionBuilder(String id, String table, String title, String description, String geometryType, int sortOrder,
                          int tileMinZoom, long tableBytes, RegimeCarrier regimes, Set<DerivedData> rebuilds) {
            this.tileMinZoom = tileMinZoom;
            this.rebuilds = rebuilds;
            this.tableBytes = tableBytes;
            this.regimes = regimes;
            this.id = id;
            this.table = table;
            this.title = title;
            this.description = description;
            this.geometryType = geometryType;
            this.sortOrder = sortOrder;
        }

        Collection build() {
            return new Collection(id, table, title, description, geometryType, sortOrder, properties, tileMinZoom, idProperty, tableBytes, regimes, rebuilds);
        }
    }
}
