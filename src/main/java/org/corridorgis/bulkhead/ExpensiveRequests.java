package org.corridorgis.bulkhead;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.corridorgis.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The bulkhead: requests whose cost the client controls (a CQL2 filter, in the query or a search body; an analysis;
 * the whole-dataset export; a page above the large-export size) hold at most a share of the database pool together. Beyond it they wait briefly for a turn and are then
 * answered 503 with Retry-After, so that however many of them arrive, ordinary requests still find connections.
 */
final class ExpensiveRequests implements HandlerInterceptor {

    private static final String HOLDS_PERMIT = ExpensiveRequests.class.getName() + ".permit";

    private final Semaphore permits;
    private final int capacity;
    private final BulkheadProperties properties;

    ExpensiveRequests(int capacity, BulkheadProperties properties) {
        this.capacity = capacity;
        this.permits = new Semaphore(capacity);
        this.properties = properties;
    }

    int capacity() {
        return capacity;
    }

    boolean isExpensive(HttpServletRequest request) {
        String path = request.getRequestURI();
        // analyses, the whole-dataset export and a search (its CQL2 filter is in the body, not a parameter)
        if (path.startsWith("/analysis/") || path.equals("/export.gpkg")
                || (path.startsWith("/collections/") && (path.endsWith("/search") || path.endsWith("/search/")))) {
            return true;
        }
        if (!path.startsWith("/collections/") || !(path.endsWith("/items") || path.endsWith("/items/"))) {
            return false;
        }
        String filter = request.getParameter("filter");
        if (filter != null && !filter.isBlank()) {
            return true;
        }
        String limit = request.getParameter("limit");
        if (limit != null) {
            try {
                return Long.parseLong(limit.trim()) > properties.largeLimit();
            } catch (NumberFormatException e) {
                return false; // the parser answers 400 for it
            }
        }
        return false;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws InterruptedException {
        if (request.getAttribute(HOLDS_PERMIT) != null || !isExpensive(request)) {
            return true;
        }
        if (!permits.tryAcquire(properties.queueWait().toMillis(), TimeUnit.MILLISECONDS)) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Too many expensive requests",
                    "filters, analyses and large pages may use " + capacity + " database connections at once and all are "
                            + "in use; try again shortly");
        }
        request.setAttribute(HOLDS_PERMIT, Boolean.TRUE);
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (request.getAttribute(HOLDS_PERMIT) != null) {
            request.removeAttribute(HOLDS_PERMIT);
            permits.release();
        }
    }
}
