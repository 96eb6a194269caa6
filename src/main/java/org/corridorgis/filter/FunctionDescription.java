package org.corridorgis.filter;

import java.util.List;

/**
 * A function a filter may call, as listed by {@code /functions} (OGC API - Features Part 3).
 *
 * @param name        the name (case-insensitive in filters)
 * @param description what it computes
 * @param arguments   the type of each argument ("geometry", "number", "string", ...)
 * @param returns     the return type(s)
 */
public record FunctionDescription(String name, String description, List<String> arguments, List<String> returns) {
    public FunctionDescription {
        arguments = List.copyOf(arguments);
        returns = List.copyOf(returns);
    }
}
