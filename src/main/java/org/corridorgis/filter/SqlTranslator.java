package org.corridorgis.filter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.locationtech.jts.geom.Geometry;

import org.corridorgis.filter.Expression.*;

/**
 * Translates the syntax tree to a PostgreSQL/PostGIS condition. What goes into the SQL text is only: the
 * resolver's sqlExpression of a queryable, fixed SQL text of this class, and the placeholders of bind parameters
 * (named after their place when the fragment is rendered). Every literal is a bind parameter. Everything is
 * type-checked first, so the database never sees a type error.
 */
final class SqlTranslator {

    enum T {
        STRING("a string"), NUMBER("a number"), BOOLEAN("a boolean"), DATE("a date"), TIMESTAMP("a timestamp"),
        GEOMETRY("a geometry"), ARRAY("an array"), JSON("a JSON value");

        final String label;

        T(String label) {
            this.label = label;
        }
    }

    /** A typed value; a DATE or TIMESTAMP literal keeps its value, so it can be bound again on another clock. */
    record Val(SqlFragment frag, T type, Object literal) {
        Val(SqlFragment frag, T type) {
            this(frag, type, null);
        }
    }

    private record Bounds(Val start, Val end, boolean instant) {}

    /** Largest accepted bound of |log10| of an arithmetic result (keeps it inside numeric and float8 ranges). */
    static final int MAX_ARITHMETIC_MAGNITUDE = 300;
    private static final int PROPERTY_MAGNITUDE = 20;
    /** PostgreSQL's ICU root collation (present whenever PostgreSQL is built with ICU, as Debian's and Docker's are). */
    static final String CASE_FOLDING_COLLATION = "\"und-x-icu\"";

    private final QueryableResolver resolver;
    private final int srid;
    private final boolean latLon;

    SqlTranslator(QueryableResolver resolver, int srid, boolean latLon) {
        this.resolver = resolver;
        this.srid = srid;
        this.latLon = latLon;
    }

    SqlFragment translate(Expression e) {
        return condition(e);
    }

    // ---- conditions ---------------------------------------------------------------------------------------

    private SqlFragment condition(Expression e) {
        if (e instanceof And a) {
            List<SqlFragment> fs = new ArrayList<>();
            for (Expression x : a.args()) {
                fs.add(condition(x));
            }
            return SqlFragment.cat("(", SqlFragment.join(" AND ", fs), ")");
        }
        if (e instanceof Or o) {
            List<SqlFragment> fs = new ArrayList<>();
            for (Expression x : o.args()) {
                fs.add(condition(x));
            }
            return SqlFragment.cat("(", SqlFragment.join(" OR ", fs), ")");
        }
        if (e instanceof Not n) {
            return SqlFragment.cat("(NOT ", condition(n.arg()), ")");
        }
        if (e instanceof Comparison c) {
            return comparison(c);
        }
        if (e instanceof Like l) {
            return like(l);
        }
        if (e instanceof Between b) {
            return between(b);
        }
        if (e instanceof In in) {
            return in(in);
        }
        if (e instanceof IsNull n) {
            Val v = value(n.value());
            return SqlFragment.cat("(", v.frag, " IS NULL)");
        }
        if (e instanceof SpatialPredicate s) {
            return spatial(s);
        }
        if (e instanceof TemporalPredicate t) {
            return temporal(t);
        }
        if (e instanceof ArrayPredicate a) {
            return array(a);
        }
        if (e instanceof BooleanLiteral b) {
            return SqlFragment.cat("CAST(", SqlFragment.value(b.value()), " AS boolean)");
        }
        if (e instanceof Property || e instanceof FunctionCall) {
            Val v = value(e);
            if (v.type == T.BOOLEAN) {
                return SqlFragment.cat("(", v.frag, ")");
            }
            throw new FilterException("expected a condition but found " + describe(e) + ", which is " + v.type.label
                + "; compare it with something, e.g. " + describeShort(e) + " = ...");
        }
        throw new FilterException("expected a condition (a comparison, LIKE, BETWEEN, IN, IS NULL, a spatial, temporal"
            + " or array function, AND/OR/NOT) but found " + describe(e));
    }

    private static boolean isPredicate(Expression e) {
        return e instanceof And || e instanceof Or || e instanceof Not || e instanceof Comparison || e instanceof Like
            || e instanceof Between || e instanceof In || e instanceof IsNull || e instanceof SpatialPredicate
            || e instanceof TemporalPredicate || e instanceof ArrayPredicate;
    }

    private SqlFragment comparison(Comparison c) {
        Val[] p = comparablePair(c.left(), c.right(), "the comparison '" + c.op().symbol + "'");
        T type = p[0].type;
        if (type == T.BOOLEAN && c.op() != ComparisonOp.EQ && c.op() != ComparisonOp.NE) {
            throw new FilterException("booleans can only be compared with = and <>");
        }
        return SqlFragment.cat("(", p[0].frag, " " + c.op().symbol + " ", p[1].frag, ")");
    }

    /** Both sides typed compatibly; string literals are read as dates/timestamps when compared with one. */
    private Val[] comparablePair(Expression left, Expression right, String what) {
        Val l = value(left);
        Val r = value(right);
        if (isTemporal(r.type) && l.type == T.STRING && left instanceof StringLiteral s) {
            l = instantValue(s);
        } else if (isTemporal(l.type) && r.type == T.STRING && right instanceof StringLiteral s) {
            r = instantValue(s);
        }
        checkComparable(l, left, what);
        checkComparable(r, right, what);
        if (!(l.type == r.type || (isTemporal(l.type) && isTemporal(r.type)))) {
            throw new FilterException("type mismatch in " + what + ": " + describe(left) + " is " + l.type.label
                + " but " + describe(right) + " is " + r.type.label);
        }
        return onOneClock(l, r);
    }

    /**
     * A DATE compared with a TIMESTAMP stands for its midnight in UTC, the clock of CQL2's timestamps. PostgreSQL
     * would turn the date into a timestamp at midnight in the session's time zone (the JVM's), so the answer would
     * depend on where the service runs. The literal side is bound on the other side's clock instead: a DATE literal
     * as the timestamp of its UTC midnight, a TIMESTAMP literal as its UTC wall-clock time (a timestamp without
     * time zone, which PostgreSQL compares with a date column without any time zone). Two columns, or a column and
     * an open end, are left as they are.
     */
    private static Val[] onOneClock(Val a, Val b) {
        if (a.type == b.type || !isTemporal(a.type) || !isTemporal(b.type)) {
            return new Val[] {a, b};
        }
        boolean aIsDate = a.type == T.DATE;
        Val date = aIsDate ? a : b;
        Val timestamp = aIsDate ? b : a;
        if (date.literal instanceof LocalDate d) {
            OffsetDateTime midnight = d.atStartOfDay().atOffset(ZoneOffset.UTC);
            date = new Val(SqlFragment.cat("CAST(", SqlFragment.value(midnight), " AS timestamptz)"), T.TIMESTAMP, midnight);
        } else if (timestamp.literal instanceof OffsetDateTime t) {
            timestamp = new Val(SqlFragment.cat("CAST(", SqlFragment.value(t.withOffsetSameInstant(ZoneOffset.UTC)
                .toLocalDateTime()), " AS timestamp)"), T.TIMESTAMP, t);
        }
        return aIsDate ? new Val[] {date, timestamp} : new Val[] {timestamp, date};
    }

    private static void checkComparable(Val v, Expression e, String what) {
        switch (v.type) {
            case GEOMETRY -> throw new FilterException(what + " cannot be applied to " + describe(e)
                + ", which is a geometry; use a spatial function such as S_EQUALS or S_INTERSECTS");
            case ARRAY -> throw new FilterException(what + " cannot be applied to " + describe(e)
                + ", which is an array; use an array function such as A_EQUALS or A_CONTAINS");
            case JSON -> throw new FilterException(what + " cannot be applied to " + describe(e)
                + ", which is a JSON value; only IS NULL is supported for it");
            default -> {
            }
        }
    }

    private static boolean isTemporal(T t) {
        return t == T.DATE || t == T.TIMESTAMP;
    }

    private Val instantValue(StringLiteral s) {
        Expression lit = Literals.instant(s.value(), -1);
        if (lit instanceof OpenEnd) {
            throw new FilterException("'..' is only allowed as an end of an INTERVAL");
        }
        return value(lit);
    }

    private SqlFragment like(Like l) {
        Val v = value(l.value());
        if (v.type != T.STRING) {
            throw new FilterException("LIKE needs a string on the left but " + describe(l.value()) + " is "
                + v.type.label);
        }
        Expression p = l.pattern();
        while (p instanceof Casei || p instanceof Accenti) {
            p = p instanceof Casei c ? c.operand() : ((Accenti) p).operand();
        }
        if (!(p instanceof StringLiteral s)) {
            throw new FilterException("the pattern of LIKE must be a string literal (optionally in CASEI/ACCENTI) but is "
                + describe(p));
        }
        int trailing = 0;
        for (int i = s.value().length() - 1; i >= 0 && s.value().charAt(i) == '\\'; i--) {
            trailing++;
        }
        if (trailing % 2 == 1) {
            throw new FilterException("the LIKE pattern must not end with the escape character '\\'; write '\\\\' for"
                + " a literal backslash");
        }
        Val pattern = value(l.pattern());
        return SqlFragment.cat("(", v.frag, " LIKE ", pattern.frag, ")");
    }

    private SqlFragment between(Between b) {
        Val[] lo = comparablePair(b.value(), b.low(), "BETWEEN");
        Val[] hi = comparablePair(b.value(), b.high(), "BETWEEN");
        if (lo[0].type == T.BOOLEAN) {
            throw new FilterException("BETWEEN cannot be applied to booleans");
        }
        return SqlFragment.cat("(", lo[0].frag, " BETWEEN ", lo[1].frag, " AND ", hi[1].frag, ")");
    }

    private SqlFragment in(In in) {
        // The value may be bound on another clock for some items (a DATE literal among timestamp columns): each
        // run of items that share its form is one IN, and the runs are ORed, as IN is an OR of equalities.
        List<SqlFragment> values = new ArrayList<>();
        List<List<SqlFragment>> items = new ArrayList<>();
        for (Expression item : in.list()) {
            Val[] p = comparablePair(in.value(), item, "IN");
            if (values.isEmpty() || !values.get(values.size() - 1).equals(p[0].frag)) {
                values.add(p[0].frag);
                items.add(new ArrayList<>());
            }
            items.get(items.size() - 1).add(p[1].frag);
        }
        if (values.isEmpty()) {
            throw new FilterException("IN needs at least one value in the list");
        }
        List<SqlFragment> runs = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            runs.add(SqlFragment.cat("(", values.get(i), " IN (", SqlFragment.join(", ", items.get(i)), "))"));
        }
        return runs.size() == 1 ? runs.get(0) : SqlFragment.cat("(", SqlFragment.join(" OR ", runs), ")");
    }

    // ---- spatial ------------------------------------------------------------------------------------------

    private SqlFragment spatial(SpatialPredicate s) {
        List<SqlFragment> left = geometryParts(s.left(), s.op().name());
        List<SqlFragment> right = geometryParts(s.right(), s.op().name());
        boolean decomposed = left.size() > 1 || right.size() > 1;
        if (decomposed && s.op() != SpatialOp.S_INTERSECTS && s.op() != SpatialOp.S_DISJOINT) {
            throw new FilterException("a GEOMETRYCOLLECTION literal is only supported by S_INTERSECTS and S_DISJOINT,"
                + " not by " + s.op().name());
        }
        List<SqlFragment> terms = new ArrayList<>();
        for (SqlFragment a : left) {
            for (SqlFragment b : right) {
                terms.add(SqlFragment.cat(s.op().sqlFunction + "(", a, ", ", b, ")"));
            }
        }
        if (terms.size() == 1) {
            return terms.get(0);
        }
        return SqlFragment.cat("(", SqlFragment.join(s.op() == SpatialOp.S_INTERSECTS ? " OR " : " AND ", terms), ")");
    }

    /** A geometry operand; literal geometry collections are split into their parts. */
    private List<SqlFragment> geometryParts(Expression e, String function) {
        return geometryParts(e, function, false);
    }

    /**
     * @param forGeography densify literal edges to at most 10 degrees, because geography cannot handle edges of
     *                     180 degrees of longitude or more ("antipodal edge")
     */
    private List<SqlFragment> geometryParts(Expression e, String function, boolean forGeography) {
        if (e instanceof GeometryLiteral g) {
            List<SqlFragment> parts = new ArrayList<>();
            for (Geometry part : Geometries.flattenCollections(g.geometry())) {
                Geometry lonLat = latLon ? Geometries.swapAxes(part) : part;
                parts.add(lonLatGeometry(forGeography ? densify(lonLat) : lonLat));
            }
            return parts;
        }
        if (e instanceof BboxLiteral b) {
            List<SqlFragment> parts = new ArrayList<>();
            for (Geometry part : Geometries.flattenCollections(bbox(b))) {
                parts.add(lonLatGeometry(forGeography ? densify(part) : part));
            }
            return parts;
        }
        Val v = value(e);
        if (v.type != T.GEOMETRY) {
            throw new FilterException(function + " needs geometries but " + describe(e) + " is " + v.type.label);
        }
        return List.of(v.frag);
    }

    private Geometry bbox(BboxLiteral b) {
        List<Double> c = b.coordinates();
        double minx;
        double miny;
        double maxx;
        double maxy;
        if (c.size() == 6) {
            minx = c.get(0);
            miny = c.get(1);
            maxx = c.get(3);
            maxy = c.get(4);
        } else {
            minx = c.get(0);
            miny = c.get(1);
            maxx = c.get(2);
            maxy = c.get(3);
        }
        if (latLon) {
            double t = minx;
            minx = miny;
            miny = t;
            t = maxx;
            maxx = maxy;
            maxy = t;
        }
        Geometry g = Geometries.box(minx, miny, maxx, maxy, srid == 4326);
        if (srid == 4326) {
            Geometries.checkLonLatRange(g);
        }
        return g;
    }

    private Geometry densify(Geometry g) {
        if (srid != 4326 || g.getDimension() == 0) {
            return g;
        }
        return org.locationtech.jts.densify.Densifier.densify(g, 10.0);
    }

    /** A geometry already in x/y (lon/lat) order; bound as WKB. */
    private SqlFragment lonLatGeometry(Geometry geom) {
        if (srid == 4326) {
            Geometries.checkLonLatRange(geom);
            return SqlFragment.cat("ST_GeomFromWKB(", SqlFragment.value(Geometries.wkb(geom)), ", 4326)");
        }
        org.locationtech.jts.geom.Envelope box = geom.getEnvelopeInternal();
        String outside = box.isNull() ? null : org.corridorgis.crs.SupportedCrs.bySrid(srid)
                .map(crs -> crs.outsideDomain(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY())).orElse(null);
        if (outside != null) {
            throw new FilterException(outside);
        }
        return SqlFragment.cat("ST_Transform(ST_GeomFromWKB(", SqlFragment.value(Geometries.wkb(geom)), ", " + srid + "), 4326)");
    }

    // ---- temporal -----------------------------------------------------------------------------------------

    private SqlFragment temporal(TemporalPredicate t) {
        Bounds a = bounds(t.left(), t.op().name());
        Bounds b = bounds(t.right(), t.op().name());
        if (a.instant && b.instant) {
            switch (t.op()) {
                case T_AFTER:
                    return cmp(a.start, ">", b.start);
                case T_BEFORE:
                    return cmp(a.start, "<", b.start);
                case T_EQUALS:
                case T_INTERSECTS:
                    return cmp(a.start, "=", b.start);
                case T_DISJOINT:
                    return cmp(a.start, "<>", b.start);
                default:
                    break;
            }
        }
        return switch (t.op()) {
            case T_AFTER -> cmp(a.start, ">", b.end);
            case T_BEFORE -> cmp(a.end, "<", b.start);
            case T_CONTAINS -> all(cmp(a.start, "<", b.start), cmp(a.end, ">", b.end));
            case T_DISJOINT -> SqlFragment.cat("(", cmp(a.start, ">", b.end), " OR ", cmp(a.end, "<", b.start), ")");
            case T_DURING -> all(cmp(a.start, ">", b.start), cmp(a.end, "<", b.end));
            case T_EQUALS -> all(cmp(a.start, "=", b.start), cmp(a.end, "=", b.end));
            case T_FINISHEDBY -> all(cmp(a.start, "<", b.start), cmp(a.end, "=", b.end));
            case T_FINISHES -> all(cmp(a.start, ">", b.start), cmp(a.end, "=", b.end));
            case T_INTERSECTS -> all(cmp(a.start, "<=", b.end), cmp(a.end, ">=", b.start));
            case T_MEETS -> cmp(a.end, "=", b.start);
            case T_METBY -> cmp(a.start, "=", b.end);
            case T_OVERLAPPEDBY -> all(cmp(a.start, ">", b.start), cmp(a.start, "<", b.end), cmp(a.end, ">", b.end));
            case T_OVERLAPS -> all(cmp(a.start, "<", b.start), cmp(a.end, ">", b.start), cmp(a.end, "<", b.end));
            case T_STARTEDBY -> all(cmp(a.start, "=", b.start), cmp(a.end, ">", b.end));
            case T_STARTS -> all(cmp(a.start, "=", b.start), cmp(a.end, "<", b.end));
        };
    }

    private static SqlFragment cmp(Val a, String op, Val b) {
        Val[] p = onOneClock(a, b);
        return SqlFragment.cat("(", p[0].frag, " " + op + " ", p[1].frag, ")");
    }

    private static SqlFragment all(SqlFragment... fs) {
        return SqlFragment.cat("(", SqlFragment.join(" AND ", List.of(fs)), ")");
    }

    private Bounds bounds(Expression e, String function) {
        if (e instanceof IntervalLiteral iv) {
            return new Bounds(intervalEnd(iv.start(), true, function), intervalEnd(iv.end(), false, function), false);
        }
        Val v;
        if (e instanceof StringLiteral s) {
            v = instantValue(s);
        } else {
            v = value(e);
        }
        if (!isTemporal(v.type)) {
            throw new FilterException(function + " needs dates, timestamps or intervals but " + describe(e) + " is "
                + v.type.label);
        }
        return new Bounds(v, v, true);
    }

    private Val intervalEnd(Expression e, boolean start, String function) {
        if (e instanceof OpenEnd) {
            return new Val(SqlFragment.text(start ? "'-infinity'::timestamptz" : "'infinity'::timestamptz"), T.TIMESTAMP);
        }
        Val v = value(e);
        if (!isTemporal(v.type)) {
            throw new FilterException("the ends of an INTERVAL in " + function + " must be dates, timestamps or '..' but "
                + describe(e) + " is " + v.type.label);
        }
        if (e instanceof Property) {
            // A null valid_from / valid_to means open-ended.
            String infinity = start ? "'-infinity'" : "'infinity'";
            return new Val(SqlFragment.cat("COALESCE(", v.frag, ", " + infinity
                + (v.type == T.DATE ? "::date)" : "::timestamptz)")), v.type);
        }
        return v;
    }

    // ---- arrays -------------------------------------------------------------------------------------------

    /**
     * CQL2 compares arrays as sets (/req/array-functions/array-predicates): order and repeated elements do not
     * count. PostgreSQL's containment operators already ignore both; equality is containment both ways, since
     * {@code =} on arrays compares them as ordered lists. The empty set is contained in every set and overlaps none.
     */
    private SqlFragment array(ArrayPredicate a) {
        SqlFragment l = arrayOperand(a.left(), a.op().name());
        SqlFragment r = arrayOperand(a.right(), a.op().name());
        return switch (a.op()) {
            case A_EQUALS -> SqlFragment.cat("(", l, " @> ", r, " AND ", l, " <@ ", r, ")");
            case A_CONTAINS -> SqlFragment.cat("(", l, " @> ", r, ")");
            case A_CONTAINEDBY -> SqlFragment.cat("(", l, " <@ ", r, ")");
            case A_OVERLAPS -> SqlFragment.cat("(", l, " && ", r, ")");
        };
    }

    private SqlFragment arrayOperand(Expression e, String function) {
        Val v = value(e);
        if (v.type != T.ARRAY) {
            throw new FilterException(function + " needs arrays but " + describe(e) + " is " + v.type.label);
        }
        return v.frag;
    }

    // ---- values -------------------------------------------------------------------------------------------

    private Val value(Expression e) {
        if (e instanceof Property p) {
            return property(p);
        }
        if (e instanceof StringLiteral s) {
            return new Val(SqlFragment.value(Literals.string(s.value(), -1)), T.STRING);
        }
        if (e instanceof NumberLiteral n) {
            return new Val(SqlFragment.value(numberParam(n.value())), T.NUMBER);
        }
        if (e instanceof BooleanLiteral b) {
            return new Val(SqlFragment.cat("CAST(", SqlFragment.value(b.value()), " AS boolean)"), T.BOOLEAN);
        }
        if (e instanceof DateLiteral d) {
            return new Val(SqlFragment.cat("CAST(", SqlFragment.value(d.value()), " AS date)"), T.DATE, d.value());
        }
        if (e instanceof TimestampLiteral t) {
            return new Val(SqlFragment.cat("CAST(", SqlFragment.value(t.value()), " AS timestamptz)"), T.TIMESTAMP, t.value());
        }
        if (e instanceof GeometryLiteral || e instanceof BboxLiteral) {
            List<SqlFragment> parts = geometryParts(e, "a geometry");
            if (parts.size() != 1) {
                throw new FilterException("a GEOMETRYCOLLECTION literal is only supported by S_INTERSECTS and"
                    + " S_DISJOINT");
            }
            return new Val(parts.get(0), T.GEOMETRY);
        }
        if (e instanceof ArrayLiteral a) {
            String[] items = new String[a.elements().size()];
            for (int i = 0; i < items.length; i++) {
                Expression item = a.elements().get(i);
                if (!(item instanceof StringLiteral s)) {
                    throw new FilterException("array literals may only contain strings (the array properties are text"
                        + " arrays) but element " + (i + 1) + " is " + describe(item));
                }
                items[i] = Literals.string(s.value(), -1);
            }
            return new Val(SqlFragment.cat("CAST(", SqlFragment.value(items), " AS text[])"), T.ARRAY);
        }
        if (e instanceof Casei || e instanceof Accenti) {
            return folded(e);
        }
        if (e instanceof Arithmetic || e instanceof Negate) {
            int magnitude = magnitude(e);
            if (magnitude > MAX_ARITHMETIC_MAGNITUDE) {
                throw new FilterException("the arithmetic expression could exceed the supported range of numbers");
            }
            return arithmetic(e);
        }
        if (e instanceof FunctionCall f) {
            return function(f);
        }
        if (e instanceof IntervalLiteral) {
            throw new FilterException("an INTERVAL can only be used in a temporal function (T_INTERSECTS, T_DURING, ...)");
        }
        if (e instanceof OpenEnd) {
            throw new FilterException("'..' is only allowed as an end of an INTERVAL");
        }
        if (isPredicate(e)) {
            return new Val(condition(e), T.BOOLEAN);
        }
        throw new FilterException("unsupported expression " + describe(e));
    }

    /**
     * CASEI and ACCENTI, however deeply nested on each other, fold to at most one of each: both are idempotent
     * and commute, so {@code ACCENTI(ACCENTI(ACCENTI(name)))} costs what one does, and a long chain cannot
     * multiply the work done per row.
     */
    private Val folded(Expression e) {
        boolean caseFolded = false;
        boolean accentFolded = false;
        Expression operand = e;
        String outermost = e instanceof Casei ? "CASEI" : "ACCENTI";
        while (true) {
            if (operand instanceof Casei c) {
                caseFolded = true;
                operand = c.operand();
            } else if (operand instanceof Accenti a) {
                accentFolded = true;
                operand = a.operand();
            } else {
                break;
            }
        }
        SqlFragment f = stringOperand(operand, outermost).frag;
        if (accentFolded) {
            f = SqlFragment.cat(Accents.FUNCTION + "(", f, ")");
        }
        if (caseFolded) {
            // An ICU collation, so that lower() folds every script whatever the database's locale (under the C
            // locale of the embedded cluster plain lower() folds ASCII only: CASEI('TÜRKIYE') missed 'Türkiye').
            f = SqlFragment.cat("lower((", f, ") COLLATE " + CASE_FOLDING_COLLATION + ")");
        }
        return new Val(f, T.STRING);
    }

    private Val stringOperand(Expression e, String function) {
        Val v = value(e);
        if (v.type != T.STRING) {
            throw new FilterException(function + " needs a string but " + describe(e) + " is " + v.type.label);
        }
        return v;
    }

    private static Object numberParam(BigDecimal v) {
        if (v.scale() <= 0) {
            try {
                return v.longValueExact();
            } catch (ArithmeticException e) {
                return v;
            }
        }
        return v;
    }

    private Val property(Property p) {
        Queryable q = resolver.resolve(p.name()).orElseThrow(() -> unknownProperty(p.name()));
        T type = switch (q.type()) {
            case STRING -> T.STRING;
            case NUMBER, INTEGER -> T.NUMBER;
            case BOOLEAN -> T.BOOLEAN;
            case DATE -> T.DATE;
            case TIMESTAMP -> T.TIMESTAMP;
            case GEOMETRY -> T.GEOMETRY;
            case STRING_ARRAY -> T.ARRAY;
            case JSON -> T.JSON;
        };
        return new Val(SqlFragment.text(q.sqlExpression()), type);
    }

    private FilterException unknownProperty(String name) {
        Collection<String> names = resolver.queryableNames();
        String list = names.isEmpty() ? "see /queryables" : String.join(", ", new TreeSet<>(names));
        return new FilterException("unknown property '" + Text.shorten(name) + "'; queryables are: " + list);
    }

    // ---- arithmetic ---------------------------------------------------------------------------------------

    private Val numeric(Expression e, String what) {
        Val v = value(e);
        if (v.type != T.NUMBER) {
            throw new FilterException(what + " needs numbers but " + describe(e) + " is " + v.type.label);
        }
        return v;
    }

    private Val arithmetic(Expression e) {
        if (e instanceof Negate n) {
            Val v = numeric(n.operand(), "unary '-'");
            return new Val(SqlFragment.cat("(-CAST(", v.frag, " AS numeric))"), T.NUMBER);
        }
        Arithmetic a = (Arithmetic) e;
        String what = "the operator '" + a.op().symbol + "'";
        Val l = numeric(a.left(), what);
        if (a.op() == ArithmeticOp.POWER) {
            if (!(a.right() instanceof NumberLiteral n) || n.value().signum() < 0 || n.value().compareTo(BigDecimal.valueOf(64)) > 0
                || n.value().stripTrailingZeros().scale() > 0) {
                throw new FilterException("the exponent of '^' must be an integer literal between 0 and 64");
            }
            Val r = value(a.right());
            return new Val(SqlFragment.cat("power(CAST(", l.frag, " AS numeric), CAST(", r.frag, " AS numeric))"), T.NUMBER);
        }
        Val r = numeric(a.right(), what);
        SqlFragment ln = SqlFragment.cat("CAST(", l.frag, " AS numeric)");
        SqlFragment rn = SqlFragment.cat("CAST(", r.frag, " AS numeric)");
        SqlFragment f = switch (a.op()) {
            case ADD -> SqlFragment.cat("(", ln, " + ", rn, ")");
            case SUBTRACT -> SqlFragment.cat("(", ln, " - ", rn, ")");
            case MULTIPLY -> SqlFragment.cat("(", ln, " * ", rn, ")");
            // Division by zero gives NULL (no match) instead of a database error.
            case DIVIDE -> SqlFragment.cat("(", ln, " / NULLIF(", rn, ", 0))");
            case MODULO -> SqlFragment.cat("mod(", ln, ", NULLIF(", rn, ", 0))");
            case INTEGER_DIVIDE -> SqlFragment.cat("div(", ln, ", NULLIF(", rn, ", 0))");
            case POWER -> throw new IllegalStateException();
        };
        return new Val(f, T.NUMBER);
    }

    /** An upper bound of |log10| of the value of a numeric expression. */
    private static int magnitude(Expression e) {
        if (e instanceof NumberLiteral n) {
            return Literals.magnitude(n.value());
        }
        if (e instanceof Negate n) {
            return magnitude(n.operand());
        }
        if (e instanceof Arithmetic a) {
            int l = magnitude(a.left());
            if (a.op() == ArithmeticOp.POWER) {
                int exp = a.right() instanceof NumberLiteral n && n.value().compareTo(BigDecimal.valueOf(64)) <= 0
                    && n.value().signum() >= 0 ? n.value().intValue() : 64;
                return (int) Math.min(Integer.MAX_VALUE / 4, (long) l * Math.max(1, exp));
            }
            int r = magnitude(a.right());
            return switch (a.op()) {
                case ADD, SUBTRACT -> Math.max(l, r) + 1;
                default -> (int) Math.min(Integer.MAX_VALUE / 4, (long) l + r);
            };
        }
        return PROPERTY_MAGNITUDE;
    }

    // ---- functions ----------------------------------------------------------------------------------------

    private Val function(FunctionCall f) {
        FunctionDescription d = Cql2Functions.find(f.name()).orElseThrow(() -> new FilterException(
            "unknown function '" + Text.shorten(f.name()) + "'; available functions: " + Cql2Functions.names()));
        if (f.args().size() != d.arguments().size()) {
            throw new FilterException(d.name() + " needs " + d.arguments().size() + " argument"
                + (d.arguments().size() == 1 ? "" : "s") + " but has " + f.args().size());
        }
        List<SqlFragment> geographies = new ArrayList<>();
        for (Expression arg : f.args()) {
            List<SqlFragment> parts = geometryParts(arg, d.name(), true);
            if (parts.size() != 1) {
                throw new FilterException(d.name() + " does not accept a GEOMETRYCOLLECTION literal");
            }
            geographies.add(SqlFragment.cat("CAST(", parts.get(0), " AS geography)"));
        }
        SqlFragment sql = switch (d.name()) {
            case "DISTANCE_M" -> SqlFragment.cat("ST_Distance(", geographies.get(0), ", ", geographies.get(1), ")");
            case "DISTANCE_KM" -> SqlFragment.cat("(ST_Distance(", geographies.get(0), ", ", geographies.get(1), ") / 1000.0)");
            case "LENGTH_M" -> SqlFragment.cat("ST_Length(", geographies.get(0), ")");
            case "LENGTH_KM" -> SqlFragment.cat("(ST_Length(", geographies.get(0), ") / 1000.0)");
            case "AREA_M2" -> SqlFragment.cat("ST_Area(", geographies.get(0), ")");
            case "AREA_KM2" -> SqlFragment.cat("(ST_Area(", geographies.get(0), ") / 1000000.0)");
            default -> throw new FilterException("unknown function '" + d.name() + "'");
        };
        return new Val(sql, T.NUMBER);
    }

    // ---- messages -----------------------------------------------------------------------------------------

    static String describeShort(Expression e) {
        if (e instanceof Property p) {
            return Text.shorten(p.name());
        }
        if (e instanceof FunctionCall f) {
            return Text.shorten(f.name()) + "(...)";
        }
        return "...";
    }

    static String describe(Expression e) {
        if (e instanceof Property p) {
            return "property '" + Text.shorten(p.name()) + "'";
        }
        if (e instanceof StringLiteral) {
            return "a string literal";
        }
        if (e instanceof NumberLiteral) {
            return "a number literal";
        }
        if (e instanceof BooleanLiteral) {
            return "a boolean literal";
        }
        if (e instanceof DateLiteral) {
            return "a DATE literal";
        }
        if (e instanceof TimestampLiteral) {
            return "a TIMESTAMP literal";
        }
        if (e instanceof IntervalLiteral) {
            return "an INTERVAL";
        }
        if (e instanceof GeometryLiteral g) {
            return "a " + g.geometry().getGeometryType().toUpperCase(Locale.ROOT) + " literal";
        }
        if (e instanceof BboxLiteral) {
            return "a BBOX literal";
        }
        if (e instanceof ArrayLiteral) {
            return "an array literal";
        }
        if (e instanceof FunctionCall f) {
            return "function " + Text.shorten(f.name()) + "(...)";
        }
        if (e instanceof Arithmetic || e instanceof Negate) {
            return "an arithmetic expression";
        }
        if (e instanceof Casei) {
            return "CASEI(...)";
        }
        if (e instanceof Accenti) {
            return "ACCENTI(...)";
        }
        if (e instanceof OpenEnd) {
            return "'..'";
        }
        return "a condition";
    }
}
