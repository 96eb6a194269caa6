package org.corridorgis.filter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Validation of literal values, shared by the text and JSON parsers. */
final class Literals {

    /** Longest accepted numeric literal, in characters. */
    static final int MAX_NUMBER_CHARS = 64;
    /** Largest accepted decimal magnitude of a number: |log10(x)| at most this. */
    static final int MAX_MAGNITUDE = 300;

    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP =
        Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    private Literals() {
    }

    static BigDecimal number(String lexeme, int pos) {
        if (lexeme.length() > MAX_NUMBER_CHARS) {
            throw new FilterException(pos, "number literal too long (at most " + MAX_NUMBER_CHARS + " characters)");
        }
        if (!NUMBER.matcher(lexeme).matches()) {
            throw new FilterException(pos, "invalid number '" + Text.shorten(lexeme) + "'");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(lexeme);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new FilterException(pos, "invalid number '" + Text.shorten(lexeme) + "'");
        }
        checkMagnitude(value, pos);
        return value;
    }

    static void checkMagnitude(BigDecimal value, int pos) {
        if (value.signum() == 0) {
            return;
        }
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_MAGNITUDE || integerDigits < -MAX_MAGNITUDE) {
            throw new FilterException(pos, "number out of range (magnitude must be between 1e-" + MAX_MAGNITUDE
                + " and 1e" + MAX_MAGNITUDE + ")");
        }
        if (value.scale() > 2L * MAX_MAGNITUDE) {
            throw new FilterException(pos, "number has too many decimal places");
        }
    }

    /** Magnitude bound |log10| of a number, used to bound arithmetic. */
    static int magnitude(BigDecimal value) {
        if (value.signum() == 0) {
            return 1;
        }
        long integerDigits = (long) value.precision() - value.scale();
        return (int) Math.max(1, Math.abs(integerDigits) + 1);
    }

    static String string(String s, int pos) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                throw new FilterException(pos, "a string must not contain the NUL character");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new FilterException(pos, "a string contains an invalid UTF-16 surrogate");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new FilterException(pos, "a string contains an invalid UTF-16 surrogate");
            }
        }
        return s;
    }

    static Expression.DateLiteral date(String s, int pos) {
        if (!DATE.matcher(s).matches()) {
            throw new FilterException(pos, "invalid date '" + Text.shorten(s) + "'; expected YYYY-MM-DD");
        }
        try {
            LocalDate d = LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
            if (d.getYear() < 1) {
                throw new FilterException(pos, "invalid date '" + s + "': year must be at least 0001");
            }
            return new Expression.DateLiteral(d);
        } catch (DateTimeParseException e) {
            throw new FilterException(pos, "invalid date '" + Text.shorten(s) + "'; expected a valid YYYY-MM-DD");
        }
    }

    static Expression.TimestampLiteral timestamp(String s, int pos) {
        if (!TIMESTAMP.matcher(s).matches()) {
            throw new FilterException(pos, "invalid timestamp '" + Text.shorten(s)
                + "'; expected RFC 3339, e.g. 2020-01-31T12:00:00Z");
        }
        String normalized = s.replace(' ', 'T').replace('t', 'T').replace('z', 'Z');
        try {
            OffsetDateTime t = OffsetDateTime.parse(normalized, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            if (t.getYear() < 1) {
                throw new FilterException(pos, "invalid timestamp '" + s + "': year must be at least 0001");
            }
            return new Expression.TimestampLiteral(t);
        } catch (DateTimeParseException e) {
            throw new FilterException(pos, "invalid timestamp '" + Text.shorten(s)
                + "'; expected a valid RFC 3339 timestamp");
        }
    }

    /** A date, a timestamp or '..' (open end), as written inside INTERVAL(...). */
    static Expression instant(String s, int pos) {
        if (s.equals("..")) {
            return new Expression.OpenEnd();
        }
        if (DATE.matcher(s).matches()) {
            return date(s, pos);
        }
        if (TIMESTAMP.matcher(s).matches()) {
            return timestamp(s, pos);
        }
        throw new FilterException(pos, "invalid instant '" + Text.shorten(s)
            + "'; expected a date (YYYY-MM-DD), an RFC 3339 timestamp or '..'");
    }

    static boolean looksLikeInstant(String s) {
        return DATE.matcher(s).matches() || TIMESTAMP.matcher(s).matches();
    }
}
