package org.corridorgis.web;

import java.net.URI;
import java.sql.SQLException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.corridorgis.catalog.UnknownCollectionException;
import org.corridorgis.filter.FilterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Every error leaves as {@code application/problem+json} saying what was wrong. Bad input is a 4xx; a query
 * that ran past its time budget, a database that cannot be reached and a pool with no free connection are a
 * 503 with {@code Retry-After} (the client may try again; the service is not broken); anything else is a 500
 * whose body says only that, with the details in the log, never a stack trace on the wire.
 */
@RestControllerAdvice
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final String QUERY_CANCELED = "57014";
    /** Seconds a client should wait before asking again after a 503. */
    static final String RETRY_AFTER_SECONDS = "2";

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e, HttpServletRequest request) {
        return respond(e.status(), e.title(), e.getMessage(), request);
    }

    @ExceptionHandler(UnknownCollectionException.class)
    ResponseEntity<ProblemDetail> unknownCollection(UnknownCollectionException e, HttpServletRequest request) {
        return respond(HttpStatus.NOT_FOUND, "Unknown collection",
                e.getMessage() + "; the collections are: " + String.join(", ", e.known()), request);
    }

    @ExceptionHandler(FilterException.class)
    ResponseEntity<ProblemDetail> filter(FilterException e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "Invalid filter", e.getMessage(), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(HttpStatus.NOT_FOUND, "Not found", "nothing is served at " + request.getRequestURI(), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
                request.getMethod() + " is not supported here; use " + e.getSupportedHttpMethods(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return respond(HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
                "this resource is available as " + e.getSupportedMediaTypes(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "Invalid parameter '" + e.getName() + "'",
                "'" + e.getValue() + "' is not a valid value for " + e.getName(), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "Missing parameter '" + e.getParameterName() + "'",
                "the parameter '" + e.getParameterName() + "' is required", request);
    }

    /** Tomcat decodes parameters lazily; a malformed percent-encoding surfaces at the first read. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodable(Exception e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "Malformed query string",
                "the query string could not be decoded: check its percent-encoding (UTF-8)", request);
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> database(DataAccessException e, HttpServletRequest request) {
        if (isQueryCanceled(e)) {
            return tooLong(request);
        }
        if (DatabaseFaults.isUnavailable(e)) {
            return unavailable(e, request);
        }
        if (isDataException(e)) {
            // a value the checks before SQL let through and PostgreSQL refused: still the client's input
            log.warn("Value refused by the database on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMostSpecificCause().getMessage());
            return respond(HttpStatus.BAD_REQUEST, "Invalid value",
                    "a value in the request does not fit the type it is compared with", request);
        }
        log.error("Database error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the database could not answer this request; the error is logged", request);
    }

    /** The request's time budget was spent before its next statement could start. */
    @ExceptionHandler(org.springframework.transaction.TransactionTimedOutException.class)
    ResponseEntity<ProblemDetail> budgetSpent(Exception e, HttpServletRequest request) {
        return tooLong(request);
    }

    /** Opening the read-only transaction needs a connection: a pool or database fault surfaces here. */
    @ExceptionHandler(org.springframework.transaction.CannotCreateTransactionException.class)
    ResponseEntity<ProblemDetail> noTransaction(Exception e, HttpServletRequest request) {
        if (DatabaseFaults.isUnavailable(e)) {
            return unavailable(e, request);
        }
        return unexpected(e, request);
    }

    private ResponseEntity<ProblemDetail> tooLong(HttpServletRequest request) {
        return respond(HttpStatus.SERVICE_UNAVAILABLE, "Query took too long",
                "the query ran past the statement timeout or the request's time budget and was cancelled; narrow it (bbox, filter, limit) or try again later",
                request);
    }

    private ResponseEntity<ProblemDetail> unavailable(Exception e, HttpServletRequest request) {
        boolean poolBusy = DatabaseFaults.isPoolExhausted(e);
        log.warn("{} on {} {}: {}", poolBusy ? "No free database connection" : "Database unreachable",
                request.getMethod(), request.getRequestURI(), DatabaseFaults.rootMessage(e));
        return respond(HttpStatus.SERVICE_UNAVAILABLE, poolBusy ? "Service busy" : "Database unavailable",
                poolBusy ? "every database connection is in use; try again shortly"
                        : "the database cannot be reached at the moment; try again shortly",
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        // e.g. a rollback that failed because the database went away while the request ran
        if (DatabaseFaults.isUnavailable(e)) {
            return unavailable(e, request);
        }
        // the client went away while its answer was being written (a closed tab, a load generator at the end of its
        // run): nothing is wrong with the service and there is no one to answer, so one line at debug, no body
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            log.debug("Client gone on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            return null;
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "an unexpected error occurred; it is logged", request);
    }

    static boolean isQueryCanceled(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 22, "data exception": a value that does not fit its type (bad date, number out of range). */
    static boolean isDataException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /** The same problem body written straight to the response, for filters that answer before Spring MVC. */
    public static void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String title,
                             String detail) throws java.io.IOException {
        response.resetBuffer();
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + jsonString(title) + ",\"status\":" + status.value()
                + ",\"detail\":" + jsonString(detail) + ",\"instance\":" + jsonString(request.getRequestURI()) + "}");
    }

    static String jsonString(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    public static ResponseEntity<ProblemDetail> respond(HttpStatus status, String title, String detail, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setInstance(URI.create(request.getRequestURI()));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
