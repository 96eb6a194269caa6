package org.corridorgis.crs;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The coordinate reference systems the service answers in (OGC API – Features Part 2). Storage is EPSG:4326
 * with longitude first (which is CRS84); PostGIS {@code ST_Transform} does every reprojection, and
 * {@code ST_FlipCoordinates} gives EPSG:4326 its latitude-first axis order as the EPSG definition says.
 */
public enum SupportedCrs {

    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, false, 6, null),
    EPSG_4326("http://www.opengis.net/def/crs/EPSG/0/4326", 4326, true, 6, null),
    // Web Mercator's inverse is defined for every x and y (PROJ clamps the latitude to +-90)
    EPSG_3857("http://www.opengis.net/def/crs/EPSG/0/3857", 3857, false, 2, null),
    // UTM 38N: PROJ's transverse Mercator refuses points far from the central meridian (45 E) with "Point
    // outside of projection domain". Eastings within 2 000 km of the false easting (about 18 degrees of
    // longitude at the equator) and northings within one meridian quadrant all transform.
    EPSG_32638("http://www.opengis.net/def/crs/EPSG/0/32638", 32638, false, 2,
            new double[] {-1_500_000, -10_000_000, 2_500_000, 10_000_000});

    public static final SupportedCrs STORAGE = CRS84;

    private final String uri;
    private final int srid;
    private final boolean latitudeFirst;
    private final int decimals;
    private final double[] domain;

    SupportedCrs(String uri, int srid, boolean latitudeFirst, int decimals, double[] domain) {
        this.uri = uri;
        this.srid = srid;
        this.latitudeFirst = latitudeFirst;
        this.decimals = decimals;
        this.domain = domain;
    }

    /**
     * Why a box of this CRS's x/y coordinates cannot be turned into longitude and latitude, or null when it
     * can. Checked before the coordinates reach PostGIS, whose refusal would otherwise be a server error.
     */
    public String outsideDomain(double minX, double minY, double maxX, double maxY) {
        if (domain == null || (minX >= domain[0] && minY >= domain[1] && maxX <= domain[2] && maxY <= domain[3])) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "coordinates in %s must lie within x %.0f..%.0f and y %.0f..%.0f "
                + "(beyond that the projection has no inverse)", uri, domain[0], domain[2], domain[1], domain[3]);
    }

    /** The CRS with this SRID in x/y order (EPSG:4326 as CRS84), if it is one of these. */
    public static Optional<SupportedCrs> bySrid(int srid) {
        return Arrays.stream(values()).filter(c -> c.srid == srid).findFirst();
    }

    public String uri() {
        return uri;
    }

    public int srid() {
        return srid;
    }

    /** Whether coordinates are (lat, lon) — EPSG:4326 as defined, not as GeoJSON writes it. */
    public boolean latitudeFirst() {
        return latitudeFirst;
    }

    /** Decimal places that keep about 10 cm: 6 for degrees, 2 for metres. */
    public int decimals() {
        return decimals;
    }

    public boolean geographic() {
        return srid == 4326;
    }

    public static List<String> uris() {
        return Arrays.stream(values()).map(SupportedCrs::uri).toList();
    }

    /**
     * Finds a CRS by its OGC URI, its safe CURIE ({@code [EPSG:3857]}) or the short forms clients send
     * ({@code EPSG:3857}, {@code CRS84}).
     */
    public static Optional<SupportedCrs> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        for (SupportedCrs crs : values()) {
            if (crs.uri.equals(t) || crs.uri.replace("http://", "https://").equals(t)) {
                return Optional.of(crs);
            }
        }
        return switch (t.toUpperCase()) {
            case "CRS84", "OGC:CRS84" -> Optional.of(CRS84);
            case "EPSG:4326" -> Optional.of(EPSG_4326);
            case "EPSG:3857" -> Optional.of(EPSG_3857);
            case "EPSG:32638" -> Optional.of(EPSG_32638);
            default -> Optional.empty();
        };
    }

    /** SQL that turns a stored geometry expression (EPSG:4326, lon/lat) into this CRS with this axis order. */
    public String fromStorage(String geometrySql) {
        if (this == CRS84) {
            return geometrySql;
        }
        if (this == EPSG_4326) {
            return "ST_FlipCoordinates(" + geometrySql + ")";
        }
        return "ST_Transform(" + geometrySql + ", " + srid + ")";
    }

    /** SQL that turns a geometry in this CRS (as the client wrote it) into storage coordinates. */
    public String toStorage(String geometrySql) {
        if (this == CRS84) {
            return geometrySql;
        }
        if (this == EPSG_4326) {
            return "ST_FlipCoordinates(" + geometrySql + ")";
        }
        return "ST_Transform(" + geometrySql + ", 4326)";
    }
}
