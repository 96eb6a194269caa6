package org.corridorgis.features;

import java.util.ArrayList;
import java.util.List;

import org.corridorgis.crs.SupportedCrs;
import org.corridorgis.filter.SqlFragment;
import org.corridorgis.web.ProblemException;

/**
 * A {@code bbox} parameter: lower-left and upper-right corners in the axis order of its CRS. Six numbers
 * (with heights) are accepted and the heights ignored, since the data is two-dimensional. In a geographic CRS
 * a box whose western longitude is greater than its eastern one spans the antimeridian (OGC API – Features
 * Part 1, {@code /req/core/fc-bbox-definition}); it selects what either of its two halves selects.
 */
public record BoundingBox(double minX, double minY, double maxX, double maxY, SupportedCrs crs) {

    /** Segments per side of a projected box when it is turned into storage coordinates (see {@link #boxSql}). */
    private static final int SEGMENTS_PER_SIDE = 32;

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
        if (!crs.geographic()) {
            if (minX > maxX || minY > maxY) {
                throw ProblemException.badParameter("bbox",
                        "the lower corner must come first: minimum values must not exceed maximum values");
            }
            String outside = crs.outsideDomain(minX, minY, maxX, maxY);
            if (outside != null) {
                throw ProblemException.badParameter("bbox", outside);
            }
            return;
        }
        double minLat = crs.latitudeFirst() ? minX : minY, maxLat = crs.latitudeFirst() ? maxX : maxY;
        double minLon = crs.latitudeFirst() ? minY : minX, maxLon = crs.latitudeFirst() ? maxY : maxX;
        if (minLat > maxLat) {
            throw ProblemException.badParameter("bbox", "the southern latitude must not exceed the northern one");
        }
        if (minLat < -90 || maxLat > 90) {
            throw ProblemException.badParameter("bbox", "latitudes must lie within -90..90");
        }
        if (minLon < -180 || maxLon > 180) {
            throw ProblemException.badParameter("bbox", "longitudes must lie within -180..180");
        }
    }

    /** Whether the box runs east from its western longitude across 180° to its eastern one. */
    public boolean spansAntimeridian() {
        return crs.geographic() && (crs.latitudeFirst() ? minY > maxY : minX > maxX);
    }

    /**
     * SQL that is true when the geometry expression intersects the box: the index test ({@code &&}) and then
     * the exact one, once per half for a box across the antimeridian; the corners are bind values.
     */
    public SqlFragment intersects(String geometry) {
        List<SqlFragment> tests = new ArrayList<>();
        for (double[] part : parts()) {
            tests.add(SqlFragment.cat(geometry + " && ", box(part), " and ST_Intersects(" + geometry + ", ", box(part), ")"));
        }
        return tests.size() == 1 ? tests.get(0) : SqlFragment.cat("((", SqlFragment.join(") or (", tests), "))");
    }

    /**
     * One box as a storage-CRS geometry. A projected box is densified first: its straight sides are curves in
     * longitude and latitude, and four transformed corners alone would cut a different area.
     */
    private SqlFragment box(double[] part) {
        String envelope = "ST_MakeEnvelope(:x1, :y1, :x2, :y2, " + crs.srid() + ")";
        if (crs.geographic()) {
            return SqlFragment.of(crs.toStorage(envelope), "x1", part[0], "y1", part[1], "x2", part[2], "y2", part[3]);
        }
        double step = Math.max(part[2] - part[0], part[3] - part[1]) / SEGMENTS_PER_SIDE;
        return SqlFragment.of(crs.toStorage("ST_Segmentize(" + envelope + ", greatest(:step, 1e-6))"),
                "x1", part[0], "y1", part[1], "x2", part[2], "y2", part[3], "step", step);
    }

    /** The box in its own axis order, split in two at 180° if it crosses it. */
    private List<double[]> parts() {
        if (!spansAntimeridian()) {
            return List.of(new double[] {minX, minY, maxX, maxY});
        }
        if (crs.latitudeFirst()) {
            return List.of(new double[] {minX, minY, maxX, 180}, new double[] {minX, -180, maxX, maxY});
        }
        return List.of(new double[] {minX, minY, 180, maxY}, new double[] {-180, minY, maxX, maxY});
    }
}
