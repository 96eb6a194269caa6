package org.corridorgis.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The representations of a resource: JSON (GeoJSON for features) for programs, HTML for people, and for a
 * collection's items also the files GIS tools open (GeoPackage, FlatGeobuf, CSV, KML). Chosen by {@code f=},
 * else by the Accept header (a browser asks for text/html first), else JSON.
 */
public enum OutputFormat {
    JSON("application/json", "json"),
    HTML("text/html", "html"),
    GPKG("application/geopackage+sqlite3", "gpkg"),
    FGB("application/flatgeobuf", "fgb"),
    CSV("text/csv", "csv"),
    KML("application/vnd.google-earth.kml+xml", "kml");

    /** The file formats, in the order links and documents list them. */
    public static final List<OutputFormat> DOWNLOADS = List.of(GPKG, FGB, CSV, KML);

    private final String mediaType;
    private final String extension;

    OutputFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The registered media type (IANA; FlatGeobuf's as its specification gives it). */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extension, which is also the {@code f=} value. */
    public String extension() {
        return extension;
    }

    public boolean download() {
        return DOWNLOADS.contains(this);
    }

    /** JSON or HTML: the choice for every resource that is not a collection's items. */
    public static OutputFormat of(HttpServletRequest request) {
        return choose(request, false);
    }

    /** JSON, HTML or one of the file formats: the choice for a collection's items. */
    public static OutputFormat forItems(HttpServletRequest request) {
        return choose(request, true);
    }

    private static OutputFormat choose(HttpServletRequest request, boolean files) {
        String f = request.getParameter("f");
        if (f != null) {
            OutputFormat named = switch (f.toLowerCase()) {
                case "json", "geojson", "application/json", "application/geo+json" -> JSON;
                case "html", "text/html" -> HTML;
                default -> DOWNLOADS.stream().filter(d -> d.extension.equals(f.toLowerCase()) || d.mediaType.equals(f.toLowerCase()))
                        .findFirst().orElse(null);
            };
            if (named == null || (named.download() && !files)) {
                throw ProblemException.badParameter("f", "'" + f + "' is not a format here; use " + (files
                        ? "f=json, html, gpkg, fgb, csv or kml" : "f=json or f=html"));
            }
            return named;
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        try {
            // The first of the most preferred types decides: html, a file format, or json and anything else.
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            double best = -1;
            OutputFormat chosen = JSON;
            for (MediaType type : types) {
                OutputFormat match = match(type, files);
                if (match != null && type.getQualityValue() > best) {
                    best = type.getQualityValue();
                    chosen = match;
                }
            }
            return chosen;
        } catch (InvalidMediaTypeException e) {
            return JSON;
        }
    }

    private static OutputFormat match(MediaType type, boolean files) {
        if (type.getType().equals("text") && type.getSubtype().equals("html")) {
            return HTML;
        }
        if (files) {
            for (OutputFormat d : DOWNLOADS) {
                if (type.getType().equals(d.mediaType.substring(0, d.mediaType.indexOf('/')))
                        && type.getSubtype().equals(d.mediaType.substring(d.mediaType.indexOf('/') + 1))) {
                    return d;
                }
            }
        }
        if (type.getSubtype().contains("json") || type.isWildcardType() || type.isWildcardSubtype()) {
            return JSON;
        }
        return null;
    }
}
