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

    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, false, 6),
    EPSG_4326("http://www.opengis.net/def/crs/EPSG/0/4326", 4326, true, 6),
    EPSG_3857("http://www.opengis.net/def/crs/EPSG/0/3857", 3857, false, 2),
    EPSG_32638("http://www.opengis.net/def/crs/EPSG/0/32638", 32638, false, 2);

    public static final SupportedCrs STORAGE = CRS84;

    private final String uri;
    private final int srid;
    private final boolean latitudeFirst;
    private final int decimals;

    SupportedCrs(String uri, int srid, boolean latitudeFirst, int decimals) {
        this.uri = uri;
        this.srid = srid;
        this.latitudeFirst = latitudeFirst;
        this.decimals = decimals;
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
