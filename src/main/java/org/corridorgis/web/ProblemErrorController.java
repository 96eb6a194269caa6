package org.corridorgis.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised before a controller is reached (a malformed URL, a request the servlet container rejects)
 * end here, and leave as problem+json too, without internals.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // asked for directly, not forwarded here by the container: there is nothing at /error
            return ProblemResponses.respond(HttpStatus.NOT_FOUND, "Not found", "nothing is served at " + request.getRequestURI(), request);
        }
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        String detail = status.is4xxClientError()
                ? "the request to " + uri + " could not be understood (" + status.getReasonPhrase() + ")"
                : "an unexpected error occurred; it is logged";
        return ProblemResponses.respond(status, status.getReasonPhrase(), detail, request);
    }
}
