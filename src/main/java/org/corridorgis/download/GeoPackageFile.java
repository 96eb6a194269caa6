package org.corridorgis.download;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.corridorgis.catalog.SqlIdentifiers;
import org.corridorgis.features.DownloadColumn;
import org.corridorgis.features.DownloadSink;

/**
 * A GeoPackage 1.3 (OGC 12-128r18) written with SQLite JDBC into a file: the required tables
 * ({@code gpkg_spatial_ref_sys}, {@code gpkg_contents}, {@code gpkg_geometry_columns}), one feature table per
 * layer (or an attributes table for data without geometry), each row inserted as the cursor delivers it, in
 * batches inside one transaction. Geometries are PostGIS WKB behind the GeoPackage binary header.
 */
final class GeoPackageFile implements AutoCloseable {

    /** "GPKG" as the SQLite application id, and version 1.3.0 as user_version (spec 1.1.1.1.1). */
    private static final int APPLICATION_ID = 0x47504B47;
    private static final int USER_VERSION = 10300;
    private static final int BATCH = 1000;

    private final Connection db;
    private final String lastChange;

    GeoPackageFile(Path file, String lastChange) throws SQLException {
        this.lastChange = lastChange;
        this.db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = db.createStatement()) {
            s.execute("pragma application_id = " + APPLICATION_ID);
            s.execute("pragma user_version = " + USER_VERSION);
            s.execute("pragma journal_mode = off"); // a new file nobody else reads until it is complete
            s.execute("pragma synchronous = off");
            s.execute("""
                    create table gpkg_spatial_ref_sys (srs_name text not null, srs_id integer primary key,
                      organization text not null, organization_coordsys_id integer not null, definition text not null,
                      description text)""");
            s.execute("""
                    create table gpkg_contents (table_name text not null primary key, data_type text not null,
                      identifier text unique, description text default '',
                      last_change datetime not null default (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                      min_x double, min_y double, max_x double, max_y double, srs_id integer,
                      constraint fk_gc_r_srs_id foreign key (srs_id) references gpkg_spatial_ref_sys(srs_id))""");
            s.execute("""
                    create table gpkg_geometry_columns (table_name text not null, column_name text not null,
                      geometry_type_name text not null, srs_id integer not null, z tinyint not null, m tinyint not null,
                      constraint pk_geom_cols primary key (table_name, column_name),
                      constraint fk_gc_tn foreign key (table_name) references gpkg_contents(table_name),
                      constraint fk_gc_srs foreign key (srs_id) references gpkg_spatial_ref_sys (srs_id))""");
            s.execute("insert into gpkg_spatial_ref_sys values ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', null)");
            s.execute("insert into gpkg_spatial_ref_sys values ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', null)");
        }
        db.setAutoCommit(false);
    }

    /** Declares a coordinate reference system by its EPSG code and WKT (as PostGIS's spatial_ref_sys has it). */
    void spatialReferenceSystem(int srid, String name, String wkt) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("insert or ignore into gpkg_spatial_ref_sys values (?, ?, 'EPSG', ?, ?, null)")) {
            p.setString(1, name);
            p.setInt(2, srid);
            p.setInt(3, srid);
            p.setString(4, wkt);
            p.executeUpdate();
        }
    }

    /**
     * A layer fed by the items query: a feature table with geometry column {@code geom} when
     * {@code geometryType} is given (a GeoJSON type name), else an attributes table.
     */
    Layer layer(String table, String title, String description, String geometryType, int srid) {
        return new Layer(table, title, description, geometryType, srid);
    }

    /** A small table of text written at once: the export's metadata. */
    void attributes(String table, String description, List<String> columns, List<List<String>> rows) throws SQLException {
        StringBuilder ddl = new StringBuilder("create table " + SqlIdentifiers.quote(table) + " (fid integer primary key autoincrement");
        columns.forEach(c -> ddl.append(", ").append(SqlIdentifiers.quote(c)).append(" text"));
        try (Statement s = db.createStatement()) {
            s.execute(ddl.append(")").toString());
        }
        contents(table, "attributes", table, description, null);
        String insert = "insert into " + SqlIdentifiers.quote(table) + " (" + String.join(", ", columns.stream().map(SqlIdentifiers::quote).toList())
                + ") values (" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        try (PreparedStatement p = db.prepareStatement(insert)) {
            for (List<String> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    p.setString(i + 1, row.get(i));
                }
                p.executeUpdate();
            }
        }
    }

    private void contents(String table, String dataType, String identifier, String description, Integer srid) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "insert into gpkg_contents (table_name, data_type, identifier, description, last_change, srs_id) values (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, table);
            p.setString(2, dataType);
            p.setString(3, identifier);
            p.setString(4, description == null ? "" : description);
            p.setString(5, lastChange);
            if (srid == null) {
                p.setNull(6, Types.INTEGER);
            } else {
                p.setInt(6, srid);
            }
            p.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            db.commit();
        } finally {
            db.close();
        }
    }

    /** The GeoPackage binary header (spec 2.1.3): "GP", version 0, flags (little-endian, no envelope), srs id. */
    static byte[] geometry(byte[] wkb, int srid) {
        ByteBuffer b = ByteBuffer.allocate(8 + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 0b0000_0001).putInt(srid).put(wkb);
        return b.array();
    }

    final class Layer implements DownloadSink {

        private final String table;
        private final String title;
        private final String description;
        private final String geometryType;
        private final int srid;
        private List<DownloadColumn> columns;
        private PreparedStatement insert;
        private int pending;

        private Layer(String table, String title, String description, String geometryType, int srid) {
            this.table = table;
            this.title = title;
            this.description = description;
            this.geometryType = geometryType;
            this.srid = srid;
        }

        @Override
        public void start(List<DownloadColumn> columns) throws SQLException {
            this.columns = columns;
            List<String> names = new ArrayList<>();
            StringBuilder ddl = new StringBuilder("create table " + SqlIdentifiers.quote(table) + " (fid integer primary key autoincrement");
            if (geometryType != null) {
                ddl.append(", geom ").append(geometryType.toUpperCase());
                names.add("geom");
            }
            ddl.append(", \"id\" text not null");
            names.add("id");
            for (DownloadColumn c : columns) {
                ddl.append(", ").append(SqlIdentifiers.quote(c.name())).append(' ').append(TYPES.get(c.kind()));
                names.add(c.name());
            }
            try (Statement s = db.createStatement()) {
                s.execute(ddl.append(")").toString());
            }
            contents(table, geometryType != null ? "features" : "attributes", title, description, geometryType != null ? srid : null);
            if (geometryType != null) {
                try (PreparedStatement p = db.prepareStatement("insert into gpkg_geometry_columns values (?, 'geom', ?, ?, 0, 0)")) {
                    p.setString(1, table);
                    p.setString(2, geometryType.toUpperCase());
                    p.setInt(3, srid);
                    p.executeUpdate();
                }
            }
            insert = db.prepareStatement("insert into " + SqlIdentifiers.quote(table) + " ("
                    + String.join(", ", names.stream().map(SqlIdentifiers::quote).toList()) + ") values ("
                    + String.join(", ", names.stream().map(n -> "?").toList()) + ")");
        }

        @Override
        public void row(ResultSet row) throws SQLException {
            int i = 1;
            if (geometryType != null) {
                byte[] wkb = row.getBytes(2);
                if (wkb == null) {
                    insert.setNull(i++, Types.BLOB);
                } else {
                    insert.setBytes(i++, geometry(wkb, srid));
                }
            }
            insert.setString(i++, row.getString(1));
            for (int c = 0; c < columns.size(); c++, i++) {
                int at = 3 + c;
                switch (columns.get(c).kind()) {
                    case INTEGER -> {
                        long v = row.getLong(at);
                        if (row.wasNull()) insert.setNull(i, Types.INTEGER); else insert.setLong(i, v);
                    }
                    case REAL -> {
                        double v = row.getDouble(at);
                        if (row.wasNull()) insert.setNull(i, Types.REAL); else insert.setDouble(i, v);
                    }
                    case BOOLEAN -> {
                        boolean v = row.getBoolean(at);
                        if (row.wasNull()) insert.setNull(i, Types.INTEGER); else insert.setInt(i, v ? 1 : 0);
                    }
                    default -> insert.setString(i, row.getString(at));
                }
            }
            insert.addBatch();
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }

        void finish() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
            }
            insert.close();
        }
    }

    private static final Map<DownloadColumn.Kind, String> TYPES = Map.of(
            DownloadColumn.Kind.TEXT, "TEXT", DownloadColumn.Kind.INTEGER, "INTEGER", DownloadColumn.Kind.REAL, "REAL",
            DownloadColumn.Kind.BOOLEAN, "BOOLEAN", DownloadColumn.Kind.DATE, "DATE", DownloadColumn.Kind.DATETIME, "DATETIME");
}
