package org.corridorgis.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.corridorgis.filter.SqlFragment;

/**
 * The builder of a statement composed in steps (an items page): SQL text with '?' placeholders and its parameters,
 * appended in step so that they can never drift apart. Pieces made elsewhere arrive as {@link SqlFragment}s, the
 * same placeholders and parameter order.
 */
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

    /** A piece made elsewhere (a translated filter), its text and parameters together. */
    Sql append(SqlFragment fragment) {
        text.append(fragment.sql());
        params.addAll(fragment.params());
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
