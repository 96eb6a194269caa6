package org.corridorgis.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/** Checks of a request's query-parameter names shared by every endpoint: each failure is a 400 problem. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** Refuses any parameter whose name is not in {@code allowed}, naming the ones that are. */
    public static void allowOnly(HttpServletRequest request, Set<String> allowed) {
        for (String name : request.getParameterMap().keySet()) {
            if (!allowed.contains(name)) {
                throw ProblemException.badParameter(name, "'" + name + "' is not a parameter of " + request.getRequestURI()
                        + "; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    /** Refuses a parameter given more than once, saying how often it was given. */
    public static void eachOnce(HttpServletRequest request) {
        for (var e : request.getParameterMap().entrySet()) {
            if (e.getValue().length > 1) {
                throw ProblemException.badParameter(e.getKey(), "'" + e.getKey() + "' is given " + e.getValue().length
                        + " times; give it once");
            }
        }
    }
}
