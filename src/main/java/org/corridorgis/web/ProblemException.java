package org.corridorgis.web;

import org.springframework.http.HttpStatus;

/**
 * A request the service will not answer as asked, with what was wrong: becomes an RFC 7807
 * {@code application/problem+json} response with that status.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    public ProblemException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Bad request", detail);
    }

    public static ProblemException badParameter(String parameter, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid parameter '" + parameter + "'", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
