package org.corridorgis.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a value a client compares a property with ({@code ?valid_from=2024-02-30}) against the column's type,
 * so that a value PostgreSQL would refuse to cast is answered with a 400 that says what fits, before any SQL
 * runs. Only forms PostgreSQL is sure to accept pass: the value is then bound as text and cast to the column's
 * type in SQL.
 */
public final class PropertyValues {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,6})?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?)?");
    // PostgreSQL's numeric input takes exponents up to 1000 (NUMERIC_MAX_PRECISION); three digits stay within it
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
    private static final Pattern NUMERIC_TYPMOD = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> BOOLEANS = Set.of("true", "false", "t", "f", "yes", "no", "on", "off", "1", "0");

    private PropertyValues() {
    }

    /** Why {@code text} is not a value of the property's column, or null when it is. */
    public static String problem(Property property, String text) {
        String name = property.name();
        return switch (property.type()) {
            case INTEGER -> integer(name, property.pgType(), text);
            case NUMBER -> number(name, property.pgType(), text);
            case BOOLEAN -> BOOLEANS.contains(text.toLowerCase(Locale.ROOT)) ? null
                    : "'" + text + "' is not a value of " + name + ", which is true or false";
            case DATE -> date(text) ? null : "'" + text + "' is not a date; " + name + " takes a calendar date such as 2024-02-29";
            case TIMESTAMP -> timestamp(text) ? null
                    : "'" + text + "' is not a time; " + name + " takes an RFC 3339 time such as 2024-02-29T12:00:00Z";
            case STRING, STRING_ARRAY -> null;
            case GEOMETRY, JSON -> "'" + name + "' cannot be compared to a value; use filter=";
        };
    }

    private static String integer(String name, String pgType, String text) {
        long min, max;
        switch (pgType) {
            case "smallint" -> { min = Short.MIN_VALUE; max = Short.MAX_VALUE; }
            case "integer" -> { min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; }
            default -> { min = Long.MIN_VALUE; max = Long.MAX_VALUE; }
        }
        try {
            long v = Long.parseLong(text);
            if (v >= min && v <= max) {
                return null;
            }
        } catch (NumberFormatException e) {
            return "'" + text + "' is not a whole number; " + name + " takes whole numbers";
        }
        return "'" + text + "' is out of range for " + name + " (" + min + ".." + max + ")";
    }

    private static String number(String name, String pgType, String text) {
        if (!DECIMAL.matcher(text).matches()) {
            return "'" + text + "' is not a number; " + name + " takes decimal numbers such as 12.5";
        }
        BigDecimal v = new BigDecimal(text);
        String tooLarge = "'" + text + "' is out of range for " + name;
        switch (pgType) {
            case "real" -> {
                float f = v.floatValue();
                return Float.isFinite(f) && (f != 0 || v.signum() == 0) ? null : tooLarge;
            }
            case "double precision" -> {
                double d = v.doubleValue();
                return Double.isFinite(d) && (d != 0 || v.signum() == 0) ? null : tooLarge;
            }
            default -> {
                var typmod = NUMERIC_TYPMOD.matcher(pgType);
                if (typmod.matches()) {
                    int precision = Integer.parseInt(typmod.group(1)), scale = Integer.parseInt(typmod.group(2));
                    BigDecimal rounded = v.setScale(scale, java.math.RoundingMode.HALF_UP);
                    return rounded.precision() - rounded.scale() <= precision - scale ? null : tooLarge;
                }
                return null;
            }
        }
    }

    private static boolean date(String text) {
        if (!DATE.matcher(text).matches()) {
            return false;
        }
        try {
            return LocalDate.parse(text, STRICT_DATE).getYear() >= 1;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean timestamp(String text) {
        var m = TIMESTAMP.matcher(text);
        if (!m.matches() || !date(m.group(1))) {
            return false;
        }
        if (m.group(2) != null && (Integer.parseInt(m.group(2)) > 23 || Integer.parseInt(m.group(3)) > 59
                || (m.group(4) != null && Integer.parseInt(m.group(4)) > 59))) {
            return false;
        }
        String zone = m.group(5);
        if (zone != null && !zone.equals("Z")) {
            String digits = zone.substring(1).replace(":", "");
            return Integer.parseInt(digits.substring(0, 2)) <= 15 && (digits.length() == 2 || Integer.parseInt(digits.substring(2)) <= 59);
        }
        return true;
    }
}
