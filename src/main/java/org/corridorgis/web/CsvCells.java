package org.corridorgis.web;

import java.util.List;

/**
 * CSV cells (RFC 4180) that a spreadsheet opens as data, never as a formula (OWASP "CSV injection"): a text
 * cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading
 * apostrophe, which spreadsheets show as text and do not evaluate. Numbers are written as they are, so a
 * negative number stays a number. Every CSV the service writes goes through here.
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
        String s = value.toString();
        boolean quote = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
        if (quote) {
            s = "'" + s;
        }
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
}
