package org.corridorgis.features;

/** How a download's geometry column comes out of PostGIS. */
public enum GeometryEncoding {
    /** Little-endian ISO WKB in the requested CRS, x = east (GeoPackage's own convention for every CRS). */
    WKB,
    /** WKT in the requested CRS with the axis order GeoJSON uses for it (CSV). */
    WKT,
    /** KML geometry elements ({@code ST_AsKML}): KML is WGS 84 longitude/latitude by definition. */
    KML
}
