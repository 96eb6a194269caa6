package org.corridorgis.download;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.corridorgis.features.DownloadColumn;
import org.corridorgis.features.DownloadSink;

/**
 * Features as KML 2.2 (OGC 07-147r2): a Document with a Schema that declares every property, and a Folder
 * with one Placemark per feature, its properties as typed ExtendedData (SchemaData) and its geometry written
 * by PostGIS ({@code ST_AsKML}). Written as it streams, with the few characters XML reserves escaped.
 */
final class KmlFile implements DownloadSink {

    private final Writer out;
    private final String name;
    private final String title;
    private List<DownloadColumn> columns;
    /** The column shown as each Placemark's name (what Google Earth labels it with), or -1: then the id. */
    private int nameColumn = -1;

    KmlFile(OutputStream out, String name, String title) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        this.name = name;
        this.title = title;
    }

    @Override
    public void start(List<DownloadColumn> columns) throws IOException {
        this.columns = columns;
        this.nameColumn = columns.stream().map(DownloadColumn::name).toList().indexOf("name");
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document id=\"root\">\n");
        out.write("<name>" + escape(title) + "</name>\n<Schema name=\"" + escape(name) + "\" id=\"" + escape(name) + "\">\n");
        out.write("<SimpleField name=\"id\" type=\"string\"></SimpleField>\n");
        for (DownloadColumn c : columns) {
            out.write("<SimpleField name=\"" + escape(c.name()) + "\" type=\"" + type(c.kind()) + "\"></SimpleField>\n");
        }
        out.write("</Schema>\n<Folder><name>" + escape(name) + "</name>\n");
    }

    @Override
    public void row(ResultSet row) throws SQLException, IOException {
        String id = row.getString(1);
        String label = nameColumn >= 0 && row.getString(3 + nameColumn) != null ? row.getString(3 + nameColumn) : id;
        out.write("<Placemark><name>" + escape(label) + "</name>");
        out.write("<ExtendedData><SchemaData schemaUrl=\"#" + escape(name) + "\"><SimpleData name=\"id\">" + escape(id) + "</SimpleData>");
        for (int i = 0; i < columns.size(); i++) {
            Object value = row.getObject(3 + i);
            if (value != null) {
                out.write("<SimpleData name=\"" + escape(columns.get(i).name()) + "\">" + escape(value.toString()) + "</SimpleData>");
            }
        }
        out.write("</SchemaData></ExtendedData>");
        String geometry = row.getString(2);
        if (geometry != null) {
            out.write(geometry);
        }
        out.write("</Placemark>\n");
    }

    void finish() throws IOException {
        out.write("</Folder>\n</Document>\n</kml>\n");
        out.flush();
    }

    private static String type(DownloadColumn.Kind kind) {
        return switch (kind) {
            case INTEGER -> "int";
            case REAL -> "double";
            case BOOLEAN -> "bool";
            default -> "string";
        };
    }

    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&apos;");
                default -> {
                    // XML 1.0 has no place for most control characters; they cannot be escaped either.
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }
}
