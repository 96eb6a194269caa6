package org.corridorgis.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.corridorgis.catalog.Catalog;
import org.corridorgis.catalog.Collection;
import org.corridorgis.catalog.DerivedData;
import org.corridorgis.ingest.LoadReport.FileLoad;
import org.corridorgis.ingest.LoadReport.Status;
import org.corridorgis.ingest.TargetTable.Column;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Loads the seed data of {@code geodata/} into PostGIS, driven by the catalogue: for every collection of
 * {@code corridor.collection} in {@code sort_order}, {@code sources.json} or {@code <collection-id>.geojson};
 * {@code route-segments} is computed afterwards by {@code corridor.rebuild_route_segments()}.
 *
 * <p>Validated (structure, ids, properties and their types against the table's columns, geometry validity,
 * SRID, region, cited source ids), versioned (a file whose SHA-256 is unchanged is skipped; a changed file is
 * upserted feature by feature, the history trigger keeping each replaced or removed version) and atomic: the whole
 * load is one transaction, so any problem leaves the database exactly as it was.
 *
 * <p>At start-up it runs after the Flyway migrations and before the web server accepts requests; invalid data
 * stops the start with one line naming file, feature and problem.
 */
@Component
@DependsOnDatabaseInitialization
public class GeodataLoader implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(GeodataLoader.class);

    /** The region every geometry must lie in (as corridor.in_region in V2). */
    static final double MIN_LON = 42.5, MAX_LON = 51.0, MIN_LAT = 37.0, MAX_LAT = 42.5;

    static final String SOURCES = "sources";
    static final String ROUTE_SEGMENTS = "route-segments";
    private static final int BATCH = 200;
    /** Serialises loads of several instances starting at once against one database. */
    private static final long ADVISORY_LOCK = 0x636f72726964L; // "corrid"

    private final JdbcTemplate jdbc;
    /** The same connections, for statements with bind parameters (named: {@code :name}). */
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transactions;
    private final GeodataProperties properties;

    @Autowired
    public GeodataLoader(DataSource dataSource, GeodataProperties properties) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.properties = properties;
    }

    /** A loader for {@link #load(Path)} only (tests, tools): nothing happens at construction. */
    public GeodataLoader(DataSource dataSource) {
        this(dataSource, new GeodataProperties(null, false));
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.enabled()) {
            log.info("geodata: loading disabled (corridor.geodata.enabled=false)");
            return;
        }
        load(properties.dir());
    }

    /**
     * Loads one geodata directory in one transaction.
     *
     * @throws GeodataException on invalid data; the transaction was rolled back
     */
    public LoadReport load(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            log.warn("geodata: directory {} does not exist; nothing loaded (set corridor.geodata.dir / CORRIDOR_GEODATA_DIR)", abs);
            return LoadReport.nothing(abs);
        }
        long start = System.nanoTime();
        LoadReport report = transactions.execute(status -> loadInTransaction(abs, status, start));
        log.info("geodata: {} loaded in {} ms ({} row changes)", abs, report.millis(), report.totalChanges());
        return report;
    }

    // ------------------------------------------------------------------------------------------ the transaction

    private record Entry(String collectionId, String table, String geometryType) {
    }

    private LoadReport loadInTransaction(Path dir, TransactionStatus status, long start) {
        // the pool's connections carry the request statement timeout; loading the seed data is not a request
        jdbc.execute("SET LOCAL statement_timeout = 0");
        named.queryForList("SELECT pg_advisory_xact_lock(:lock)", Map.of("lock", ADVISORY_LOCK));
        List<Entry> catalogue = jdbc.query(
                "SELECT id, table_name, geometry_type FROM corridor.collection ORDER BY sort_order, id",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3)));
        warnAboutStrayFiles(dir, catalogue);

        Map<String, Collection> described = new HashMap<>();
        Catalog.read(JdbcClient.create(jdbc)).forEach(c -> described.put(c.id(), c));

        List<FileLoad> files = new ArrayList<>();
        List<TargetTable> tables = new ArrayList<>();
        Map<String, String> fileOfTable = new HashMap<>();
        boolean anyChange = false;
        for (Entry e : catalogue) {
            if (e.collectionId().equals(ROUTE_SEGMENTS)) {
                continue;
            }
            String file = fileName(e.collectionId());
            fileOfTable.put(e.table(), file);
            Collection collection = described.get(e.collectionId());
            if (collection == null) {
                throw new GeodataException(null, null, "collection '" + e.collectionId() + "' names table " + TargetTable.SCHEMA
                        + "." + e.table() + ", which does not exist");
            }
            TargetTable table = TargetTable.of(collection, e.geometryType());
            tables.add(table);
            Path path = dir.resolve(file);
            if (!Files.isRegularFile(path)) {
                log.info("geodata: {} — absent, collection {} left as it is", file, e.collectionId());
                files.add(new FileLoad(file, e.collectionId(), Status.ABSENT, 0, 0, 0, 0, 0));
                continue;
            }
            FileLoad loaded = loadFile(path, file, table, status);
            files.add(loaded);
            anyChange |= loaded.status() == Status.LOADED;
        }
        if (anyChange) {
            checkSourcesCited(tables, fileOfTable);
        }
        int segments = -1;
        if (anyChange && catalogue.stream().anyMatch(e -> e.collectionId().equals(ROUTE_SEGMENTS))) {
            long t0 = System.nanoTime();
            try {
                segments = jdbc.queryForObject(DerivedData.ROUTE_SEGMENTS.rebuildSql(), Integer.class);
            } catch (DataAccessException ex) {
                throw new GeodataException(ROUTE_SEGMENTS, null, "corridor.rebuild_route_segments() failed: "
                        + sqlMessage(ex), ex);
            }
            log.info("geodata: route-segments — {} segments computed in {} ms", segments, millisSince(t0));
        }
        if (anyChange) {
            long t0 = System.nanoTime();
            try {
                int pieces = jdbc.queryForObject(DerivedData.EXPOSURE_ZONES.rebuildSql(), Integer.class);
                log.info("geodata: exposure zones — {} pieces computed in {} ms", pieces, millisSince(t0));
            } catch (DataAccessException ex) {
                throw new GeodataException(null, null, "corridor.rebuild_exposure_zones() failed: " + sqlMessage(ex), ex);
            }
        }
        try {
            jdbc.execute("SET CONSTRAINTS ALL IMMEDIATE"); // deferred foreign keys fail here, inside the load
        } catch (DataAccessException ex) {
            String table = serverMessage(ex) == null ? null : serverMessage(ex).getTable();
            throw new GeodataException(table == null ? null : fileOfTable.getOrDefault(table, table), null,
                    sqlMessage(ex), ex);
        }
        return new LoadReport(dir, List.copyOf(files), segments, millisSince(start));
    }

    static String fileName(String collectionId) {
        return collectionId.equals(SOURCES) ? "sources.json" : collectionId + ".geojson";
    }

    private void warnAboutStrayFiles(Path dir, List<Entry> catalogue) {
        Set<String> expected = new HashSet<>();
        catalogue.forEach(e -> expected.add(fileName(e.collectionId())));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{geojson,json}")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!expected.contains(name)) {
                    log.warn("geodata: {} is not the file of any collection; ignored", name);
                }
            }
        } catch (IOException e) {
            throw new GeodataException(null, null, "cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------------ one file

    private FileLoad loadFile(Path path, String file, TargetTable table, TransactionStatus status) {
        long t0 = System.nanoTime();
        String sha = sha256(path, file);
        List<Map<String, Object>> recorded = named.queryForList(
                "SELECT sha256, features FROM corridor.geodata_file WHERE name = :name", Map.of("name", file));
        if (!recorded.isEmpty() && sha.equals(recorded.get(0).get("sha256"))) {
            int features = ((Number) recorded.get(0).get("features")).intValue();
            Integer rows = jdbc.queryForObject("SELECT count(*)::int FROM " + table.qualified(), Integer.class);
            if (rows != null && rows == features) {
                log.info("geodata: {} — unchanged ({})", file, features(features));
                return new FileLoad(file, table.collectionId(), Status.UNCHANGED, features, 0, 0, 0, millisSince(t0));
            }
        }

        Set<String> existing = new HashSet<>(jdbc.queryForList("SELECT " + TargetTable.quote(table.id().name())
                + "::text FROM " + table.qualified(), String.class));
        FileState state = new FileState(file, table, table.propertyColumns(), existing, status);
        int features = table.collectionId().equals(SOURCES)
                ? GeoJsonReader.readObjectArray(path, file, state::accept)
                : GeoJsonReader.readFeatureCollection(path, file, state::accept);
        state.flush();

        // no DELETE statement when nothing is gone (statement-level triggers would count it as a change)
        boolean anyGone = existing.stream().anyMatch(id -> !state.ids.contains(id));
        int removed = anyGone ? removeMissing(table, state.ids) : 0;
        named.update("""
                INSERT INTO corridor.geodata_file (name, sha256, features) VALUES (:name, :sha256, :features)
                ON CONFLICT (name) DO UPDATE SET sha256 = EXCLUDED.sha256, features = EXCLUDED.features, loaded_at = now()
                """, Map.of("name", file, "sha256", sha, "features", features));
        long ms = millisSince(t0);
        log.info("geodata: {} — {} ({} changed, {} removed) in {} ms", file, features(features), state.changed, removed, ms);
        return new FileLoad(file, table.collectionId(), Status.LOADED, features, state.added, state.changed, removed, ms);
    }

    /** Collects the rows of one file and writes them in batches. */
    private final class FileState {
        final String file;
        final TargetTable table;
        final List<Column> columns;
        final Set<String> existing;
        final TransactionStatus status;
        final String upsert;
        final Set<String> ids = new HashSet<>();
        final List<FeatureRow> pending = new ArrayList<>();
        int added;
        int changed;

        FileState(String file, TargetTable table, List<Column> columns, Set<String> existing, TransactionStatus status) {
            this.file = file;
            this.table = table;
            this.columns = columns;
            this.existing = existing;
            this.status = status;
            this.upsert = table.upsertSql();
        }

        void accept(int index, JsonNode feature) {
            FeatureRow row = FeatureRow.from(file, table, columns, index, feature);
            if (!ids.add(row.id())) {
                throw new GeodataException(file, row.id(), "duplicate id (feature #" + (index + 1) + ")");
            }
            pending.add(row);
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            if (table.spatial()) {
                checkGeometries(file, table, pending, status);
            }
            int[] counts = upsertBatch();
            for (int i = 0; i < pending.size(); i++) {
                if (counts[i] != 0) {
                    changed++;
                    if (!existing.contains(pending.get(i).id())) {
                        added++;
                    }
                }
            }
            pending.clear();
        }

        /** One JDBC batch; if PostgreSQL refuses it, the rows are replayed one by one to name the feature. */
        private int[] upsertBatch() {
            Object savepoint = status.createSavepoint();
            try {
                int[] counts = named.batchUpdate(upsert,
                        pending.stream().map(row -> row.params(table, columns)).toArray(SqlParameterSource[]::new));
                status.releaseSavepoint(savepoint);
                return counts;
            } catch (DataAccessException batchFailure) {
                status.rollbackToSavepoint(savepoint);
                int[] counts = new int[pending.size()];
                for (int i = 0; i < pending.size(); i++) {
                    FeatureRow row = pending.get(i);
                    try {
                        counts[i] = named.update(upsert, row.params(table, columns));
                    } catch (DataAccessException ex) {
                        throw new GeodataException(file, row.id(), sqlMessage(ex), ex);
                    }
                }
                return counts; // the batch failed but no single row did: accept the replay
            }
        }
    }

    // ------------------------------------------------------------------------------------------ geometry checks

    private static final String GEOMETRY_CHECK = """
            SELECT i, ST_SRID(g) AS srid, GeometryType(g) AS type, ST_Zmflag(g) AS zm, ST_IsEmpty(g) AS empty,
                   d.valid, d.reason || coalesce(' at ' || ST_AsText(d.location), '') AS reason,
                   ST_XMin(g) AS xmin, ST_YMin(g) AS ymin, ST_XMax(g) AS xmax, ST_YMax(g) AS ymax
              FROM (SELECT i, ST_GeomFromGeoJSON(j) AS g
                      FROM unnest(CAST(:geometries AS text[])) WITH ORDINALITY AS u(j, i)) s
             CROSS JOIN LATERAL ST_IsValidDetail(g) d
             ORDER BY i
            """;

    /** Parses, validates and locates the geometries of a batch in PostGIS, naming the first bad feature. */
    private void checkGeometries(String file, TargetTable table, List<FeatureRow> rows, TransactionStatus status) {
        List<FeatureRow> spatial = rows.stream().filter(r -> r.geometry() != null).toList();
        if (spatial.isEmpty()) {
            return;
        }
        String[] texts = spatial.stream().map(FeatureRow::geometry).toArray(String[]::new);
        Object savepoint = status.createSavepoint();
        List<Map<String, Object>> results;
        try {
            results = jdbc.execute((ConnectionCallback<List<Map<String, Object>>>) con -> {
                Array array = con.createArrayOf("text", texts);
                try {
                    return named.queryForList(GEOMETRY_CHECK, Map.of("geometries", array));
                } finally {
                    array.free();
                }
            });
            status.releaseSavepoint(savepoint);
        } catch (DataAccessException batchFailure) {
            // a geometry PostGIS cannot even parse: find which one
            status.rollbackToSavepoint(savepoint);
            for (FeatureRow row : spatial) {
                Object sp = status.createSavepoint();
                try {
                    named.queryForObject("SELECT ST_GeomFromGeoJSON(CAST(:geometry AS text)) IS NOT NULL",
                            Map.of("geometry", row.geometry()), Boolean.class);
                    status.releaseSavepoint(sp);
                } catch (DataAccessException ex) {
                    status.rollbackToSavepoint(sp);
                    throw new GeodataException(file, row.id(), "invalid geometry: " + sqlMessage(ex), ex);
                }
            }
            throw new GeodataException(file, null, "invalid geometry: " + sqlMessage(batchFailure), batchFailure);
        }
        String expected = table.geom().geometryType();
        for (Map<String, Object> r : results) {
            FeatureRow row = spatial.get(((Number) r.get("i")).intValue() - 1);
            String id = row.id();
            int srid = ((Number) r.get("srid")).intValue();
            if (srid != 0 && srid != 4326) {
                throw new GeodataException(file, id, "wrong SRID " + srid + "; GeoJSON must be in EPSG:4326");
            }
            String type = (String) r.get("type");
            if (expected != null && !expected.equalsIgnoreCase("Geometry") && !type.equalsIgnoreCase(expected)
                    && !(table.geom().multiGeometry() && ("MULTI" + type).equalsIgnoreCase(expected))) {
                throw new GeodataException(file, id, "geometry type " + type + " where " + table.collectionId()
                        + " needs " + expected);
            }
            if (((Number) r.get("zm")).intValue() != 0) {
                throw new GeodataException(file, id, "geometry has Z or M coordinates; only 2D longitude/latitude is stored");
            }
            if (Boolean.TRUE.equals(r.get("empty"))) {
                throw new GeodataException(file, id, "empty geometry");
            }
            if (!Boolean.TRUE.equals(r.get("valid"))) {
                throw new GeodataException(file, id, "invalid geometry: " + r.get("reason"));
            }
            double xmin = ((Number) r.get("xmin")).doubleValue(), ymin = ((Number) r.get("ymin")).doubleValue();
            double xmax = ((Number) r.get("xmax")).doubleValue(), ymax = ((Number) r.get("ymax")).doubleValue();
            String box = String.format(Locale.ROOT, "lon %.4f..%.4f, lat %.4f..%.4f", xmin, xmax, ymin, ymax);
            if (xmin < -180 || xmax > 180 || ymin < -90 || ymax > 90) {
                throw new GeodataException(file, id, "wrong SRID: coordinates (" + box
                        + ") are not longitude/latitude degrees; GeoJSON must be in EPSG:4326");
            }
            if (xmin < MIN_LON || xmax > MAX_LON || ymin < MIN_LAT || ymax > MAX_LAT) {
                throw new GeodataException(file, id, "coordinates outside the region (" + box + "; allowed lon "
                        + MIN_LON + "–" + MAX_LON + ", lat " + MIN_LAT + "–" + MAX_LAT + ")");
            }
        }
    }

    // ------------------------------------------------------------------------------------------ after the files

    private int removeMissing(TargetTable table, Set<String> ids) {
        return jdbc.execute((ConnectionCallback<Integer>) con -> {
            Array array = con.createArrayOf("text", ids.toArray());
            try {
                return named.update("DELETE FROM " + table.qualified() + " WHERE NOT ("
                        + TargetTable.quote(table.id().name()) + "::text = ANY (:ids))", Map.of("ids", array));
            } finally {
                array.free();
            }
        });
    }

    /** Every id in a "sources" column must exist in corridor.sources (checked once sources are loaded). */
    private void checkSourcesCited(List<TargetTable> tables, Map<String, String> fileOfTable) {
        for (TargetTable t : tables) {
            Column sources = t.properties().get("sources");
            if (t.collectionId().equals(SOURCES) || sources == null || sources.kind() != TargetTable.Kind.ARRAY) {
                continue;
            }
            List<Map<String, Object>> missing = jdbc.queryForList("SELECT t." + TargetTable.quote(t.id().name())
                    + "::text AS id, s.src FROM " + t.qualified() + " t CROSS JOIN LATERAL unnest(t.\"sources\") AS s(src)"
                    + " WHERE NOT EXISTS (SELECT 1 FROM corridor.sources x WHERE x.id = s.src)"
                    + " ORDER BY 1, 2 LIMIT 11");
            if (!missing.isEmpty()) {
                Map<String, Object> first = missing.get(0);
                String more = missing.size() > 1 ? " (and " + (missing.size() > 10 ? "more than 9" : missing.size() - 1)
                        + " more unknown citations in this file)" : "";
                throw new GeodataException(fileOfTable.get(t.table()), (String) first.get("id"),
                        "unknown source id \"" + first.get("src") + "\" (not in sources.json)" + more);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    static String sha256(Path path, String file) {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new GeodataException(file, null, "cannot read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServerErrorMessage serverMessage(DataAccessException ex) {
        Throwable t = ex;
        while (t != null) {
            if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
                return p.getServerErrorMessage();
            }
            if (t instanceof SQLException s && s.getNextException() instanceof PSQLException p
                    && p.getServerErrorMessage() != null) {
                return p.getServerErrorMessage();
            }
            t = t.getCause();
        }
        return null;
    }

    /** PostgreSQL's own words (message and detail), on one line. */
    static String sqlMessage(DataAccessException ex) {
        ServerErrorMessage m = serverMessage(ex);
        String text;
        if (m != null) {
            text = m.getMessage() + (m.getDetail() == null ? "" : " (" + m.getDetail() + ")");
        } else {
            Throwable root = ex.getMostSpecificCause();
            text = root.getMessage() == null ? root.toString() : root.getMessage();
        }
        return text.replaceAll("\\s+", " ").trim();
    }

    private static String features(int n) {
        return n + (n == 1 ? " feature" : " features");
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
