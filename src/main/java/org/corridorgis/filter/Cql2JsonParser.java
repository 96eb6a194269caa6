package org.corridorgis.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

import org.corridorgis.filter.Expression.*;
import org.corridorgis.filter.Json.*;

/** CQL2 JSON (OGC 21-065r2, cql2.json schema) to the syntax tree. */
final class Cql2JsonParser {

    private static final Set<String> GEOJSON_TYPES = Set.of("Point", "LineString", "Polygon", "MultiPoint",
        "MultiLineString", "MultiPolygon", "GeometryCollection");

    private final FilterBudget budget;

    private Cql2JsonParser(FilterBudget budget) {
        this.budget = budget;
    }

    static Expression parse(String input, FilterLimits limits) {
        FilterBudget budget = new FilterBudget(input, limits);
        // JSON nests two levels (object + args array) per level of the filter, GeoJSON coordinates up to 4.
        Node root = Json.parse(input, 2 * limits.maxDepth() + 8);
        return new Cql2JsonParser(budget).expression(root);
    }

    private <T extends Expression> T node(T e, int pos) {
        return budget.node(e, pos);
    }

    private void enter(int pos) {
        budget.enter(pos);
    }

    private Expression expression(Node n) {
        if (n instanceof JString s) {
            return node(new StringLiteral(s.value()), s.pos());
        }
        if (n instanceof JNumber num) {
            return node(new NumberLiteral(Literals.number(num.lexeme(), num.pos())), num.pos());
        }
        if (n instanceof JBool b) {
            return node(new BooleanLiteral(b.value()), b.pos());
        }
        if (n instanceof JNull) {
            throw new FilterException(n.pos(), "null is not a valid CQL2 expression; use the isNull operator");
        }
        if (n instanceof JArray a) {
            enter(a.pos());
            List<Expression> elements = new ArrayList<>();
            for (Node item : a.items()) {
                elements.add(expression(item));
            }
            budget.leave();
            return node(new ArrayLiteral(elements), a.pos());
        }
        JObject o = (JObject) n;
        Map<String, Node> m = o.members();
        enter(o.pos());
        try {
            if (m.containsKey("op")) {
                return operation(o);
            }
            if (m.containsKey("property")) {
                only(o, "property");
                String name = string(m.get("property"), "a property name");
                if (name.isEmpty()) {
                    throw new FilterException(o.pos(), "a property name must not be empty");
                }
                return node(new Property(name), o.pos());
            }
            if (m.containsKey("date")) {
                only(o, "date");
                Node d = m.get("date");
                return node(Literals.date(string(d, "a date string"), d.pos()), o.pos());
            }
            if (m.containsKey("timestamp")) {
                only(o, "timestamp");
                Node t = m.get("timestamp");
                return node(Literals.timestamp(string(t, "a timestamp string"), t.pos()), o.pos());
            }
            if (m.containsKey("interval")) {
                only(o, "interval");
                Node iv = m.get("interval");
                if (!(iv instanceof JArray arr) || arr.items().size() != 2) {
                    throw new FilterException(iv.pos(), "\"interval\" must be an array of 2 instants");
                }
                return node(new IntervalLiteral(intervalBound(arr.items().get(0)), intervalBound(arr.items().get(1))),
                    o.pos());
            }
            if (m.containsKey("bbox")) {
                only(o, "bbox");
                Node b = m.get("bbox");
                if (!(b instanceof JArray arr) || (arr.items().size() != 4 && arr.items().size() != 6)) {
                    throw new FilterException(b.pos(), "\"bbox\" must be an array of 4 or 6 numbers");
                }
                List<Double> cs = new ArrayList<>();
                for (Node c : arr.items()) {
                    cs.add(ordinate(c));
                }
                return node(new BboxLiteral(cs), o.pos());
            }
            if (m.containsKey("type")) {
                Geometry g = geometry(o);
                return node(new GeometryLiteral(Geometries.validated(g, o.pos())), o.pos());
            }
            throw new FilterException(o.pos(), "expected an object with \"op\" and \"args\", \"property\", \"date\","
                + " \"timestamp\", \"interval\", \"bbox\" or a GeoJSON geometry, but found members " + keys(o));
        } finally {
            budget.leave();
        }
    }

    private static String keys(JObject o) {
        List<String> ks = new ArrayList<>();
        for (String k : o.members().keySet()) {
            ks.add("\"" + Text.shorten(k) + "\"");
            if (ks.size() >= 5) {
                break;
            }
        }
        return ks.isEmpty() ? "(none)" : String.join(", ", ks);
    }

    private static void only(JObject o, String... allowed) {
        for (String k : o.members().keySet()) {
            boolean ok = false;
            for (String a : allowed) {
                ok |= a.equals(k);
            }
            if (!ok) {
                throw new FilterException(o.pos(), "unexpected member \"" + Text.shorten(k) + "\"; expected only "
                    + String.join(", ", allowed));
            }
        }
    }

    private static String string(Node n, String what) {
        if (n instanceof JString s) {
            return s.value();
        }
        throw new FilterException(n.pos(), "expected " + what + " but found " + n.kind());
    }

    private Expression intervalBound(Node n) {
        if (n instanceof JString s) {
            return node(Literals.instant(s.value(), s.pos()), s.pos());
        }
        if (n instanceof JObject) {
            Expression e = expression(n);
            if (e instanceof Property || e instanceof FunctionCall || e instanceof DateLiteral
                || e instanceof TimestampLiteral) {
                return e;
            }
        }
        throw new FilterException(n.pos(), "expected a date or timestamp string, \"..\", or a property inside"
            + " \"interval\" but found " + n.kind());
    }

    private Expression operation(JObject o) {
        only(o, "op", "args");
        String op = string(o.members().get("op"), "an operator name");
        Node argsNode = o.members().get("args");
        List<Node> args;
        if (argsNode == null) {
            args = List.of();
        } else if (argsNode instanceof JArray a) {
            args = a.items();
        } else {
            throw new FilterException(argsNode.pos(), "\"args\" must be an array but is " + argsNode.kind());
        }
        int pos = o.pos();
        String lower = op.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "and", "or" -> {
                if (args.size() < 2) {
                    throw new FilterException(pos, "\"" + lower + "\" needs at least 2 arguments");
                }
                List<Expression> es = new ArrayList<>();
                for (Node a : args) {
                    es.add(expression(a));
                }
                return node(lower.equals("and") ? Expression.and(es) : Expression.or(es), pos);
            }
            case "not" -> {
                arity(lower, args, 1, pos);
                return node(new Not(expression(args.get(0))), pos);
            }
            case "=", "<>", "<", ">", "<=", ">=" -> {
                arity(lower, args, 2, pos);
                ComparisonOp c = switch (lower) {
                    case "=" -> ComparisonOp.EQ;
                    case "<>" -> ComparisonOp.NE;
                    case "<" -> ComparisonOp.LT;
                    case ">" -> ComparisonOp.GT;
                    case "<=" -> ComparisonOp.LE;
                    default -> ComparisonOp.GE;
                };
                return node(new Comparison(c, expression(args.get(0)), expression(args.get(1))), pos);
            }
            case "like" -> {
                arity(lower, args, 2, pos);
                return node(new Like(expression(args.get(0)), expression(args.get(1))), pos);
            }
            case "between" -> {
                arity(lower, args, 3, pos);
                return node(new Between(expression(args.get(0)), expression(args.get(1)), expression(args.get(2))), pos);
            }
            case "in" -> {
                arity(lower, args, 2, pos);
                Expression value = expression(args.get(0));
                if (!(args.get(1) instanceof JArray list) || list.items().isEmpty()) {
                    throw new FilterException(args.get(1).pos(), "the second argument of \"in\" must be a non-empty array");
                }
                enter(list.pos());
                List<Expression> items = new ArrayList<>();
                for (Node item : list.items()) {
                    items.add(expression(item));
                }
                budget.leave();
                return node(new In(value, items), pos);
            }
            case "isnull" -> {
                arity(lower, args, 1, pos);
                return node(new IsNull(expression(args.get(0))), pos);
            }
            case "casei", "accenti" -> {
                arity(lower, args, 1, pos);
                Expression inner = expression(args.get(0));
                return node(lower.equals("casei") ? new Casei(inner) : new Accenti(inner), pos);
            }
            case "+", "-", "*", "/", "%", "div", "^" -> {
                if (lower.equals("-") && args.size() == 1) {
                    Expression inner = expression(args.get(0));
                    if (inner instanceof NumberLiteral nl) {
                        return new NumberLiteral(nl.value().negate());
                    }
                    return node(new Negate(inner), pos);
                }
                arity(lower, args, 2, pos);
                ArithmeticOp a = switch (lower) {
                    case "+" -> ArithmeticOp.ADD;
                    case "-" -> ArithmeticOp.SUBTRACT;
                    case "*" -> ArithmeticOp.MULTIPLY;
                    case "/" -> ArithmeticOp.DIVIDE;
                    case "%" -> ArithmeticOp.MODULO;
                    case "div" -> ArithmeticOp.INTEGER_DIVIDE;
                    default -> ArithmeticOp.POWER;
                };
                return node(new Arithmetic(a, expression(args.get(0)), expression(args.get(1))), pos);
            }
            default -> {
                SpatialOp s = Expression.lookup(SpatialOp.class, lower);
                if (s != null) {
                    arity(lower, args, 2, pos);
                    return node(new SpatialPredicate(s, expression(args.get(0)), expression(args.get(1))), pos);
                }
                TemporalOp t = Expression.lookup(TemporalOp.class, lower);
                if (t != null) {
                    arity(lower, args, 2, pos);
                    return node(new TemporalPredicate(t, expression(args.get(0)), expression(args.get(1))), pos);
                }
                ArrayOp ar = Expression.lookup(ArrayOp.class, lower);
                if (ar != null) {
                    arity(lower, args, 2, pos);
                    return node(new ArrayPredicate(ar, expression(args.get(0)), expression(args.get(1))), pos);
                }
                if (op.isEmpty() || op.length() > 64) {
                    throw new FilterException(pos, "invalid operator name");
                }
                // CQL2 JSON encodes function calls as {"op": name, "args": [...]}.
                List<Expression> es = new ArrayList<>();
                for (Node a : args) {
                    es.add(expression(a));
                }
                return node(new FunctionCall(op, es), pos);
            }
        }
    }

    private static void arity(String op, List<Node> args, int n, int pos) {
        if (args.size() != n) {
            throw new FilterException(pos, "\"" + op + "\" needs " + n + " argument" + (n == 1 ? "" : "s") + " but has "
                + args.size());
        }
    }

    // ---- GeoJSON ------------------------------------------------------------------------------------------

    private double ordinate(Node n) {
        if (!(n instanceof JNumber num)) {
            throw new FilterException(n.pos(), "expected a number but found " + n.kind());
        }
        if (num.lexeme().length() > Literals.MAX_NUMBER_CHARS) {
            throw new FilterException(n.pos(), "number literal too long");
        }
        double v = Double.parseDouble(num.lexeme());
        if (!Double.isFinite(v)) {
            throw new FilterException(n.pos(), "coordinates must be finite numbers");
        }
        return v;
    }

    private Coordinate position(Node n) {
        if (!(n instanceof JArray a) || a.items().size() < 2 || a.items().size() > 4) {
            throw new FilterException(n.pos(), "a GeoJSON position must be an array of 2 or 3 numbers");
        }
        double z = a.items().size() >= 3 ? ordinate(a.items().get(2)) : Double.NaN;
        return Geometries.coordinate(ordinate(a.items().get(0)), ordinate(a.items().get(1)), z, n.pos());
    }

    private List<Node> array(Node n, String what) {
        if (n instanceof JArray a) {
            return a.items();
        }
        throw new FilterException(n.pos(), "expected " + what + " (an array) but found " + n.kind());
    }

    private List<Coordinate> positions(Node n) {
        List<Coordinate> cs = new ArrayList<>();
        for (Node p : array(n, "an array of positions")) {
            cs.add(position(p));
        }
        return cs;
    }

    private List<List<Coordinate>> rings(Node n) {
        List<List<Coordinate>> rs = new ArrayList<>();
        for (Node r : array(n, "an array of rings")) {
            rs.add(positions(r));
        }
        return rs;
    }

    private Geometry geometry(JObject o) {
        Map<String, Node> m = o.members();
        String type = string(m.get("type"), "a GeoJSON geometry type");
        if (!GEOJSON_TYPES.contains(type)) {
            throw new FilterException(o.pos(), "unknown GeoJSON geometry type \"" + Text.shorten(type)
                + "\"; expected one of " + GEOJSON_TYPES);
        }
        int pos = o.pos();
        for (String k : m.keySet()) {
            if (!k.equals("type") && !k.equals("coordinates") && !k.equals("geometries") && !k.equals("bbox")) {
                throw new FilterException(pos, "unexpected member \"" + Text.shorten(k) + "\" in a GeoJSON geometry");
            }
        }
        if (type.equals("GeometryCollection")) {
            Node gs = m.get("geometries");
            if (gs == null) {
                throw new FilterException(pos, "a GeometryCollection needs \"geometries\"");
            }
            List<Geometry> parts = new ArrayList<>();
            for (Node g : array(gs, "an array of geometries")) {
                if (!(g instanceof JObject go) || !go.members().containsKey("type")) {
                    throw new FilterException(g.pos(), "expected a GeoJSON geometry object");
                }
                enter(g.pos());
                parts.add(geometry(go));
                budget.leave();
            }
            return Geometries.collection(parts, pos);
        }
        Node c = m.get("coordinates");
        if (c == null) {
            throw new FilterException(pos, "a GeoJSON " + type + " needs \"coordinates\"");
        }
        switch (type) {
            case "Point":
                return Geometries.point(position(c));
            case "LineString":
                return Geometries.lineString(positions(c), c.pos());
            case "Polygon":
                return Geometries.polygon(rings(c), c.pos());
            case "MultiPoint":
                return Geometries.multiPoint(positions(c), c.pos());
            case "MultiLineString": {
                List<LineString> ls = new ArrayList<>();
                for (Node l : array(c, "an array of line strings")) {
                    ls.add(Geometries.lineString(positions(l), l.pos()));
                }
                return Geometries.multiLineString(ls, c.pos());
            }
            default: {
                List<Polygon> ps = new ArrayList<>();
                for (Node p : array(c, "an array of polygons")) {
                    ps.add(Geometries.polygon(rings(p), p.pos()));
                }
                return Geometries.multiPolygon(ps, c.pos());
            }
        }
    }
}
