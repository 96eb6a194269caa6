package org.corridorgis.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A piece of SQL with '?' placeholders and its parameters in order, which travel together so that they can never
 * drift apart: the filter translation composes its conditions from these, and a translated filter is one.
 * Parameter types: String, Long/BigDecimal, Boolean, java.time.LocalDate, java.time.OffsetDateTime, byte[] (WKB),
 * String[] (text arrays).
 */
public record SqlFragment(String sql, List<Object> params) {
    public SqlFragment {
        params = Collections.unmodifiableList(new ArrayList<>(params));
    }

    /** Fixed SQL text without parameters. */
    static SqlFragment text(String sql) {
        return new SqlFragment(sql, List.of());
    }

    /** SQL text with exactly one placeholder, and its value. */
    static SqlFragment param(String placeholder, Object value) {
        return new SqlFragment(placeholder, Collections.singletonList(value));
    }

    /** Concatenates Strings (fixed SQL text) and fragments. */
    static SqlFragment cat(Object... parts) {
        StringBuilder sb = new StringBuilder();
        List<Object> ps = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof SqlFragment f) {
                sb.append(f.sql);
                ps.addAll(f.params);
            } else {
                sb.append((String) p);
            }
        }
        return new SqlFragment(sb.toString(), ps);
    }

    /** The fragments with the separator between them. */
    static SqlFragment join(String separator, List<SqlFragment> fs) {
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < fs.size(); i++) {
            if (i > 0) {
                parts.add(separator);
            }
            parts.add(fs.get(i));
        }
        return cat(parts.toArray());
    }
}
