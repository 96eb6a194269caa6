package org.corridorgis.download;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.corridorgis.features.DownloadColumn;
import org.corridorgis.features.DownloadSink;
import org.corridorgis.web.CsvCells;

/**
 * Features as CSV (RFC 4180, UTF-8): one header row, {@code id}, the geometry as WKT in {@code geometry} (when
 * the collection has one), then a column per property; arrays and objects as JSON text. Rows go out as they
 * come from the cursor.
 */
final class CsvFile implements DownloadSink {

    private final CSVPrinter csv;
    private final boolean spatial;
    private List<DownloadColumn> columns;

    CsvFile(OutputStream out, boolean spatial) throws IOException {
        this.csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180);
        this.spatial = spatial;
    }

    @Override
    public void start(List<DownloadColumn> columns) throws IOException {
        this.columns = columns;
        List<String> header = new ArrayList<>();
        header.add("id");
        if (spatial) {
            header.add("geometry");
        }
        columns.forEach(c -> header.add(c.name()));
        csv.printRecord(header);
    }

    @Override
    public void row(ResultSet row) throws SQLException, IOException {
        csv.print(CsvCells.text(row.getString(1)));
        if (spatial) {
            csv.print(row.getString(2));
        }
        for (int i = 0; i < columns.size(); i++) {
            Object value = row.getObject(3 + i);
            csv.print(value instanceof String s ? CsvCells.text(s) : value);
        }
        csv.println();
    }

    void finish() throws IOException {
        csv.flush();
    }
}
