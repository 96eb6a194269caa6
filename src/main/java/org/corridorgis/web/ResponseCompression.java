package org.corridorgis.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * gzip for responses that carry a strong ETag (feature pages, tiles). Tomcat leaves those uncompressed,
 * since a compressed body is another representation; here the ETag names the encoding too (see
 * {@link DataVersion}), so each representation keeps its own strong validator. Level 1: most of the size
 * reduction for a fraction of the CPU, which matters on a stream of thousands of features.
 */
public final class ResponseCompression {

    private ResponseCompression() {
    }

    public static boolean accepted(HttpServletRequest request) {
        String accept = request.getHeader("Accept-Encoding");
        if (accept == null) {
            return false;
        }
        for (String part : accept.split(",")) {
            String[] codingAndQ = part.trim().split(";");
            if (codingAndQ[0].trim().equalsIgnoreCase("gzip")) {
                return !(codingAndQ.length > 1 && codingAndQ[1].trim().replace(" ", "").matches("q=0(\\.0*)?"));
            }
        }
        return false;
    }

    /** Bodies smaller than this are sent as they are: compressing them costs more than it saves. */
    static final int MIN_SIZE = 1024;

    /**
     * Writes a whole body of a response that carries a strong ETag (a feature, a tile): its type, then the body,
     * compressed when asked; nothing but the headers for HEAD.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, String contentType, byte[] body)
            throws IOException {
        response.setContentType(contentType);
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        try (OutputStream out = body(request, response, body.length)) {
            out.write(body);
        }
    }

    /** The response body stream, gzip-encoded when the client accepts it. Close it to finish the body. */
    public static OutputStream body(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return body(request, response, -1);
    }

    /**
     * The same for a body whose length is known: a small one goes out uncompressed. The choice depends only on
     * the body, so one request and one data version still give one representation (the ETag stays strong).
     */
    public static OutputStream body(HttpServletRequest request, HttpServletResponse response, int length) throws IOException {
        if (!accepted(request) || (length >= 0 && length < MIN_SIZE)) {
            return response.getOutputStream();
        }
        response.setHeader("Content-Encoding", "gzip");
        return new GZIPOutputStream(response.getOutputStream(), 16 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }
}
