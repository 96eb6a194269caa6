package org.corridorgis.filter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Geometry;

/**
 * The syntax tree of a CQL2 filter, produced by both the text and the JSON parser. Negated forms (NOT LIKE,
 * NOT BETWEEN, NOT IN, IS NOT NULL) are represented as {@link Not} around the positive predicate, and nested
 * AND/OR are flattened, so the two encodings of the same filter give equal trees.
 */
public sealed interface Expression {

    // ---- values -------------------------------------------------------------------------------------------

    /** A property name; resolved only through the {@link QueryableResolver}. */
    record Property(String name) implements Expression {}

    record StringLiteral(String value) implements Expression {}

    /** Kept as written (BigDecimal), never as a double. */
    record NumberLiteral(BigDecimal value) implements Expression {}

    record BooleanLiteral(boolean value) implements Expression {}

    record DateLiteral(LocalDate value) implements Expression {}

    record TimestampLiteral(OffsetDateTime value) implements Expression {}

    /** The open end '..' of an interval. */
    record OpenEnd() implements Expression {}

    /**
     * INTERVAL(start, end). Each end is a {@link DateLiteral}, {@link TimestampLiteral}, {@link OpenEnd},
     * {@link Property} or {@link FunctionCall}.
     */
    record IntervalLiteral(Expression start, Expression end) implements Expression {}

    /** A geometry literal (WKT or GeoJSON) in the axis order of the filter CRS, SRID not yet applied. */
    record GeometryLiteral(Geometry geometry) implements Expression {
        @Override
        public boolean equals(Object o) {
            return o instanceof GeometryLiteral g && g.geometry.equalsExact(geometry)
                && g.geometry.getGeometryType().equals(geometry.getGeometryType());
        }

        @Override
        public int hashCode() {
            return geometry.getGeometryType().hashCode() * 31 + geometry.getNumPoints();
        }
    }

    /** BBOX(minx, miny, maxx, maxy) or the 6-number form with z; 4 or 6 coordinates, in filter-CRS axis order. */
    record BboxLiteral(List<Double> coordinates) implements Expression {
        public BboxLiteral {
            coordinates = List.copyOf(coordinates);
        }
    }

    /** ( a, b, ... ) in text, [a, b, ...] in JSON. */
    record ArrayLiteral(List<Expression> elements) implements Expression {
        public ArrayLiteral {
            elements = List.copyOf(elements);
        }
    }

    /** A call of a function; names are case-insensitive, so the name is kept in upper case. */
    record FunctionCall(String name, List<Expression> args) implements Expression {
        public FunctionCall {
            name = name.toUpperCase(Locale.ROOT);
            args = List.copyOf(args);
        }
    }

    enum ArithmeticOp {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%"), INTEGER_DIVIDE("div"), POWER("^");

        public final String symbol;

        ArithmeticOp(String symbol) {
            this.symbol = symbol;
        }
    }

    record Arithmetic(ArithmeticOp op, Expression left, Expression right) implements Expression {}

    /** Unary minus of a non-literal. */
    record Negate(Expression operand) implements Expression {}

    record Casei(Expression operand) implements Expression {}

    record Accenti(Expression operand) implements Expression {}

    // ---- predicates ---------------------------------------------------------------------------------------

    enum ComparisonOp {
        EQ("="), NE("<>"), LT("<"), GT(">"), LE("<="), GE(">=");

        public final String symbol;

        ComparisonOp(String symbol) {
            this.symbol = symbol;
        }
    }

    record Comparison(ComparisonOp op, Expression left, Expression right) implements Expression {}

    record Like(Expression value, Expression pattern) implements Expression {}

    record Between(Expression value, Expression low, Expression high) implements Expression {}

    record In(Expression value, List<Expression> list) implements Expression {
        public In {
            list = List.copyOf(list);
        }
    }

    record IsNull(Expression value) implements Expression {}

    record And(List<Expression> args) implements Expression {
        public And {
            args = List.copyOf(args);
        }
    }

    record Or(List<Expression> args) implements Expression {
        public Or {
            args = List.copyOf(args);
        }
    }

    record Not(Expression arg) implements Expression {}

    enum SpatialOp {
        S_INTERSECTS("ST_Intersects"), S_EQUALS("ST_Equals"), S_DISJOINT("ST_Disjoint"), S_TOUCHES("ST_Touches"),
        S_WITHIN("ST_Within"), S_OVERLAPS("ST_Overlaps"), S_CROSSES("ST_Crosses"), S_CONTAINS("ST_Contains");

        final String sqlFunction;

        SpatialOp(String sqlFunction) {
            this.sqlFunction = sqlFunction;
        }
    }

    record SpatialPredicate(SpatialOp op, Expression left, Expression right) implements Expression {}

    enum TemporalOp {
        T_AFTER, T_BEFORE, T_CONTAINS, T_DISJOINT, T_DURING, T_EQUALS, T_FINISHEDBY, T_FINISHES, T_INTERSECTS,
        T_MEETS, T_METBY, T_OVERLAPPEDBY, T_OVERLAPS, T_STARTEDBY, T_STARTS
    }

    record TemporalPredicate(TemporalOp op, Expression left, Expression right) implements Expression {}

    enum ArrayOp {
        A_EQUALS, A_CONTAINS, A_CONTAINEDBY, A_OVERLAPS
    }

    record ArrayPredicate(ArrayOp op, Expression left, Expression right) implements Expression {}

    // ---- helpers shared by both parsers ------------------------------------------------------------------

    static <E extends Enum<E>> E lookup(Class<E> type, String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(upper)) {
                return e;
            }
        }
        return null;
    }

    /** AND of the arguments, with nested ANDs flattened. */
    static Expression and(List<Expression> args) {
        List<Expression> flat = new ArrayList<>();
        for (Expression e : args) {
            if (e instanceof And a) {
                flat.addAll(a.args());
            } else {
                flat.add(e);
            }
        }
        return flat.size() == 1 ? flat.get(0) : new And(flat);
    }

    /** OR of the arguments, with nested ORs flattened. */
    static Expression or(List<Expression> args) {
        List<Expression> flat = new ArrayList<>();
        for (Expression e : args) {
            if (e instanceof Or o) {
                flat.addAll(o.args());
            } else {
                flat.add(e);
            }
        }
        return flat.size() == 1 ? flat.get(0) : new Or(flat);
    }
}
