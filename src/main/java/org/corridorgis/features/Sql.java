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

    /** SQL text with named placeholders, and their values as name, value, name, value, ... */
    Sql append(String sql, Object... namesAndValues) {
        pieces.add(SqlFragment.of(sql, namesAndValues));
        return this;
    }

    Sql append(Sql other) {
        pieces.addAll(other.pieces);
        return this;
    }

    /** A piece made elsewhere (a translated filter), its text and parameters together. */
    Sql append(SqlFragment fragment) {
        pieces.add(fragment);
        return this;
    }

    boolean isEmpty() {
        return pieces.stream().allMatch(SqlFragment::isEmpty);
    }

    SqlFragment fragment() {
        return SqlFragment.cat(pieces.toArray());
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
