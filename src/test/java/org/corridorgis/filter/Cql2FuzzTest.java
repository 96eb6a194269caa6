package org.corridorgis.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Throws generated and mutated filters (random tokens, truncations, quote and comment characters, huge numbers,
 * deep nesting, SQL fragments) at parse + translate. Each must either give SQL or a {@link FilterException}; no
 * other Throwable. Successful SQL must contain no user text: only fixed text, the resolver's column references and
 * named placeholders (:p1, :p2, ...).
 */
class Cql2FuzzTest {

    static final TestQueryables Q = TestQueryables.standard();
    static final String[] PROPS = {"city", "name", "depth", "floors", "swimming_pool", "updated", "event_time",
        "geometry", "layer:ids", "assignments", "\"value\"", "nosuch", "\"x'; DROP TABLE t; --\""};
    /** Marker strings: if any of them shows up in the SQL text, user text leaked into SQL. */
    static final String[] MARKERS = {"DROP", "pg_sleep", "xyzzy", "Robert", "$$", "--", "/*", ";", "UNION",
        "1=1", "\\", "nosuch"};
    static final String[] HOSTILE = {"'", "''", "\"", ";", "--", "/*", "*/", "$$", "$tag$", "\\", "\\'", "%", "_",
        "\u0000", "\u202e", "\ud800", "🙂", "DROP TABLE corridor.routes", "'; DROP TABLE t; --", "pg_sleep(10)",
        "UNION SELECT", "1=1", "xyzzy", "Robert'); DROP TABLE students;--", "E'\\x00'", "::text", "$1", "?",
        "1e999999", "-1e999999", "NaN", "Infinity", "-0", "99999999999999999999999999999999999999999999999999999",
        "0.0000000000000000000000000000001", "1e-400", "(", ")", ",", "((((((((((((((((((((((((((((((((((((((((((",
        "))))))))))))))))", "NOT NOT NOT NOT", "AND", "OR", "IS NULL", "..", "Z", "EMPTY", "BBOX(", "POINT(",
        "INTERVAL(", "DATE('", "TIMESTAMP('", "CASEI(", "ACCENTI(", "{", "}", "[", "]", ":", "\"op\"", "null",
        "true", "1/0", "div 0", "% 0", "^ 64", "^", "e", "E+", "0x1F", "\t", "\n", "\r\n"};
    static final String[] KEYWORDS = {"AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL", "TRUE", "FALSE", "DIV",
        "CASEI", "ACCENTI", "DATE", "TIMESTAMP", "INTERVAL", "BBOX", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
        "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION", "S_INTERSECTS", "S_WITHIN", "S_CONTAINS",
        "T_AFTER", "T_DURING", "T_INTERSECTS", "A_CONTAINS", "A_OVERLAPS", "DISTANCE_M", "AREA_KM2", "=", "<>", "<",
        ">", "<=", ">=", "+", "-", "*", "/", "%", "^", "(", ")", ",", "'a'", "'2020-01-01'", "'..'", "1", "2.5",
        "-3", "1e5", "0"};

    private int total;
    private int accepted;
    private int rejected;

    @Test
    void tenThousandPlusHostileFilters() {
        Random r = new Random(20240601L);
        List<String> seedsText = new ArrayList<>();
        List<String> seedsJson = new ArrayList<>();
        for (String name : Cql2ExamplesTest.NAMES) {
            seedsText.add(Cql2ExamplesTest.read(name + ".txt"));
            seedsJson.add(Cql2ExamplesTest.read(name + ".json"));
        }
        for (int i = 0; i < 3000; i++) {
            run(randomTokens(r), false);
        }
        for (int i = 0; i < 3000; i++) {
            run(mutate(seedsText.get(r.nextInt(seedsText.size())), r), false);
        }
        for (int i = 0; i < 3000; i++) {
            run(mutate(seedsJson.get(r.nextInt(seedsJson.size())), r), true);
        }
        for (int i = 0; i < 3000; i++) {
            run(generate(r, 0), false);
        }
        for (String seed : seedsText) {
            for (int cut = 0; cut < seed.length(); cut += 3) {
                run(seed.substring(0, cut), false);
            }
        }
        for (String seed : seedsJson) {
            for (int cut = 0; cut < seed.length(); cut += 7) {
                run(seed.substring(0, cut), true);
            }
        }
        assertTrue(total >= 10_000, "only " + total + " filters");
        assertTrue(accepted > 1000, "the generator should produce many valid filters, got " + accepted);
        assertTrue(rejected > 1000);
        System.out.println("CQL2 fuzz: " + total + " filters, " + accepted + " translated, " + rejected
            + " rejected with FilterException, 0 other exceptions");
    }

    private void run(String filter, boolean json) {
        total++;
        SqlFragment sql;
        try {
            Expression e = json ? Cql2.parseJson(filter, FilterLimits.DEFAULT) : Cql2.parseText(filter, FilterLimits.DEFAULT);
            sql = Cql2.toSql(e, Q, 4326, (total & 1) == 0);
        } catch (FilterException e) {
            rejected++;
            assertNull(e.getCause(), () -> "unexpected internal error for " + show(filter) + ": " + e.getCause());
            assertFalse(e.getMessage().startsWith("internal"), filter);
            return;
        } catch (Throwable t) {
            fail("filter " + show(filter) + " threw " + t, t);
            return;
        }
        accepted++;
        checkSql(filter, sql);
    }

    static void checkSql(String filter, SqlFragment sql) {
        String s = sql.sql();
        String stripped = s.replace("'-infinity'", "").replace("'infinity'", "");
        assertFalse(stripped.contains("'"), () -> "quote in SQL for " + show(filter) + ": " + s);
        for (String marker : MARKERS) {
            assertFalse(s.contains(marker), () -> "user text '" + marker + "' in SQL for " + show(filter) + ": " + s);
        }
        assertEquals(placesInOrder(sql.params().size()), placeholders(s), () -> "placeholders: " + s);
        // every identifier-like word of the SQL is fixed text or a column reference of the resolver
        String words = stripped.replaceAll("\"t\"\\.\"c\\d+\"", " ").replaceAll(":p\\d+", " ");
        for (String w : words.split("[^A-Za-z_:]+")) {
            if (!w.isEmpty() && !ALLOWED_WORDS.contains(w)) {
                fail("unexpected word '" + w + "' in SQL for " + show(filter) + ": " + s);
            }
        }
    }

    static final java.util.Set<String> ALLOWED_WORDS = java.util.Set.of("AND", "OR", "NOT", "LIKE", "BETWEEN", "IN",
        "IS", "NULL", "CAST", "AS", "boolean", "date", "timestamp", "timestamptz", "numeric", "text", "lower", "corridor", "accent_fold",
        "ST_Intersects", "ST_Equals", "ST_Disjoint", "ST_Touches", "ST_Within", "ST_Overlaps", "ST_Crosses",
        "ST_Contains", "ST_GeomFromWKB", "ST_Transform", "ST_Distance", "ST_Length", "ST_Area", "geography",
        "COALESCE", "NULLIF", "COLLATE", "und", "x", "icu", "mod", "div", "power", "infinity", "::date", "::timestamptz");

    /** The named placeholders of rendered SQL, in order. */
    static java.util.List<String> placeholders(String sql) {
        return java.util.regex.Pattern.compile("(?<!:):p\\d+").matcher(sql).results().map(java.util.regex.MatchResult::group).toList();
    }

    /** :p1, :p2, ... :pN: one placeholder per value, named after its place. */
    static java.util.List<String> placesInOrder(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> ":p" + i).toList();
    }

    static String show(String s) {
        return s.length() > 300 ? "\"" + s.substring(0, 300) + "...\"" : "\"" + s + "\"";
    }

    // ---- generators ---------------------------------------------------------------------------------------

    static String randomTokens(Random r) {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(25);
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(10);
            if (k < 5) {
                b.append(KEYWORDS[r.nextInt(KEYWORDS.length)]);
            } else if (k < 7) {
                b.append(PROPS[r.nextInt(PROPS.length)]);
            } else if (k < 9) {
                b.append(HOSTILE[r.nextInt(HOSTILE.length)]);
            } else {
                b.append("'").append(HOSTILE[r.nextInt(HOSTILE.length)]).append("'");
            }
            b.append(r.nextInt(4) == 0 ? "" : " ");
        }
        return b.toString();
    }

    static String mutate(String seed, Random r) {
        StringBuilder b = new StringBuilder(seed);
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int pos = b.length() == 0 ? 0 : r.nextInt(b.length() + 1);
            switch (r.nextInt(7)) {
                case 0 -> b.insert(pos, HOSTILE[r.nextInt(HOSTILE.length)]);
                case 1 -> {
                    int end = Math.min(b.length(), pos + 1 + r.nextInt(10));
                    b.delete(Math.min(pos, b.length()), end);
                }
                case 2 -> b.setLength(Math.min(b.length(), pos));
                case 3 -> b.insert(pos, (char) r.nextInt(128));
                case 4 -> b.insert(pos, KEYWORDS[r.nextInt(KEYWORDS.length)]);
                case 5 -> {
                    if (b.length() > 0 && pos < b.length()) {
                        String specials = "'\"(),;[]{}:-\\";
                        b.setCharAt(pos, specials.charAt(r.nextInt(specials.length())));
                    }
                }
                default -> {
                    if (b.length() > 0) {
                        int start = r.nextInt(b.length());
                        int end = Math.min(b.length(), start + r.nextInt(40));
                        b.insert(pos, b.substring(start, end));
                    }
                }
            }
        }
        return b.toString();
    }

    /** Grammar-based generator of mostly valid text filters, with hostile strings inside literals. */
    static String generate(Random r, int depth) {
        int k = depth > 4 ? r.nextInt(8) : r.nextInt(14);
        return switch (k) {
            case 0 -> "city = " + str(r);
            case 1 -> "name LIKE " + str(r);
            case 2 -> "CASEI(city) IN (" + str(r) + ", CASEI(" + str(r) + "))";
            case 3 -> "ACCENTI(name) <> ACCENTI(" + str(r) + ")";
            case 4 -> num(r, depth) + " " + pick(r, "=", "<", ">", "<=", ">=", "<>") + " " + num(r, depth);
            case 5 -> "depth BETWEEN " + num(r, depth) + " AND " + num(r, depth);
            case 6 -> pick(r, "S_INTERSECTS", "S_WITHIN", "S_DISJOINT", "S_CONTAINS") + "(geometry, " + geom(r) + ")";
            case 7 -> pick(r, "T_AFTER", "T_BEFORE", "T_DURING", "T_INTERSECTS", "T_METBY", "T_STARTS")
                + "(" + pick(r, "updated", "event_time", "INTERVAL(starts_at, ends_at)") + ", " + time(r) + ")";
            case 8 -> pick(r, "A_CONTAINS", "A_EQUALS", "A_OVERLAPS", "A_CONTAINEDBY") + "(layer:ids, (" + str(r)
                + ", " + str(r) + "))";
            case 9 -> "NOT (" + generate(r, depth + 1) + ")";
            case 10 -> "(" + generate(r, depth + 1) + " AND " + generate(r, depth + 1) + ")";
            case 11 -> "(" + generate(r, depth + 1) + " OR " + generate(r, depth + 1) + ")";
            case 12 -> pick(r, "city", "geometry", "assignments", "updated") + " IS " + pick(r, "", "NOT ") + "NULL";
            default -> "DISTANCE_M(geometry, " + geom(r) + ") < " + num(r, depth);
        };
    }

    static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    static String str(Random r) {
        String s = HOSTILE[r.nextInt(HOSTILE.length)] + (r.nextBoolean() ? "xyzzy" : "") + MARKERS[r.nextInt(MARKERS.length)];
        return "'" + s.replace("'", "''") + "'";
    }

    static String num(Random r, int depth) {
        return switch (r.nextInt(depth > 3 ? 4 : 7)) {
            case 0 -> String.valueOf(r.nextInt(1000) - 500);
            case 1 -> String.valueOf(r.nextDouble() * 1000);
            case 2 -> pick(r, "depth", "floors", "\"value\"");
            case 3 -> pick(r, "1e300", "1e-300", "123456789012345678901234567890", "0", "-0.0", "1e301");
            case 4 -> "(" + num(r, depth + 1) + " " + pick(r, "+", "-", "*", "/", "%", "div") + " " + num(r, depth + 1) + ")";
            case 5 -> num(r, depth + 1) + " ^ " + pick(r, "2", "0", "64", "65", "-1", "0.5");
            default -> "-" + num(r, depth + 1);
        };
    }

    static String coord(Random r) {
        return (r.nextInt(400) - 200) + "." + r.nextInt(100) + " " + (r.nextInt(200) - 100) + "." + r.nextInt(100);
    }

    static String geom(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> "POINT(" + coord(r) + ")";
            case 1 -> "LINESTRING(" + coord(r) + ", " + coord(r) + ")";
            case 2 -> "POLYGON((" + coord(r) + ", " + coord(r) + ", " + coord(r) + ", " + coord(r) + "))";
            case 3 -> "BBOX(" + (r.nextInt(400) - 200) + ", " + (r.nextInt(200) - 100) + ", " + (r.nextInt(400) - 200)
                + ", " + (r.nextInt(200) - 100) + ")";
            case 4 -> "GEOMETRYCOLLECTION(POINT(" + coord(r) + "), POINT(" + coord(r) + "))";
            default -> "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))";
        };
    }

    static String time(Random r) {
        String[] instants = {"'2020-01-01'", "'2020-02-30'", "'2020-01-01T00:00:00Z'", "'..'", "'1969-07-20T20:17:40.5+02:00'",
            "'99999-01-01'", "'2020-01-01T25:00:00Z'", "valid_from", "'xyzzy'"};
        return switch (r.nextInt(3)) {
            case 0 -> "DATE(" + instants[r.nextInt(instants.length)] + ")";
            case 1 -> "TIMESTAMP(" + instants[r.nextInt(instants.length)] + ")";
            default -> "INTERVAL(" + instants[r.nextInt(instants.length)] + ", " + instants[r.nextInt(instants.length)] + ")";
        };
    }
}
