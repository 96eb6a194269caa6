package org.corridorgis.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

import org.corridorgis.filter.Expression.*;

/** Hand-written lexer and recursive-descent parser for CQL2 text (OGC 21-065r2). */
final class Cql2TextParser {

    enum Kind { IDENT, QUOTED_IDENT, STRING, NUMBER, SYMBOL, EOF }

    record Token(Kind kind, String text, int pos) {
        String describe() {
            return switch (kind) {
                case EOF -> "end of input";
                case STRING -> "string '" + Text.shorten(text) + "'";
                case QUOTED_IDENT -> "\"" + Text.shorten(text) + "\"";
                default -> "'" + Text.shorten(text) + "'";
            };
        }

        boolean isKeyword(String kw) {
            return kind == Kind.IDENT && text.equalsIgnoreCase(kw);
        }

        boolean isSymbol(String s) {
            return kind == Kind.SYMBOL && text.equals(s);
        }
    }

    private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL", "DIV");
    private static final Set<String> GEOMETRY_KEYWORDS = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
        "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");
    private static final int MAX_IDENTIFIER = 256;

    private final String input;
    private final FilterBudget budget;
    private final List<Token> tokens;
    private int index;

    private Cql2TextParser(String input, FilterBudget budget) {
        this.input = input;
        this.budget = budget;
        this.tokens = lex(input);
    }

    static Expression parse(String input, FilterLimits limits) {
        Cql2TextParser p = new Cql2TextParser(input, new FilterBudget(input, limits));
        if (p.peek().kind == Kind.EOF) {
            throw new FilterException(0, "the filter is empty; expected a condition");
        }
        Expression e = p.parseOr();
        Token t = p.peek();
        if (t.kind != Kind.EOF) {
            throw new FilterException(t.pos, "expected AND, OR or end of input but found " + t.describe());
        }
        return e;
    }

    // ---- lexer --------------------------------------------------------------------------------------------

    private static boolean identStart(int c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean identPart(int c) {
        return identStart(c) || Character.isDigit(c) || c == '.' || Character.getType(c) == Character.NON_SPACING_MARK
            || Character.getType(c) == Character.COMBINING_SPACING_MARK;
    }

    private static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            int c = s.codePointAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            if (c == '\'') {
                StringBuilder b = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char ch = s.charAt(i);
                    if (ch == '\'') {
                        if (i + 1 < n && s.charAt(i + 1) == '\'') {
                            b.append('\'');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    if (ch == '\\' && i + 1 < n && s.charAt(i + 1) == '\'') {
                        b.append('\'');
                        i += 2;
                        continue;
                    }
                    b.append(ch);
                    i++;
                }
                if (!closed) {
                    throw new FilterException(start, "unterminated string literal; expected a closing '");
                }
                out.add(new Token(Kind.STRING, Literals.string(b.toString(), start), start));
            } else if (c == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0) {
                    throw new FilterException(start, "unterminated quoted property name; expected a closing \"");
                }
                String name = s.substring(i + 1, close);
                if (name.isEmpty() || name.length() > MAX_IDENTIFIER) {
                    throw new FilterException(start, "a quoted property name must have 1 to " + MAX_IDENTIFIER
                        + " characters");
                }
                Literals.string(name, start);
                for (int k = 0; k < name.length(); k++) {
                    if (Character.isISOControl(name.charAt(k))) {
                        throw new FilterException(start, "a property name must not contain control characters");
                    }
                }
                out.add(new Token(Kind.QUOTED_IDENT, name, start));
                i = close + 1;
            } else if ((c >= '0' && c <= '9') || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))
                && s.charAt(i + 1) < 128)) {
                while (i < n && isAsciiDigit(s.charAt(i))) {
                    i++;
                }
                if (i < n && s.charAt(i) == '.') {
                    i++;
                    while (i < n && isAsciiDigit(s.charAt(i))) {
                        i++;
                    }
                }
                if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    int save = i;
                    i++;
                    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                        i++;
                    }
                    if (i < n && isAsciiDigit(s.charAt(i))) {
                        while (i < n && isAsciiDigit(s.charAt(i))) {
                            i++;
                        }
                    } else {
                        i = save;
                    }
                }
                if (i < n && identStart(s.codePointAt(i))) {
                    throw new FilterException(i, "unexpected character '" + new String(Character.toChars(s.codePointAt(i)))
                        + "' after the number; expected an operator, ',' or ')'");
                }
                out.add(new Token(Kind.NUMBER, s.substring(start, i), start));
            } else if (identStart(c)) {
                while (i < n && identPart(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                if (i - start > MAX_IDENTIFIER) {
                    throw new FilterException(start, "identifier too long (at most " + MAX_IDENTIFIER + " characters)");
                }
                out.add(new Token(Kind.IDENT, s.substring(start, i), start));
            } else {
                String two = i + 1 < n ? s.substring(i, i + 2) : "";
                if (two.equals("<>") || two.equals("<=") || two.equals(">=")) {
                    out.add(new Token(Kind.SYMBOL, two, start));
                    i += 2;
                } else if ("()=<>,+-*/%^".indexOf(c) >= 0) {
                    out.add(new Token(Kind.SYMBOL, String.valueOf((char) c), start));
                    i++;
                } else {
                    String shown = Character.isISOControl(c) ? String.format("U+%04X", c)
                        : new String(Character.toChars(c));
                    throw new FilterException(start, "unexpected character '" + shown
                        + "'; expected a property name, a literal, an operator or a parenthesis");
                }
            }
        }
        out.add(new Token(Kind.EOF, "", n));
        return out;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // ---- token helpers ------------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(index);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(index);
        if (t.kind != Kind.EOF) {
            index++;
        }
        return t;
    }

    private Token expectSymbol(String s) {
        Token t = peek();
        if (!t.isSymbol(s)) {
            throw new FilterException(t.pos, "expected '" + s + "' but found " + t.describe());
        }
        return next();
    }

    private Token expectKeyword(String kw) {
        Token t = peek();
        if (!t.isKeyword(kw)) {
            throw new FilterException(t.pos, "expected " + kw + " but found " + t.describe());
        }
        return next();
    }

    private <T extends Expression> T node(T e, int pos) {
        return budget.node(e, pos);
    }

    private void enter(int pos) {
        budget.enter(pos);
    }

    private void leave() {
        budget.leave();
    }

    // ---- boolean expressions ------------------------------------------------------------------------------

    private Expression parseOr() {
        int pos = peek().pos;
        enter(pos);
        List<Expression> args = new ArrayList<>();
        args.add(parseAnd());
        while (peek().isKeyword("OR")) {
            next();
            args.add(parseAnd());
        }
        leave();
        return args.size() == 1 ? args.get(0) : node(Expression.or(args), pos);
    }

    private Expression parseAnd() {
        int pos = peek().pos;
        List<Expression> args = new ArrayList<>();
        args.add(parseNot());
        while (peek().isKeyword("AND")) {
            next();
            args.add(parseNot());
        }
        return args.size() == 1 ? args.get(0) : node(Expression.and(args), pos);
    }

    private Expression parseNot() {
        Token t = peek();
        if (t.isKeyword("NOT")) {
            next();
            enter(t.pos);
            Expression inner = parseNot();
            leave();
            return node(new Not(inner), t.pos);
        }
        return parsePredicate();
    }

    private Expression parsePredicate() {
        Expression left = parseAdditive();
        Token t = peek();
        int pos = t.pos;
        if (t.kind == Kind.SYMBOL) {
            ComparisonOp op = switch (t.text) {
                case "=" -> ComparisonOp.EQ;
                case "<>" -> ComparisonOp.NE;
                case "<" -> ComparisonOp.LT;
                case ">" -> ComparisonOp.GT;
                case "<=" -> ComparisonOp.LE;
                case ">=" -> ComparisonOp.GE;
                default -> null;
            };
            if (op != null) {
                next();
                Expression right = parseAdditive();
                return node(new Comparison(op, left, right), pos);
            }
            return left;
        }
        boolean negated = false;
        if (t.isKeyword("NOT") && (peek(1).isKeyword("LIKE") || peek(1).isKeyword("BETWEEN") || peek(1).isKeyword("IN"))) {
            next();
            negated = true;
            t = peek();
        }
        Expression result;
        if (t.isKeyword("LIKE")) {
            next();
            Expression pattern = parseAdditive();
            result = node(new Like(left, pattern), pos);
        } else if (t.isKeyword("BETWEEN")) {
            next();
            Expression low = parseAdditive();
            expectKeyword("AND");
            Expression high = parseAdditive();
            result = node(new Between(left, low, high), pos);
        } else if (t.isKeyword("IN")) {
            next();
            Token open = expectSymbol("(");
            enter(open.pos);
            List<Expression> list = new ArrayList<>();
            list.add(parseAdditive());
            while (peek().isSymbol(",")) {
                next();
                list.add(parseAdditive());
            }
            expectSymbol(")");
            leave();
            result = node(new In(left, list), pos);
        } else if (t.isKeyword("IS")) {
            next();
            boolean not = false;
            if (peek().isKeyword("NOT")) {
                next();
                not = true;
            }
            expectKeyword("NULL");
            Expression isNull = node(new IsNull(left), pos);
            return not ? node(new Not(isNull), pos) : isNull;
        } else {
            return left;
        }
        return negated ? node(new Not(result), pos) : result;
    }

    // ---- arithmetic ---------------------------------------------------------------------------------------

    private Expression parseAdditive() {
        Expression left = parseMultiplicative();
        while (peek().isSymbol("+") || peek().isSymbol("-")) {
            Token op = next();
            Expression right = parseMultiplicative();
            left = node(new Arithmetic(op.text.equals("+") ? ArithmeticOp.ADD : ArithmeticOp.SUBTRACT, left, right), op.pos);
        }
        return left;
    }

    private Expression parseMultiplicative() {
        Expression left = parsePower();
        while (true) {
            Token t = peek();
            ArithmeticOp op;
            if (t.isSymbol("*")) {
                op = ArithmeticOp.MULTIPLY;
            } else if (t.isSymbol("/")) {
                op = ArithmeticOp.DIVIDE;
            } else if (t.isSymbol("%")) {
                op = ArithmeticOp.MODULO;
            } else if (t.isKeyword("DIV")) {
                op = ArithmeticOp.INTEGER_DIVIDE;
            } else {
                return left;
            }
            next();
            Expression right = parsePower();
            left = node(new Arithmetic(op, left, right), t.pos);
        }
    }

    private Expression parsePower() {
        Expression base = parseUnary();
        if (peek().isSymbol("^")) {
            Token t = next();
            enter(t.pos);
            Expression exponent = parsePower();
            leave();
            return node(new Arithmetic(ArithmeticOp.POWER, base, exponent), t.pos);
        }
        return base;
    }

    private Expression parseUnary() {
        Token t = peek();
        if (t.isSymbol("-")) {
            next();
            if (peek().kind == Kind.NUMBER) {
                Token num = next();
                return node(new NumberLiteral(Literals.number("-" + num.text, num.pos)), t.pos);
            }
            enter(t.pos);
            Expression operand = parseUnary();
            leave();
            return node(new Negate(operand), t.pos);
        }
        return parsePrimary();
    }

    // ---- primaries ----------------------------------------------------------------------------------------

    private Expression parsePrimary() {
        Token t = peek();
        switch (t.kind) {
            case NUMBER -> {
                next();
                return node(new NumberLiteral(Literals.number(t.text, t.pos)), t.pos);
            }
            case STRING -> {
                next();
                return node(new StringLiteral(t.text), t.pos);
            }
            case QUOTED_IDENT -> {
                next();
                return node(new Property(t.text), t.pos);
            }
            case SYMBOL -> {
                if (t.isSymbol("(")) {
                    return parseParenthesized();
                }
                throw new FilterException(t.pos, "expected a property, a literal, a function or '(' but found "
                    + t.describe());
            }
            case EOF -> throw new FilterException(t.pos,
                "unexpected end of input; expected a property, a literal, a function or '('");
            default -> {
                return parseIdentifier();
            }
        }
    }

    /** '(' expression ')' or an array '(' a, b, ... ')' / '()'. */
    private Expression parseParenthesized() {
        Token open = expectSymbol("(");
        enter(open.pos);
        if (peek().isSymbol(")")) {
            next();
            leave();
            return node(new ArrayLiteral(List.of()), open.pos);
        }
        Expression first = parseOr();
        if (peek().isSymbol(",")) {
            List<Expression> elements = new ArrayList<>();
            elements.add(first);
            while (peek().isSymbol(",")) {
                next();
                elements.add(parseArrayElement());
            }
            expectSymbol(")");
            leave();
            return node(new ArrayLiteral(elements), open.pos);
        }
        Token close = peek();
        if (!close.isSymbol(")")) {
            throw new FilterException(close.pos, "expected ')' but found " + close.describe());
        }
        next();
        leave();
        return first;
    }

    private Expression parseArrayElement() {
        return parseOr();
    }

    /** An array argument of A_*: '(' is always an array there, even with a single element. */
    private Expression parseArrayArgument() {
        Token t = peek();
        if (!t.isSymbol("(")) {
            return parseOr();
        }
        next();
        enter(t.pos);
        List<Expression> elements = new ArrayList<>();
        if (!peek().isSymbol(")")) {
            elements.add(peek().isSymbol("(") ? parseArrayArgument() : parseOr());
            while (peek().isSymbol(",")) {
                next();
                elements.add(peek().isSymbol("(") ? parseArrayArgument() : parseOr());
            }
        }
        expectSymbol(")");
        leave();
        return node(new ArrayLiteral(elements), t.pos);
    }

    private Expression parseIdentifier() {
        Token t = next();
        String upper = t.text.toUpperCase(Locale.ROOT);
        boolean call = peek().isSymbol("(");
        if (!call) {
            if (upper.equals("TRUE") || upper.equals("FALSE")) {
                return node(new BooleanLiteral(upper.equals("TRUE")), t.pos);
            }
            if (GEOMETRY_KEYWORDS.contains(upper) && peek().isKeyword("Z") && peek(1).isSymbol("(")) {
                next();
                return parseGeometryLiteral(upper, t.pos);
            }
            if (RESERVED.contains(upper)) {
                throw new FilterException(t.pos, "expected a property, a literal, a function or '(' but found keyword "
                    + t.describe());
            }
            return node(new Property(t.text), t.pos);
        }
        if (GEOMETRY_KEYWORDS.contains(upper)) {
            return parseGeometryLiteral(upper, t.pos);
        }
        Token open = peek();
        enter(open.pos);
        Expression result;
        switch (upper) {
            case "DATE" -> {
                expectSymbol("(");
                Token s = expectString("a date string, e.g. '2020-01-31'");
                expectSymbol(")");
                result = node(Literals.date(s.text, s.pos), t.pos);
            }
            case "TIMESTAMP" -> {
                expectSymbol("(");
                Token s = expectString("a timestamp string, e.g. '2020-01-31T12:00:00Z'");
                expectSymbol(")");
                result = node(Literals.timestamp(s.text, s.pos), t.pos);
            }
            case "INTERVAL" -> {
                expectSymbol("(");
                Expression start = parseIntervalBound();
                expectSymbol(",");
                Expression end = parseIntervalBound();
                expectSymbol(")");
                result = node(new IntervalLiteral(start, end), t.pos);
            }
            case "CASEI", "ACCENTI" -> {
                expectSymbol("(");
                Expression inner = parseAdditive();
                expectSymbol(")");
                result = node(upper.equals("CASEI") ? new Casei(inner) : new Accenti(inner), t.pos);
            }
            case "BBOX" -> result = parseBbox(t.pos);
            default -> result = parseCall(t, upper);
        }
        leave();
        return result;
    }

    private Token expectString(String what) {
        Token s = peek();
        if (s.kind != Kind.STRING) {
            throw new FilterException(s.pos, "expected " + what + " but found " + s.describe());
        }
        return next();
    }

    private Expression parseIntervalBound() {
        Token t = peek();
        if (t.kind == Kind.STRING) {
            next();
            return node(Literals.instant(t.text, t.pos), t.pos);
        }
        if (t.kind == Kind.IDENT || t.kind == Kind.QUOTED_IDENT) {
            Expression e = parsePrimary();
            if (e instanceof Property || e instanceof FunctionCall || e instanceof DateLiteral
                || e instanceof TimestampLiteral) {
                return e;
            }
        }
        throw new FilterException(t.pos, "expected a date or timestamp string, '..', DATE(...), TIMESTAMP(...) or a"
            + " property inside INTERVAL but found " + t.describe());
    }

    private Expression parseCall(Token name, String upper) {
        SpatialOp spatial = Expression.lookup(SpatialOp.class, upper);
        TemporalOp temporal = spatial == null ? Expression.lookup(TemporalOp.class, upper) : null;
        ArrayOp array = spatial == null && temporal == null ? Expression.lookup(ArrayOp.class, upper) : null;
        expectSymbol("(");
        if (spatial != null || temporal != null || array != null) {
            Expression a = array != null ? parseArrayArgument() : parseOr();
            expectSymbol(",");
            Expression b = array != null ? parseArrayArgument() : parseOr();
            Token close = peek();
            if (!close.isSymbol(")")) {
                throw new FilterException(close.pos, "expected ')' after the 2 arguments of " + upper + " but found "
                    + close.describe());
            }
            next();
            if (spatial != null) {
                return node(new SpatialPredicate(spatial, a, b), name.pos);
            }
            if (temporal != null) {
                return node(new TemporalPredicate(temporal, a, b), name.pos);
            }
            return node(new ArrayPredicate(array, a, b), name.pos);
        }
        List<Expression> args = new ArrayList<>();
        if (!peek().isSymbol(")")) {
            args.add(parseOr());
            while (peek().isSymbol(",")) {
                next();
                args.add(parseOr());
            }
        }
        expectSymbol(")");
        return node(new FunctionCall(name.text, args), name.pos);
    }

    // ---- geometry literals --------------------------------------------------------------------------------

    private Expression parseBbox(int pos) {
        expectSymbol("(");
        List<Double> cs = new ArrayList<>();
        cs.add(signedNumber());
        while (peek().isSymbol(",")) {
            next();
            cs.add(signedNumber());
        }
        Token close = peek();
        if (!close.isSymbol(")")) {
            throw new FilterException(close.pos, "expected ',' or ')' in BBOX but found " + close.describe());
        }
        next();
        if (cs.size() != 4 && cs.size() != 6) {
            throw new FilterException(pos, "BBOX needs 4 or 6 numbers but has " + cs.size());
        }
        return node(new BboxLiteral(cs), pos);
    }

    private double signedNumber() {
        Token t = peek();
        boolean negative = false;
        if (t.isSymbol("-")) {
            next();
            negative = true;
        } else if (t.isSymbol("+")) {
            next();
        }
        Token num = peek();
        if (num.kind != Kind.NUMBER) {
            throw new FilterException(num.pos, "expected a number but found " + num.describe());
        }
        next();
        if (num.text.length() > Literals.MAX_NUMBER_CHARS) {
            throw new FilterException(num.pos, "number literal too long");
        }
        double v = Double.parseDouble(num.text);
        if (!Double.isFinite(v)) {
            throw new FilterException(num.pos, "coordinates must be finite numbers");
        }
        return negative ? -v : v;
    }

    private Coordinate coordinate() {
        int pos = peek().pos;
        double x = signedNumber();
        double y = signedNumber();
        double z = Double.NaN;
        if (peek().kind == Kind.NUMBER || peek().isSymbol("-") || peek().isSymbol("+")) {
            z = signedNumber();
        }
        if (peek().kind == Kind.NUMBER || peek().isSymbol("-")) {
            signedNumber(); // M ordinate, ignored
        }
        return Geometries.coordinate(x, y, z, pos);
    }

    private List<Coordinate> coordinateList() {
        expectSymbol("(");
        List<Coordinate> cs = new ArrayList<>();
        cs.add(coordinate());
        while (peek().isSymbol(",")) {
            next();
            cs.add(coordinate());
        }
        expectListEnd();
        return cs;
    }

    private void expectListEnd() {
        Token t = peek();
        if (!t.isSymbol(")")) {
            throw new FilterException(t.pos, "expected ',' or ')' but found " + t.describe());
        }
        next();
    }

    private List<List<Coordinate>> ringList() {
        expectSymbol("(");
        List<List<Coordinate>> rings = new ArrayList<>();
        rings.add(coordinateList());
        while (peek().isSymbol(",")) {
            next();
            rings.add(coordinateList());
        }
        expectListEnd();
        return rings;
    }

    private Expression parseGeometryLiteral(String keyword, int pos) {
        Geometry g = geometryText(keyword, pos);
        return node(new GeometryLiteral(Geometries.validated(g, pos)), pos);
    }

    private Geometry geometryText(String keyword, int pos) {
        enter(pos);
        Geometry g;
        switch (keyword) {
            case "POINT" -> {
                expectSymbol("(");
                Coordinate c = coordinate();
                expectSymbol(")");
                g = Geometries.point(c);
            }
            case "LINESTRING" -> {
                int p = peek().pos;
                g = Geometries.lineString(coordinateList(), p);
            }
            case "POLYGON" -> {
                int p = peek().pos;
                g = Geometries.polygon(ringList(), p);
            }
            case "MULTIPOINT" -> {
                int p = peek().pos;
                expectSymbol("(");
                List<Coordinate> cs = new ArrayList<>();
                do {
                    if (peek().isSymbol("(")) {
                        next();
                        cs.add(coordinate());
                        expectSymbol(")");
                    } else {
                        cs.add(coordinate());
                    }
                } while (peek().isSymbol(",") && next() != null);
                expectListEnd();
                g = Geometries.multiPoint(cs, p);
            }
            case "MULTILINESTRING" -> {
                int p = peek().pos;
                expectSymbol("(");
                List<LineString> ls = new ArrayList<>();
                do {
                    int lp = peek().pos;
                    ls.add(Geometries.lineString(coordinateList(), lp));
                } while (peek().isSymbol(",") && next() != null);
                expectListEnd();
                g = Geometries.multiLineString(ls, p);
            }
            case "MULTIPOLYGON" -> {
                int p = peek().pos;
                expectSymbol("(");
                List<Polygon> ps = new ArrayList<>();
                do {
                    int pp = peek().pos;
                    ps.add(Geometries.polygon(ringList(), pp));
                } while (peek().isSymbol(",") && next() != null);
                expectListEnd();
                g = Geometries.multiPolygon(ps, p);
            }
            case "GEOMETRYCOLLECTION" -> {
                int p = peek().pos;
                expectSymbol("(");
                List<Geometry> gs = new ArrayList<>();
                do {
                    Token kw = peek();
                    String up = kw.kind == Kind.IDENT ? kw.text.toUpperCase(Locale.ROOT) : "";
                    if (!GEOMETRY_KEYWORDS.contains(up)) {
                        throw new FilterException(kw.pos, "expected a geometry (POINT, LINESTRING, ...) but found "
                            + kw.describe());
                    }
                    next();
                    if (peek().isKeyword("Z")) {
                        next();
                    }
                    gs.add(geometryText(up, kw.pos));
                } while (peek().isSymbol(",") && next() != null);
                expectListEnd();
                g = Geometries.collection(gs, p);
            }
            default -> throw new FilterException(pos, "unknown geometry type " + keyword);
        }
        leave();
        return g;
    }
}
