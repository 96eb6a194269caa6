package org.corridorgis.features;

/**
 * A column of a download (GeoPackage, FlatGeobuf, CSV, KML): its name and what kind of value the items query
 * gives for it. Arrays and JSON objects come as JSON text, dates and times as ISO 8601 text.
 */
public record DownloadColumn(String name, Kind kind) {

    public enum Kind { TEXT, INTEGER, REAL, BOOLEAN, DATE, DATETIME }
}
