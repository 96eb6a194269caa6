package org.corridorgis.filter;

/**
 * What one filter may cost, counted while it is parsed: its length, its nesting depth and its number of
 * elements, each against {@link FilterLimits}. Both parsers, text and JSON, spend from one of these, so the
 * two forms of a filter meet the same limits with the same messages.
 */
final class FilterBudget {

    private final FilterLimits limits;
    private int depth;
    private int nodes;

    /** Checks the filter text itself, before any parsing. */
    FilterBudget(String input, FilterLimits limits) {
        if (input == null) {
            throw new FilterException("the filter is empty");
        }
        if (input.length() > limits.maxLength()) {
            throw new FilterException("the filter is too long: " + input.length() + " characters, at most "
                + limits.maxLength() + " are allowed");
        }
        this.limits = limits;
    }

    /** Counts one more element of the syntax tree. */
    <T extends Expression> T node(T e, int pos) {
        if (++nodes > limits.maxNodes()) {
            throw new FilterException(pos, "the filter has too many elements (at most " + limits.maxNodes() + ")");
        }
        return e;
    }

    /** One level deeper. */
    void enter(int pos) {
        if (++depth > limits.maxDepth()) {
            throw new FilterException(pos, "the filter is nested too deeply (at most " + limits.maxDepth() + " levels)");
        }
    }

    /** One level back up. */
    void leave() {
        depth--;
    }
}
