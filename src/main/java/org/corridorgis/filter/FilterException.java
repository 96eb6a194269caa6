package org.corridorgis.filter;

/**
 * A filter that cannot be accepted: syntax error, unknown property or function, type error or a limit exceeded.
 * The message says what was wrong and what was expected; it is meant for the client (HTTP 400).
 */
public final class FilterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int position;

    public FilterException(String message) {
        this(-1, message);
    }

    /** @param position 0-based character offset in the filter text (-1 if not applicable) */
    public FilterException(int position, String message) {
        super(position >= 0 ? "at position " + position + ": " + message : message);
        this.position = position;
    }

    FilterException(int position, String message, Throwable cause) {
        this(position, message);
        initCause(cause);
    }

    /** 0-based character offset in the filter where the problem was found, or -1 if not applicable. */
    public int position() {
        return position;
    }
}
