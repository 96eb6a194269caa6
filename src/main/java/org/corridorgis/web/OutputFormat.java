package org.corridorgis.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The two representations of every resource: JSON (GeoJSON for features) for programs, HTML for people.
 * Chosen by {@code f=json|geojson|html}, else by the Accept header (a browser asks for text/html first), else
 * JSON.
 */
public enum OutputFormat {
    JSON, HTML;

    public static OutputFormat of(HttpServletRequest request) {
        String f = request.getParameter("f");
        if (f != null) {
            return switch (f.toLowerCase()) {
                case "json", "geojson", "application/json", "application/geo+json" -> JSON;
                case "html", "text/html" -> HTML;
                default -> throw ProblemException.badParameter("f", "'" + f + "' is not a format here; use f=json or f=html");
            };
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        try {
            // The first of the most preferred types decides: html, or json and anything else.
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            double best = -1;
            OutputFormat chosen = JSON;
            for (MediaType type : types) {
                boolean html = type.getType().equals("text") && type.getSubtype().equals("html");
                boolean json = type.getSubtype().contains("json") || type.isWildcardType() || type.isWildcardSubtype();
                if ((html || json) && type.getQualityValue() > best) {
                    best = type.getQualityValue();
                    chosen = html ? HTML : JSON;
                }
            }
            return chosen;
        } catch (InvalidMediaTypeException e) {
            return JSON;
        }
    }
}
