package org.corridorgis.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** SQL text with '?' placeholders and its parameters, appended in step so that they can never drift apart. */
final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    Sql append(String sql, Object... values) {
        text.append(sql);
        Collections.addAll(params, values);
        return this;
    }

    Sql append(Sql other) {
        text.append(other.text);
        params.addAll(other.params);
        return this;
    }

    Sql appendAll(String sql, List<?> values) {
        text.append(sql);
        params.addAll(values);
        return this;
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    String text() {
        return text.toString();
    }

    List<Object> params() {
        return params;
    }

    @Override
    public String toString() {
        return text + " " + params;
    }
}
