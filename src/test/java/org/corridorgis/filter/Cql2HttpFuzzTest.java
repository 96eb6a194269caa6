package org.corridorgis.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.corridorgis.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Throws more than 10 000 generated and mutated filters (random tokens, truncations, quote and comment characters,
 * huge numbers, deep nesting, SQL fragments, unicode) at {@code /collections/checkpoints/items} (some at routes,
 * some as CQL2 JSON) from two threads. Every answer must be 200, or 400 with a problem+json body; never a 500, never
 * a database error text; and the database must be unchanged afterwards.
 */
@PostgisIntegrationTest
class Cql2HttpFuzzTest {

    static final String[] DB_ERROR_TEXT = {"syntax error at or near", "PSQLException", "org.postgresql", "SQLState",
        "ERROR:", "BadSqlGrammar", "DataIntegrity", "UncategorizedSQL", "java.lang.", "\tat org.", "Exception:"};

    static final String[] CHECKPOINT_PROPS = {"name", "kind", "status", "place", "note", "accuracy", "id", "states",
        "operating_states", "sources", "valid_from", "valid_to", "recorded_at", "geom", "geometry", "\"name\"",
        "nosuch", "\"x'; DROP TABLE corridor.checkpoints; --\"", "pg_catalog.pg_sleep", "t.name", "name::text"};
    static final String[] ROUTE_PROPS = {"name", "via", "mode", "status", "checkpoints", "length_km", "cited_lengths",
        "origin", "destination", "geom", "valid_from", "proposed_by"};
    static final String[] SQL_FRAGMENTS = {"'; DROP TABLE corridor.checkpoints; --", "pg_sleep(10)", "$$", "$q$x$q$",
        "/* */", "/*", "*/", "--", ";", "' OR '1'='1", "\" OR \"1\"=\"1", "UNION SELECT version()", "); DELETE FROM corridor.routes; --",
        "E'\\x27'", "\\'", "'||pg_sleep(10)||'", "::regclass", "COPY", "\\g", "\u0000", "%00", "%27", "\u2019", "\u02bc",
        "ИЛИ", "Ναχιτσεβάν", "Iğdır", "🙂", "\u202e", "\ufeff", "\r\n", "\t", "1e999999999", "-9223372036854775809",
        "123456789012345678901234567890123456789012345678901234567890", "0.0000000000000000000001", "NaN", "Infinity"};

    static final List<String> CHECKPOINT_SEEDS = List.of(
        "status = 'operating'",
        "status <> 'operating' AND A_CONTAINS(states, ('ARM'))",
        "name LIKE 'Agarak%' OR name LIKE '%(proposed)'",
        "CASEI(name) LIKE CASEI('%agarak%')",
        "ACCENTI(place) = ACCENTI('Julfa (Culfa); Jolfa')",
        "status IN ('proposed', 'unknown') AND NOT (kind = 'bridge')",
        "valid_from BETWEEN DATE('2020-01-01') AND DATE('2026-12-31')",
        "valid_to IS NULL AND valid_from IS NOT NULL",
        "S_INTERSECTS(geom, BBOX(46, 38.5, 47, 39.5))",
        "S_WITHIN(geometry, POLYGON((44 38, 50 38, 50 42, 44 42, 44 38)))",
        "S_DISJOINT(geom, MULTIPOINT((46.19569 38.85239), (48.86801 38.44449)))",
        "DISTANCE_M(geom, POINT(46.2 38.9)) < 5000 AND A_CONTAINS(states, ('ARM'))",
        "DISTANCE_KM(geom, LINESTRING(46 38.8, 46.5 38.9)) * 2 + 1 >= 10 div 3",
        "T_AFTER(valid_from, DATE('2025-01-01'))",
        "T_INTERSECTS(INTERVAL(valid_from, valid_to), INTERVAL('2024-01-01', '..'))",
        "T_DURING(recorded_at, INTERVAL('2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z'))",
        "A_OVERLAPS(states, operating_states) AND A_CONTAINEDBY(operating_states, ('ARM', 'AZE', 'IRN', 'TUR', 'GEO'))",
        "A_EQUALS(sources, ('a', 'b')) OR A_CONTAINS(sources, ('places-csv'))",
        "name = place OR -1 < 2 ^ 3",
        "S_INTERSECTS(geom, GEOMETRYCOLLECTION(POINT(46 38), LINESTRING(46 38, 47 39)))");
    static final List<String> CHECKPOINT_JSON_SEEDS = List.of(
        "{\"op\":\"=\",\"args\":[{\"property\":\"status\"},\"operating\"]}",
        "{\"op\":\"and\",\"args\":[{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"Agarak%\"]},"
            + "{\"op\":\"a_contains\",\"args\":[{\"property\":\"states\"},[\"ARM\"]]}]}",
        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"},{\"bbox\":[46,38.5,47,39.5]}]}",
        "{\"op\":\"<\",\"args\":[{\"function\":{\"name\":\"DISTANCE_M\",\"args\":[{\"property\":\"geom\"},"
            + "{\"type\":\"Point\",\"coordinates\":[46.2,38.9]}]}},5000]}",
        "{\"op\":\"t_after\",\"args\":[{\"property\":\"valid_from\"},{\"date\":\"2025-01-01\"}]}",
        "{\"op\":\"in\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"status\"}]},[\"proposed\",\"unknown\"]]}");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    record Case(String collection, String filter, boolean json) {
    }

    @Test
    void tenThousandHostileFiltersThroughHttp() throws Exception {
        Map<String, Long> before = databaseState();
        List<Case> cases = cases(new Random(20261127L));
        assertTrue(cases.size() >= 10_000, "only " + cases.size());

        Cql2Http h = new Cql2Http(port);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < cases.size(); i = next.getAndIncrement()) {
                    Case c = cases.get(i);
                    try {
                        String extra = "&limit=2" + (c.json ? "&filter-lang=cql2-json" : "");
                        Cql2Http.Answer a = h.get("/collections/" + c.collection + "/items?filter=" + Cql2Http.enc(c.filter) + extra);
                        String problem = check(c.filter, a);
                        if (problem != null) {
                            failures.add(problem);
                        } else if (a.status() == 200) {
                            ok.incrementAndGet();
                        } else {
                            bad.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failures.add("exception " + e + " <- " + Cql2FuzzTest.show(c.filter));
                    }
                }
            }));
        }
        pool.shutdown();
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.MINUTES);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("CQL2 HTTP fuzz: " + cases.size() + " filters in " + ms + " ms (2 threads): " + ok + " x 200, "
            + bad + " x 400 (problem+json), " + failures.size() + " failures");
        if (!failures.isEmpty()) {
            fail(failures.size() + " bad answers, e.g.:\n" + String.join("\n", failures.stream().limit(25).toList()));
        }
        assertTrue(ok.get() > 500, "the generator should produce many valid filters: " + ok);
        assertTrue(bad.get() > 1000);
        assertEquals(before, databaseState(), "the database changed");
    }

    /** Null if the answer is acceptable, else a description. */
    static String check(String filter, Cql2Http.Answer a) {
        if (a.status() != 200 && a.status() != 400) {
            return a.status() + " <- " + Cql2FuzzTest.show(filter) + ": " + shorten(a.body());
        }
        if (a.status() == 400 && !a.contentType().startsWith("application/problem+json")) {
            return "400 without problem+json (" + a.contentType() + ") <- " + Cql2FuzzTest.show(filter) + ": " + shorten(a.body());
        }
        if (a.status() == 400) {
            for (String s : DB_ERROR_TEXT) {
                if (a.body().contains(s)) {
                    return "database/internal text '" + s + "' <- " + Cql2FuzzTest.show(filter) + ": " + shorten(a.body());
                }
            }
        } else if (!a.body().startsWith("{\"type\":\"FeatureCollection\"")) {
            return "200 without a FeatureCollection <- " + Cql2FuzzTest.show(filter) + ": " + shorten(a.body());
        }
        return null;
    }

    static void assertNoDatabaseText(String filter, String body) {
        for (String s : DB_ERROR_TEXT) {
            assertTrue(!body.contains(s), () -> "'" + s + "' in the answer to " + filter + ": " + body);
        }
    }

    static String shorten(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    /** Row counts of every table of schema corridor (history tables included) and the table versions. */
    Map<String, Long> databaseState() {
        Map<String, Long> state = new TreeMap<>();
        for (String t : jdbc.sql("select table_name from information_schema.tables where table_schema = 'corridor' "
            + "and table_type = 'BASE TABLE' order by 1").query(String.class).list()) {
            state.put("rows:" + t, jdbc.sql("select count(*) from corridor.\"" + t.replace("\"", "\"\"") + "\"")
                .query(Long.class).single());
        }
        jdbc.sql("select table_name, version from corridor.table_version").query(rs -> {
            state.put("version:" + rs.getString(1), rs.getLong(2));
        });
        return state;
    }

    // ---- the corpus ----------------------------------------------------------------------------------------------

    static List<Case> cases(Random r) {
        List<Case> cases = new ArrayList<>();
        List<String> ogcText = new ArrayList<>();
        List<String> ogcJson = new ArrayList<>();
        for (String name : Cql2ExamplesTest.NAMES) {
            ogcText.add(Cql2ExamplesTest.read(name + ".txt"));
            ogcJson.add(Cql2ExamplesTest.read(name + ".json"));
        }
        List<String> jsonSeeds = new ArrayList<>(CHECKPOINT_JSON_SEEDS);
        jsonSeeds.addAll(ogcJson);
        for (int i = 0; i < 2000; i++) {
            add(cases, "checkpoints", randomTokens(r), false);
        }
        for (int i = 0; i < 2500; i++) {
            add(cases, "checkpoints", Cql2FuzzTest.mutate(CHECKPOINT_SEEDS.get(r.nextInt(CHECKPOINT_SEEDS.size())), r), false);
        }
        for (int i = 0; i < 1000; i++) {
            add(cases, "checkpoints", Cql2FuzzTest.mutate(ogcText.get(r.nextInt(ogcText.size())), r), false);
        }
        for (int i = 0; i < 1500; i++) {
            add(cases, "checkpoints", Cql2FuzzTest.mutate(jsonSeeds.get(r.nextInt(jsonSeeds.size())), r), true);
        }
        for (int i = 0; i < 2000; i++) {
            boolean routes = i % 4 == 0;
            add(cases, routes ? "routes" : "checkpoints", generate(r, 0, routes ? ROUTE_PROPS : CHECKPOINT_PROPS), false);
        }
        for (String seed : CHECKPOINT_SEEDS) {
            for (int cut = 0; cut < seed.length(); cut += 2) {
                add(cases, "checkpoints", seed.substring(0, cut), false);
            }
        }
        for (String seed : CHECKPOINT_JSON_SEEDS) {
            for (int cut = 0; cut < seed.length(); cut += 3) {
                add(cases, "checkpoints", seed.substring(0, cut), true);
            }
        }
        for (int i = 0; i < 300; i++) { // routes get the OGC examples and mutations too
            add(cases, "routes", Cql2FuzzTest.mutate(ogcText.get(r.nextInt(ogcText.size())), r), false);
        }
        // deep nesting, long chains, huge numbers
        for (int depth : new int[] {10, 39, 40, 41, 100, 500, 1000, 2000}) {
            add(cases, "checkpoints", "(".repeat(depth) + "name = 'a'" + ")".repeat(depth), false);
            add(cases, "checkpoints", "NOT ".repeat(depth) + "name = 'a'", false);
            add(cases, "checkpoints", "-".repeat(depth) + "1 = 1", false);
            add(cases, "checkpoints", "CASEI(".repeat(depth) + "name" + ")".repeat(depth) + " = 'a'", false);
            add(cases, "checkpoints", "{\"op\":\"not\",\"args\":[".repeat(depth) + "{\"op\":\"=\",\"args\":[{\"property\":\"name\"},\"a\"]}"
                + "]}".repeat(depth), true);
            add(cases, "checkpoints", "[".repeat(depth) + "]".repeat(depth), true);
            add(cases, "checkpoints", "name = 'a'" + " OR name = 'b'".repeat(depth), false);
            add(cases, "checkpoints", "1" + " + 1".repeat(depth) + " > 0", false);
            add(cases, "checkpoints", "2" + " * 10".repeat(Math.min(depth, 400)) + " > 0", false);
        }
        for (String n : new String[] {"1e300", "1e301", "-1e308", "1e-300", "1e-301", "9".repeat(64), "9".repeat(65),
            "0." + "0".repeat(60) + "1", "1" + "0".repeat(400), "1e2147483648", "1.7976931348623157e308", "4.9e-324"}) {
            add(cases, "checkpoints", "DISTANCE_M(geom, POINT(46 38)) < " + n, false);
            add(cases, "checkpoints", "S_INTERSECTS(geom, POINT(" + n + " 38))", false);
            add(cases, "checkpoints", n + " * " + n + " > 1", false);
            add(cases, "routes", "length_km ^ 64 * " + n + " > 1", false);
            add(cases, "checkpoints", "{\"op\":\">\",\"args\":[" + n + ",1]}", true);
        }
        return cases;
    }

    private static void add(List<Case> cases, String collection, String filter, boolean json) {
        String f = filter;
        // keep the request line under the server's header size limit
        while (Cql2Http.enc(f).length() > 6000) {
            f = f.substring(0, f.length() * 2 / 3);
        }
        cases.add(new Case(collection, f, json));
    }

    static String randomTokens(Random r) {
        if (r.nextInt(3) == 0) {
            return Cql2FuzzTest.randomTokens(r);
        }
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(20);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(6)) {
                case 0, 1 -> b.append(Cql2FuzzTest.KEYWORDS[r.nextInt(Cql2FuzzTest.KEYWORDS.length)]);
                case 2 -> b.append(CHECKPOINT_PROPS[r.nextInt(CHECKPOINT_PROPS.length)]);
                case 3 -> b.append(SQL_FRAGMENTS[r.nextInt(SQL_FRAGMENTS.length)]);
                case 4 -> b.append('\'').append(SQL_FRAGMENTS[r.nextInt(SQL_FRAGMENTS.length)].replace("'", "''")).append('\'');
                default -> b.append(Cql2FuzzTest.HOSTILE[r.nextInt(Cql2FuzzTest.HOSTILE.length)]);
            }
            b.append(r.nextInt(4) == 0 ? "" : " ");
        }
        return b.toString();
    }

    static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    static String str(Random r) {
        String s = SQL_FRAGMENTS[r.nextInt(SQL_FRAGMENTS.length)] + pick(r, "", "x", "operating", "%", "_");
        return "'" + s.replace("'", "''") + "'";
    }

    static String num(Random r, int depth, String[] props) {
        return switch (r.nextInt(depth > 3 ? 3 : 6)) {
            case 0 -> String.valueOf(r.nextInt(100000) - 50000);
            case 1 -> String.format(Locale.ROOT, "%.6f", r.nextDouble() * 1000);
            case 2 -> pick(r, "1e300", "1e-300", "123456789012345678901234567890", "0", "-0.0", "1e301",
                props == ROUTE_PROPS ? "length_km" : "DISTANCE_M(geom, POINT(46.2 38.9))");
            case 3 -> "(" + num(r, depth + 1, props) + " " + pick(r, "+", "-", "*", "/", "%", "div") + " " + num(r, depth + 1, props) + ")";
            case 4 -> num(r, depth + 1, props) + " ^ " + pick(r, "2", "0", "64", "65", "-1", "0.5");
            default -> "-" + num(r, depth + 1, props);
        };
    }

    static String generate(Random r, int depth, String[] props) {
        String prop = props[r.nextInt(props.length)];
        String array = props == ROUTE_PROPS ? pick(r, "via", "checkpoints") : pick(r, "states", "operating_states", "sources");
        int k = depth > 4 ? r.nextInt(10) : r.nextInt(15);
        return switch (k) {
            case 0 -> prop + " " + pick(r, "=", "<>", "<", ">=") + " " + str(r);
            case 1 -> prop + pick(r, " LIKE ", " NOT LIKE ") + str(r);
            case 2 -> "CASEI(" + prop + ") IN (" + str(r) + ", CASEI(" + str(r) + "))";
            case 3 -> "ACCENTI(" + prop + ") = ACCENTI(" + str(r) + ")";
            case 4 -> num(r, depth, props) + " " + pick(r, "=", "<", ">", "<=", ">=", "<>") + " " + num(r, depth, props);
            case 5 -> prop + " BETWEEN " + num(r, depth, props) + " AND " + num(r, depth, props);
            case 6 -> pick(r, "S_INTERSECTS", "S_WITHIN", "S_DISJOINT", "S_CONTAINS", "S_CROSSES", "S_TOUCHES", "S_EQUALS",
                "S_OVERLAPS") + "(" + pick(r, "geom", "geometry", prop) + ", " + Cql2FuzzTest.geom(r) + ")";
            case 7 -> pick(r, "T_AFTER", "T_BEFORE", "T_DURING", "T_INTERSECTS", "T_METBY", "T_STARTS", "T_EQUALS",
                "T_DISJOINT") + "(" + pick(r, "valid_from", "recorded_at", "INTERVAL(valid_from, valid_to)", prop) + ", "
                + Cql2FuzzTest.time(r) + ")";
            case 8 -> pick(r, "A_CONTAINS", "A_EQUALS", "A_OVERLAPS", "A_CONTAINEDBY") + "(" + array + ", (" + str(r)
                + ", " + str(r) + "))";
            case 9 -> prop + " IS " + pick(r, "", "NOT ") + "NULL";
            case 10 -> "NOT (" + generate(r, depth + 1, props) + ")";
            case 11, 12 -> "(" + generate(r, depth + 1, props) + pick(r, " AND ", " OR ") + generate(r, depth + 1, props) + ")";
            case 13 -> prop + " IN (" + str(r) + ", " + str(r) + ", " + num(r, depth, props) + ")";
            default -> "DISTANCE_M(geom, " + Cql2FuzzTest.geom(r) + ") < " + num(r, depth, props);
        };
    }
}
