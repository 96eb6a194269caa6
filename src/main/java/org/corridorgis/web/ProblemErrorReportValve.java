package org.corridorgis.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Requests that Tomcat itself rejects (a malformed URL, bad percent-encoding) never reach Spring; this valve
 * answers them with a problem+json body like every other error, instead of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                String detail = status < 500 ? "the request could not be understood: check the URL and its encoding"
                        : "an unexpected error occurred; it is logged";
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + (status < 500 ? "Bad request" : "Internal error")
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing more to tell it
        }
    }
}
