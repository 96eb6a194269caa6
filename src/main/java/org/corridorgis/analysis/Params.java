package org.corridorgis.analysis;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.corridorgis.web.ProblemException;
import org.corridorgis.web.QueryParameters;

/** Query-parameter checks shared by the analyses: unknown names, numbers, dates, ids. Every failure is a 400 problem. */
final class Params {

    private Params() {
    }

    static void allowOnly(HttpServletRequest request, Set<String> allowed) {
        QueryParameters.allowOnly(request, allowed);
        for (var e : request.getParameterMap().entrySet()) {
            if (e.getValue().length > 1) {
                throw ProblemException.badParameter(e.getKey(), "'" + e.getKey() + "' is given more than once");
            }
        }
    }

    /** A finite number &gt;= 0 (or &gt; 0 when {@code positive}), else the default when absent. */
    static double number(HttpServletRequest request, String name, double fallback, boolean positive) {
        String raw = request.getParameter(name);
        if (raw == null) {
            return fallback;
        }
        double v;
        try {
            v = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(name, "'" + raw + "' is not a number");
        }
        if (!Double.isFinite(v) || v < 0 || (positive && v == 0)) {
            throw ProblemException.badParameter(name, "'" + raw + "' must be a " + (positive ? "positive" : "non-negative") + " number");
        }
        return v;
    }

    static LocalDate date(HttpServletRequest request, String name) {
        String raw = request.getParameter(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            String s = raw.trim();
            return s.length() > 10 ? OffsetDateTime.parse(s).toLocalDate() : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, "'" + raw + "' is not a date (YYYY-MM-DD) or an RFC 3339 date-time");
        }
    }

    static OffsetDateTime instant(HttpServletRequest request, String name) {
        String raw = request.getParameter(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.trim();
        try {
            return s.length() > 10 ? OffsetDateTime.parse(s) : LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, "'" + raw + "' is not a date (YYYY-MM-DD) or an RFC 3339 date-time");
        }
    }

    /** Output format: csv (only where offered), else the service-wide json/html negotiation. */
    static String format(HttpServletRequest request, boolean csvAllowed) {
        String f = request.getParameter("f");
        if (f != null && f.equalsIgnoreCase("csv")) {
            if (!csvAllowed) {
                throw ProblemException.badParameter("f", "CSV is not offered here; use f=json or f=html");
            }
            return "csv";
        }
        return org.corridorgis.web.OutputFormat.of(request) == org.corridorgis.web.OutputFormat.HTML ? "html" : "json";
    }
}
