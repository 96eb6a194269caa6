package org.corridorgis.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers that keep browsers from misusing what the service sends, on every response (set before the
 * controller writes, so they travel with streamed bodies too):
 * <ul>
 *   <li>a Content-Security-Policy that allows scripts from the service only (no inline script: the viewer's
 *       code is in static files), the MapLibre workers, which the bundled library starts from {@code blob:}
 *       URLs, and framing by the service's own pages only;</li>
 *   <li>{@code X-Content-Type-Options: nosniff}, so that a JSON answer is never run as a script or page;</li>
 *   <li>a Referrer-Policy that sends other sites the origin only, never a URL with its filter.</li>
 * </ul>
 * Inline styles stay allowed: the HTML views carry their style sheet in the page and styles run no code.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class SecurityHeaders extends OncePerRequestFilter {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "worker-src blob:; child-src blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'self'";
    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        chain.doFilter(request, response);
    }

    /** Errors the container forwards to /error (a method it refuses, say) carry the headers too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
