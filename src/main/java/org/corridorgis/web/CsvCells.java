package org.corridorgis.web;

/**
 * CSV cells that a spreadsheet will not run as a formula (OWASP "CSV injection"): a text cell beginning with
 * {@code = + - @}, a tab or a carriage return gets a leading apostrophe. Only text: numbers are written as
 * they are, so a negative number stays a number.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
