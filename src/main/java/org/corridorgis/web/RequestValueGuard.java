package org.corridorgis.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, for every endpoint at once, query parameters that no endpoint can use: a NUL character in a name or
 * value (PostgreSQL text cannot hold one, so it would fail in the database) and a query string that does not
 * decode. Both answer 400 with a problem body before any controller runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class RequestValueGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException e) {
            // Tomcat decodes parameters lazily and reports a malformed percent-encoding at the first read
            ProblemResponses.write(response, request, HttpStatus.BAD_REQUEST, "Malformed query string",
                    "the query string could not be decoded: check its percent-encoding (UTF-8)");
            return;
        }
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
            boolean nul = e.getKey().indexOf('\0') >= 0;
            for (String value : e.getValue()) {
                nul |= value.indexOf('\0') >= 0;
            }
            if (nul) {
                String name = e.getKey().replace('\0', '?');
                ProblemResponses.write(response, request, HttpStatus.BAD_REQUEST, "Invalid parameter '" + name + "'",
                        "'" + name + "' contains a NUL character (%00), which no value may contain");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
