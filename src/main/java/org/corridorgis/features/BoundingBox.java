package org.corridorgis.features;

import org.corridorgis.crs.SupportedCrs;
import org.corridorgis.web.ProblemException;

/**
 * A {@code bbox} parameter: lower-left and upper-right corners in the axis order of its CRS. Six numbers
 * (with heights) are accepted and the heights ignored, since the data is two-dimensional.
 */
public record BoundingBox(double minX, double minY, double maxX, double maxY, SupportedCrs crs) {

    public static BoundingBox parse(String text, SupportedCrs crs) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw ProblemException.badParameter("bbox", "bbox needs 4 or 6 comma-separated numbers, got " + parts.length);
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw ProblemException.badParameter("bbox", "'" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(v[i])) {
                throw ProblemException.badParameter("bbox", "bbox values must be finite numbers");
            }
        }
        int half = parts.length / 2;
        BoundingBox box = new BoundingBox(v[0], v[1], v[half], v[half + 1], crs);
        box.validate();
        return box;
    }

    private void validate() {
        if (minX > maxX || minY > maxY) {
            throw ProblemException.badParameter("bbox",
                    "the lower corner must come first: minimum values must not exceed maximum values");
        }
        String outside = crs.outsideDomain(minX, minY, maxX, maxY);
        if (outside != null) {
            throw ProblemException.badParameter("bbox", outside);
        }
        if (crs.geographic()) {
            double minLat = crs.latitudeFirst() ? minX : minY, maxLat = crs.latitudeFirst() ? maxX : maxY;
            double minLon = crs.latitudeFirst() ? minY : minX, maxLon = crs.latitudeFirst() ? maxY : maxX;
            if (minLat < -90 || maxLat > 90) {
                throw ProblemException.badParameter("bbox", "latitudes must lie within -90..90");
            }
            if (minLon < -180 || maxLon > 180) {
                throw ProblemException.badParameter("bbox", "longitudes must lie within -180..180");
            }
        }
    }

    /** SQL for the box as a storage-CRS geometry; the four numbers are bound as parameters. */
    public String sql() {
        return crs.toStorage("ST_MakeEnvelope(?, ?, ?, ?, " + crs.srid() + ")");
    }

    public Object[] params() {
        return new Object[] {minX, minY, maxX, maxY};
    }
}
