package org.corridorgis.features;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.corridorgis.filter.SqlFragment;
import org.corridorgis.web.ProblemException;

/**
 * A {@code datetime} parameter as an interval of days: an instant ({@code 2024-04-19} or an RFC 3339
 * date-time), a closed interval {@code a/b}, or a half-open one ({@code ../b}, {@code a/..}). Features describe
 * days ({@code valid_from}, {@code valid_to}), so a date-time counts as its UTC day.
 *
 * @param start first day, or null when open
 * @param end   last day, or null when open
 */
public record DateTimeInterval(LocalDate start, LocalDate end) {

    public static DateTimeInterval parse(String text) {
        String t = text.trim();
        if (!t.contains("/")) {
            LocalDate day = day(t);
            return new DateTimeInterval(day, day);
        }
        String[] parts = t.split("/", -1);
        if (parts.length != 2) {
            throw invalid(text);
        }
        LocalDate start = open(parts[0]) ? null : day(parts[0]);
        LocalDate end = open(parts[1]) ? null : day(parts[1]);
        if (start == null && end == null) {
            throw ProblemException.badParameter("datetime", "an interval needs at least one end: '" + text + "'");
        }
        if (start != null && end != null && start.isAfter(end)) {
            throw ProblemException.badParameter("datetime", "the interval starts after it ends: '" + text + "'");
        }
        return new DateTimeInterval(start, end);
    }

    private static boolean open(String end) {
        return end.isEmpty() || end.equals("..");
    }

    private static LocalDate day(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
            return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            throw invalid(text);
        }
    }

    private static ProblemException invalid(String text) {
        return ProblemException.badParameter("datetime", "'" + text + "' is not an RFC 3339 date, date-time or interval "
                + "(e.g. 2024-04-19, 2024-04-19T12:00:00Z, 2021-01-01/2022-12-31, ../2023-01-01)");
    }

    /**
     * A feature matches when the days it describes overlap this interval; a null valid_from or valid_to is an
     * open end.
     */
    public SqlFragment sql(String validFrom, String validTo) {
        List<SqlFragment> conditions = new ArrayList<>();
        conditions.add(SqlFragment.text("(true"));
        if (end != null) {
            conditions.add(SqlFragment.of(" and (" + validFrom + " is null or " + validFrom + " <= :end)", "end", end));
        }
        if (start != null) {
            conditions.add(SqlFragment.of(" and (" + validTo + " is null or " + validTo + " >= :start)", "start", start));
        }
        conditions.add(SqlFragment.text(")"));
        return SqlFragment.cat(conditions.toArray());
    }

    /** The day whose state a request asks for: the instant, or the last day of the interval (its first if open-ended). */
    public LocalDate stateDay() {
        return end != null ? end : start;
    }
}
