package org.corridorgis.bulkhead;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.corridorgis.catalog.Catalog;
import org.corridorgis.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The bulkhead: requests whose cost the client controls (a CQL2 filter, in the query or a search body, over a
 * collection bigger than a small table; an analysis; the whole-dataset export; a page above the large-export size)
 * hold at most a share of the database pool together, and no more at once than half the processors (see
 * {@link BulkheadProperties#expensiveMax()}). Beyond it they wait briefly for a turn and are then answered
 * 503 with Retry-After, so that however many of them arrive, ordinary requests still find connections. A filter over
 * a small table (the seed collections are kilobytes) costs milliseconds whatever it says, so it is ordinary: that
 * keeps the share small enough to protect the pool without queueing analysts' everyday filters.
 */
final class ExpensiveRequests implements HandlerInterceptor {

    private static final String HOLDS_PERMIT = ExpensiveRequests.class.getName() + ".permit";

    private final Semaphore permits;
    private final int capacity;
    private final BulkheadProperties properties;
    private final Catalog catalog;

    ExpensiveRequests(int capacity, BulkheadProperties properties, Catalog catalog) {
        this.capacity = capacity;
        this.permits = new Semaphore(capacity);
        this.properties = properties;
        this.catalog = catalog;
    }

    int capacity() {
        return capacity;
    }

    boolean isExpensive(HttpServletRequest request) {
        String path = request.getRequestURI();
        // analyses and the whole-dataset export
        if (path.startsWith("/analysis/") || path.equals("/export.gpkg")) {
            return true;
        }
        // a search (its CQL2 filter is in the body, not a parameter)
        if (path.startsWith("/collections/") && (path.endsWith("/search") || path.endsWith("/search/"))) {
            return !overSmallTable(path);
        }
        if (!path.startsWith("/collections/") || !(path.endsWith("/items") || path.endsWith("/items/"))) {
            return false;
        }
        String filter = request.getParameter("filter");
        if (filter != null && !filter.isBlank() && !overSmallTable(path)) {
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

    /** Whether the path's collection ({@code /collections/{id}/...}) is a known table no bigger than a small one. */
    private boolean overSmallTable(String path) {
        String rest = path.substring("/collections/".length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        return catalog.collection(id).filter(c -> c.tableBytes() >= 0 && c.tableBytes() <= properties.smallTable().toBytes()).isPresent();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws InterruptedException {
        if (request.getAttribute(HOLDS_PERMIT) != null || !isExpensive(request)) {
            return true;
        }
        if (!permits.tryAcquire(properties.queueWait().toMillis(), TimeUnit.MILLISECONDS)) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Too many expensive requests",
                    "filters over large collections, analyses and large pages may run " + capacity + " at once and "
                            + (capacity == 1 ? "one is" : "all are") + " running; try again shortly");
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
