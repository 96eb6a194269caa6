package org.corridorgis.filter;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** Builds and checks JTS geometries for geometry literals (WKT and GeoJSON). */
final class Geometries {

    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 0);

    private Geometries() {
    }

    static Coordinate coordinate(double x, double y, double z, int pos) {
        if (!Double.isFinite(x) || !Double.isFinite(y) || (!Double.isNaN(z) && !Double.isFinite(z))) {
            throw new FilterException(pos, "coordinates must be finite numbers");
        }
        return Double.isNaN(z) ? new Coordinate(x, y) : new Coordinate(x, y, z);
    }

    static Point point(Coordinate c) {
        return FACTORY.createPoint(c);
    }

    static LineString lineString(List<Coordinate> cs, int pos) {
        if (cs.size() < 2) {
            throw new FilterException(pos, "a LINESTRING needs at least 2 positions");
        }
        return FACTORY.createLineString(cs.toArray(new Coordinate[0]));
    }

    static LinearRing ring(List<Coordinate> cs, int pos) {
        if (cs.size() < 4) {
            throw new FilterException(pos, "a polygon ring needs at least 4 positions");
        }
        if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
            throw new FilterException(pos, "a polygon ring must be closed (first and last positions equal)");
        }
        try {
            return FACTORY.createLinearRing(cs.toArray(new Coordinate[0]));
        } catch (IllegalArgumentException e) {
            throw new FilterException(pos, "invalid polygon ring");
        }
    }

    static Polygon polygon(List<List<Coordinate>> rings, int pos) {
        if (rings.isEmpty()) {
            throw new FilterException(pos, "a POLYGON needs at least one ring");
        }
        LinearRing shell = ring(rings.get(0), pos);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), pos);
        }
        return FACTORY.createPolygon(shell, holes);
    }

    static Geometry multiPoint(List<Coordinate> cs, int pos) {
        if (cs.isEmpty()) {
            throw new FilterException(pos, "a MULTIPOINT needs at least one point");
        }
        return FACTORY.createMultiPointFromCoords(cs.toArray(new Coordinate[0]));
    }

    static Geometry multiLineString(List<LineString> ls, int pos) {
        if (ls.isEmpty()) {
            throw new FilterException(pos, "a MULTILINESTRING needs at least one line string");
        }
        return FACTORY.createMultiLineString(ls.toArray(new LineString[0]));
    }

    static Geometry multiPolygon(List<Polygon> ps, int pos) {
        if (ps.isEmpty()) {
            throw new FilterException(pos, "a MULTIPOLYGON needs at least one polygon");
        }
        return FACTORY.createMultiPolygon(ps.toArray(new Polygon[0]));
    }

    static Geometry collection(List<Geometry> gs, int pos) {
        if (gs.isEmpty()) {
            throw new FilterException(pos, "a GEOMETRYCOLLECTION needs at least one geometry");
        }
        return FACTORY.createGeometryCollection(gs.toArray(new Geometry[0]));
    }

    /** Rejects geometries that PostGIS/GEOS could choke on (self-intersections, bad rings, ...). */
    static Geometry validated(Geometry g, int pos) {
        IsValidOp op = new IsValidOp(g);
        TopologyValidationError error;
        try {
            error = op.getValidationError();
        } catch (RuntimeException e) {
            throw new FilterException(pos, "invalid geometry");
        }
        if (error != null) {
            throw new FilterException(pos, "invalid " + g.getGeometryType() + ": " + error.getMessage());
        }
        return g;
    }

    /** Copy with x and y swapped (lat/lon filter CRS to lon/lat). */
    static Geometry swapAxes(Geometry g) {
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double x = seq.getX(i);
                seq.setOrdinate(i, 0, seq.getY(i));
                seq.setOrdinate(i, 1, x);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.geometryChanged();
        return copy;
    }

    static void checkLonLatRange(Geometry g) {
        for (Coordinate c : g.getCoordinates()) {
            if (c.x < -180 || c.x > 180 || c.y < -90 || c.y > 90) {
                throw new FilterException("coordinate (" + c.x + " " + c.y
                    + ") is outside the range of the filter CRS (longitude -180..180, latitude -90..90)");
            }
        }
    }

    /** The components of (nested) geometry collections; other geometries as themselves. */
    static List<Geometry> flattenCollections(Geometry g) {
        List<Geometry> out = new ArrayList<>();
        if (g.getClass() == GeometryCollection.class) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                out.addAll(flattenCollections(g.getGeometryN(i)));
            }
        } else {
            out.add(g);
        }
        return out;
    }

    static boolean isCollection(Geometry g) {
        return g.getClass() == GeometryCollection.class;
    }

    static byte[] wkb(Geometry g) {
        return new WKBWriter(2).write(g);
    }

    /** A box (or a point/line if degenerate) in lon/lat order; west &gt; east crosses the antimeridian. */
    static Geometry box(double minx, double miny, double maxx, double maxy, boolean allowAntimeridian) {
        if (miny > maxy) {
            throw new FilterException("BBOX: the minimum y (south) " + miny + " is greater than the maximum y " + maxy);
        }
        if (minx > maxx) {
            if (!allowAntimeridian) {
                throw new FilterException("BBOX: the minimum x " + minx + " is greater than the maximum x " + maxx);
            }
            Geometry east = FACTORY.toGeometry(new Envelope(minx, 180, miny, maxy));
            Geometry west = FACTORY.toGeometry(new Envelope(-180, maxx, miny, maxy));
            if (east instanceof Polygon pe && west instanceof Polygon pw) {
                return FACTORY.createMultiPolygon(new Polygon[] {pe, pw});
            }
            return FACTORY.createGeometryCollection(new Geometry[] {east, west});
        }
        return FACTORY.toGeometry(new Envelope(minx, maxx, miny, maxy));
    }
}
