package org.corridorgis.filter;

/**
 * Limits applied while parsing a filter.
 *
 * @param maxLength maximum number of characters of the filter text
 * @param maxDepth  maximum nesting depth (parentheses, function arguments, NOT, ...); at most 200
 * @param maxNodes  maximum number of nodes of the syntax tree
 */
public record FilterLimits(int maxLength, int maxDepth, int maxNodes) {

    /** For parsing outside the service (tools, tests); the service takes its limits from corridor.filter.*. */
    public static final FilterLimits DEFAULT = new FilterLimits(8000, 40, 1000);

    /** Hard cap on the depth, so that the recursive-descent parser can never exhaust the stack. */
    public static final int MAX_SUPPORTED_DEPTH = 200;

    public FilterLimits {
        if (maxLength <= 0 || maxDepth <= 0 || maxNodes <= 0) {
            throw new IllegalArgumentException("filter limits must be positive");
        }
        if (maxDepth > MAX_SUPPORTED_DEPTH) {
            throw new IllegalArgumentException("maxDepth must be at most " + MAX_SUPPORTED_DEPTH);
        }
    }
}
