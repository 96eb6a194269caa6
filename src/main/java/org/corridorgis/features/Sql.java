package org.corridorgis.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.corridorgis.filter.SqlFragment;

/**
 * The builder of a statement composed in steps (an items page): pieces of SQL with named placeholders and their
 * values, appended in step so that they can never drift apart. Each piece names its values for itself
 * ({@code " limit :limit", "limit", n}); the statement renames them after their places ({@code :p1}, {@code :p2},
 * ...), so pieces never bind each other's values and the same shape of request gives the same text.
 */
final class Sql {

    private final List<SqlFragment> pieces = new ArrayList<>();
    /** The pieces joined, made once for {@link #text()} and {@link #params()} alike; null after an append. */
    private SqlFragment joined;

    /** SQL text with named placeholders, and their values as name, value, name, value, ... */
    Sql append(String sql, Object... namesAndValues) {
        return append(SqlFragment.of(sql, namesAndValues));
    }

    Sql append(Sql other) {
        pieces.addAll(other.pieces);
        joined = null;
        return this;
    }

    /** A piece made elsewhere (a translated filter), its text and parameters together. */
    Sql append(SqlFragment fragment) {
        pieces.add(fragment);
        joined = null;
        return this;
    }

    boolean isEmpty() {
        return pieces.stream().allMatch(SqlFragment::isEmpty);
    }

    SqlFragment fragment() {
        if (joined == null) {
            joined = SqlFragment.cat(pieces.toArray());
        }
        return joined;
    }

    String text() {
        return fragment().sql();
    }

    /** The values by the names {@link #text()} gives them. */
    Map<String, Object> params() {
        return fragment().paramMap();
    }

    /** The values in the order of their names. */
    List<Object> values() {
        return fragment().params();
    }

    @Override
    public String toString() {
        return fragment().toString();
    }
}
