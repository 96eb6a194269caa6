package org.corridorgis.download;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.corridorgis.catalog.Collection;
import org.corridorgis.crs.SupportedCrs;
import org.corridorgis.features.GeometryEncoding;
import org.corridorgis.features.ItemsDownloads;
import org.corridorgis.features.ItemsQuery;
import org.corridorgis.features.ItemsService;
import org.corridorgis.web.DataVersion;
import org.corridorgis.web.OutputFormat;
import org.corridorgis.web.ResponseCompression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A collection's items as a file: each format is a writer fed by the one items query ({@link ItemsService}),
 * so filter, bbox, datetime, scenario, crs, limit and paging mean what they mean for GeoJSON. CSV, KML and
 * FlatGeobuf stream to the client as rows arrive; a GeoPackage is an SQLite database, so it is written to a
 * temporary file, sent, and removed.
 */
@Component
class DownloadWriters implements ItemsDownloads {

    static final DateTimeFormatter GPKG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private final ItemsService items;
    private final DataVersion versions;
    private final JdbcClient jdbc;

    DownloadWriters(ItemsService items, DataVersion versions, JdbcClient jdbc) {
        this.items = items;
        this.versions = versions;
        this.jdbc = jdbc;
    }

    @Override
    public void write(ItemsQuery query, HttpServletRequest request, HttpServletResponse response) throws Exception {
        Collection c = query.collection();
        OutputFormat format = query.format();
        boolean text = format == OutputFormat.CSV || format == OutputFormat.KML;
        response.setContentType(format.mediaType() + (text ? ";charset=UTF-8" : ""));
        response.setHeader("Content-Disposition", "attachment; filename=\"" + c.id() + "." + format.extension() + "\"");
        if (c.spatial()) {
            response.setHeader("Content-Crs", "<" + (format == OutputFormat.KML ? SupportedCrs.CRS84 : query.crs()).uri() + ">");
        }
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        try {
            switch (format) {
                case CSV -> {
                    OutputStream out = ResponseCompression.body(request, response);
                    CsvFile csv = new CsvFile(out, c.spatial());
                    items.streamDownload(query, GeometryEncoding.WKT, csv);
                    csv.finish();
                    out.close();
                }
                case KML -> {
                    OutputStream out = ResponseCompression.body(request, response);
                    KmlFile kml = new KmlFile(out, c.id(), c.title());
                    items.streamDownload(query, GeometryEncoding.KML, kml);
                    kml.finish();
                    out.close();
                }
                case FGB -> {
                    OutputStream out = ResponseCompression.body(request, response);
                    FlatGeobufFile fgb = new FlatGeobufFile(out);
                    items.streamFlatGeobuf(query, fgb::chunk);
                    out.close();
                }
                case GPKG -> {
                    Path file = Files.createTempFile("corridor-", ".gpkg");
                    try {
                        try (GeoPackageFile gpkg = new GeoPackageFile(file, versions.current().changedAt()
                                .atZoneSameInstant(ZoneOffset.UTC).format(GPKG_TIME))) {
                            addLayer(gpkg, query);
                        }
                        send(file, response);
                    } finally {
                        Files.deleteIfExists(file);
                    }
                }
                default -> throw new IllegalArgumentException("not a download format: " + format);
            }
        } catch (Exception | Error e) {
            // Nothing sent yet (the body is buffered): drop the file's headers, so the error goes out as a problem.
            // Once bytes are on the wire the client sees a cut-off transfer instead.
            if (!response.isCommitted()) {
                response.reset();
            }
            throw e;
        }
    }

    /** Writes one collection's items into a GeoPackage as a layer named after its table. */
    void addLayer(GeoPackageFile gpkg, ItemsQuery query) throws Exception {
        Collection c = query.collection();
        int srid = query.crs().srid();
        if (c.spatial()) {
            jdbc.sql("select split_part(srtext, '\"', 2) as name, srtext from spatial_ref_sys where srid = :srid").param("srid", srid)
                    .query((rs, n) -> {
                        gpkg.spatialReferenceSystem(srid, rs.getString("name"), rs.getString("srtext"));
                        return null;
                    }).list();
        }
        GeoPackageFile.Layer layer = gpkg.layer(c.table(), c.title(), c.description(), c.spatial() ? c.geometryType() : null, srid);
        items.streamDownload(query, GeometryEncoding.WKB, layer);
        layer.finish();
    }

    static void send(Path file, HttpServletResponse response) throws IOException {
        response.setContentLengthLong(Files.size(file));
        try (OutputStream out = response.getOutputStream()) {
            Files.copy(file, out);
        }
    }
}
