package org.corridorgis.filter;

import java.util.List;

/**
 * A boolean SQL condition with '?' placeholders and its parameters in order. Parameter types: String,
 * Long/BigDecimal, Boolean, java.time.LocalDate, java.time.OffsetDateTime, byte[] (WKB), String[] (text arrays).
 */
public record SqlFragment(String sql, List<Object> params) {
    public SqlFragment {
        params = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params));
    }
}
