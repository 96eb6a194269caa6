package org.corridorgis.replicas;

import java.sql.SQLException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A request whose replica went away under it (connection lost, server shutting down) is not answered with an
 * error: the replica leaves the rotation and {@link ReadRoutingFilter} answers the request again from the
 * primary. Runs before the problem+json handlers, which would otherwise turn the failure into a 500.
 */
final class ReplicaFailureResolver implements HandlerExceptionResolver, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        ReadRoute route = ReadRoute.current();
        if (route == null || route.replica() == null || response.isCommitted() || !connectionLost(ex)) {
            return null;
        }
        route.replica().takeOut("out of rotation: lost during a request (" + rootMessage(ex) + ")");
        request.setAttribute(ReadRoutingFilter.RETRY_ON_PRIMARY, Boolean.TRUE);
        return new ModelAndView();
    }

    /** SQLSTATE class 08 (connection exception) or 57P01-57P03 (the server is shutting down or starting). */
    static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
