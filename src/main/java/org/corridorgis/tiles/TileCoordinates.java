package org.corridorgis.tiles;

import org.corridorgis.web.ProblemException;

/**
 * A tile of the WebMercatorQuad tile matrix set, checked: z in 0..24, x and y in 0..2^z-1.
 * Anything else is a 400 problem, never a query.
 */
record TileCoordinates(int z, int x, int y) {

    static final int MAX_ZOOM = 24;

    static TileCoordinates parse(String z, String y, String x) {
        int zoom = number("tileMatrix", z, 0, MAX_ZOOM);
        int max = (1 << zoom) - 1;
        int row = number("tileRow", y, 0, max);
        int col = number("tileCol", x, 0, max);
        return new TileCoordinates(zoom, col, row);
    }

    private static int number(String name, String text, int min, int max) {
        if (text == null || !text.matches("[0-9]{1,10}")) {
            throw ProblemException.badParameter(name, "'" + text + "' is not a " + name + " of WebMercatorQuad: expected an integer in "
                    + min + ".." + max);
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            throw ProblemException.badParameter(name, name + " " + value + " is outside " + min + ".." + max
                    + (name.equals("tileMatrix") ? "" : " at this zoom level"));
        }
        return (int) value;
    }
}
