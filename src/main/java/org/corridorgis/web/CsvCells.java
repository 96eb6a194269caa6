package org.corridorgis.web;

import java.util.List;

/**
 * CSV cells (RFC 4180) that a spreadsheet opens as data, never as a formula (OWASP "CSV injection"): a text
 * cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading
 * apostrophe, which spreadsheets show as text and do not evaluate. Numbers are written as they are, so a
 * negative number stays a number. Every CSV the service writes goes through here: {@link #cell}/{@link #row}
 * for CSV built here, {@link #text} for CSV whose printer does the quoting itself.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** One cell: numbers and booleans as they are, null as empty, text neutralised and quoted where needed. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String raw = value.toString();
        String s = text(raw);
        boolean quote = !s.equals(raw);
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** A whole record, cells separated by commas and ended by CRLF. */
    public static String row(List<?> values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(values.get(i)));
        }
        return b.append("\r\n").toString();
    }

    /** A text value neutralised but not quoted, for a CSV printer that quotes on its own. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
