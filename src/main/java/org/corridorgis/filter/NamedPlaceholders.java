package org.corridorgis.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the named placeholders ({@code :name}) of SQL text as Spring's NamedParameterUtils reads them: not inside
 * quoted text or identifiers, nor in comments, and not a {@code ::} cast.
 */
final class NamedPlaceholders {

    private NamedPlaceholders() {
    }

    /** Start (the colon) and end (exclusive) of each placeholder, in order. */
    static List<int[]> find(String sql) {
        List<int[]> found = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = sql.indexOf(c, i + 1);
                i = close < 0 ? n : close + 1;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                i += 2;
            } else if (c == ':' && i + 1 < n && (Character.isLetter(sql.charAt(i + 1)) || sql.charAt(i + 1) == '_')) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                found.add(new int[] {i, end});
                i = end;
            } else if (c == '?') {
                throw new IllegalArgumentException("a '?' placeholder in " + sql + "; name it (:name)");
            } else {
                i++;
            }
        }
        return found;
    }
}
