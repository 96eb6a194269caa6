package org.corridorgis.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader (RFC 8259) that keeps the character position of every value and enforces a nesting
 * limit while reading, so that hostile input (deep nesting, huge numbers, duplicate keys) is rejected with a
 * {@link FilterException} pointing at the position.
 */
final class Json {

    sealed interface Node permits JString, JNumber, JBool, JNull, JArray, JObject {
        int pos();

        default String kind() {
            if (this instanceof JString) {
                return "a string";
            } else if (this instanceof JNumber) {
                return "a number";
            } else if (this instanceof JBool) {
                return "a boolean";
            } else if (this instanceof JNull) {
                return "null";
            } else if (this instanceof JArray) {
                return "an array";
            }
            return "an object";
        }
    }

    record JString(String value, int pos) implements Node {}

    /** The number as written (validated later). */
    record JNumber(String lexeme, int pos) implements Node {}

    record JBool(boolean value, int pos) implements Node {}

    record JNull(int pos) implements Node {}

    record JArray(List<Node> items, int pos) implements Node {}

    record JObject(Map<String, Node> members, int pos) implements Node {}

    private final String s;
    private final int maxDepth;
    private int i;
    private int depth;

    private Json(String s, int maxDepth) {
        this.s = s;
        this.maxDepth = maxDepth;
    }

    static Node parse(String s, int maxDepth) {
        Json p = new Json(s, maxDepth);
        p.ws();
        if (p.i >= s.length()) {
            throw new FilterException(0, "the filter is empty; expected a JSON object");
        }
        Node n = p.value();
        p.ws();
        if (p.i < s.length()) {
            throw new FilterException(p.i, "expected end of input after the JSON value but found '" + p.s.charAt(p.i) + "'");
        }
        return n;
    }

    private void ws() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else {
                break;
            }
        }
    }

    private String found() {
        if (i >= s.length()) {
            return "end of input";
        }
        char c = s.charAt(i);
        return Character.isISOControl(c) ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private Node value() {
        ws();
        if (i >= s.length()) {
            throw new FilterException(i, "unexpected end of input; expected a JSON value");
        }
        char c = s.charAt(i);
        int start = i;
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return new JString(string(), start);
            case 't':
                literal("true");
                return new JBool(true, start);
            case 'f':
                literal("false");
                return new JBool(false, start);
            case 'n':
                literal("null");
                return new JNull(start);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw new FilterException(i, "expected a JSON value but found " + found());
        }
    }

    private void literal(String word) {
        if (!s.startsWith(word, i)) {
            throw new FilterException(i, "expected a JSON value but found " + found());
        }
        i += word.length();
    }

    private void enter() {
        if (++depth > maxDepth) {
            throw new FilterException(i, "the filter is nested too deeply");
        }
    }

    private JObject object() {
        int start = i;
        enter();
        i++;
        Map<String, Node> members = new LinkedHashMap<>();
        ws();
        if (i < s.length() && s.charAt(i) == '}') {
            i++;
            depth--;
            return new JObject(members, start);
        }
        while (true) {
            ws();
            if (i >= s.length() || s.charAt(i) != '"') {
                throw new FilterException(i, "expected a member name in double quotes but found " + found());
            }
            int keyPos = i;
            String key = string();
            ws();
            if (i >= s.length() || s.charAt(i) != ':') {
                throw new FilterException(i, "expected ':' but found " + found());
            }
            i++;
            Node v = value();
            if (members.put(key, v) != null) {
                throw new FilterException(keyPos, "duplicate member \"" + Text.shorten(key) + "\"");
            }
            ws();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            if (i < s.length() && s.charAt(i) == '}') {
                i++;
                depth--;
                return new JObject(members, start);
            }
            throw new FilterException(i, "expected ',' or '}' but found " + found());
        }
    }

    private JArray array() {
        int start = i;
        enter();
        i++;
        List<Node> items = new ArrayList<>();
        ws();
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
            depth--;
            return new JArray(items, start);
        }
        while (true) {
            items.add(value());
            ws();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            if (i < s.length() && s.charAt(i) == ']') {
                i++;
                depth--;
                return new JArray(items, start);
            }
            throw new FilterException(i, "expected ',' or ']' but found " + found());
        }
    }

    private String string() {
        int start = i;
        i++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                throw new FilterException(start, "unterminated JSON string; expected a closing '\"'");
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return Literals.string(b.toString(), start);
            }
            if (c < 0x20) {
                throw new FilterException(i - 1, "control character in a JSON string; it must be escaped");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) {
                throw new FilterException(start, "unterminated JSON string");
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"' -> b.append('"');
                case '\\' -> b.append('\\');
                case '/' -> b.append('/');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw new FilterException(i - 2, "invalid \\u escape in a JSON string");
                    }
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = Character.digit(s.charAt(i + k), 16);
                        if (d < 0) {
                            throw new FilterException(i - 2, "invalid \\u escape in a JSON string");
                        }
                        v = v * 16 + d;
                    }
                    i += 4;
                    b.append((char) v);
                }
                default -> throw new FilterException(i - 2, "invalid escape '\\" + e + "' in a JSON string");
            }
        }
    }

    private JNumber number() {
        int start = i;
        if (s.charAt(i) == '-') {
            i++;
        }
        if (i >= s.length() || !Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
            throw new FilterException(i, "invalid JSON number; expected a digit but found " + found());
        }
        if (s.charAt(i) == '0') {
            i++;
        } else {
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            int digits = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == digits) {
                throw new FilterException(i, "invalid JSON number; expected a digit after '.'");
            }
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int digits = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == digits) {
                throw new FilterException(i, "invalid JSON number; expected a digit in the exponent");
            }
        }
        return new JNumber(s.substring(start, i), start);
    }
}
