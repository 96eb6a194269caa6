package org.corridorgis.filter;

/**
 * ACCENTI folds accents with the database's {@code corridor.accent_fold(text)} (migration V8): PostgreSQL's
 * unaccent dictionary behind an IMMUTABLE wrapper that the planner inlines and an index may use, a lookup per
 * character instead of scanning a table of letters for each of them.
 */
final class Accents {

    /** The folding function, schema-qualified. Fixed text, no user input. */
    static final String FUNCTION = "corridor.accent_fold";

    private Accents() {
    }
}
