package org.corridorgis.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;

/** Expected SQL and parameters for each conformance class. */
class Cql2TranslatorTest {

    static final TestQueryables Q = new TestQueryables()
        .add("name", "\"t\".\"name\"", QueryableType.STRING)
        .add("status", "\"t\".\"status\"", QueryableType.STRING)
        .add("controlled_by", "\"t\".\"controlled_by\"", QueryableType.STRING)
        .add("cited_area_km2", "\"t\".\"cited_area_km2\"", QueryableType.NUMBER)
        .add("length_km", "\"t\".\"length_km\"", QueryableType.NUMBER)
        .add("seq", "\"t\".\"seq\"", QueryableType.INTEGER)
        .add("agreed", "\"t\".\"agreed\"", QueryableType.BOOLEAN)
        .add("since", "\"t\".\"since\"", QueryableType.DATE)
        .add("valid_from", "\"t\".\"valid_from\"", QueryableType.DATE)
        .add("valid_to", "\"t\".\"valid_to\"", QueryableType.DATE)
        .add("recorded_at", "\"t\".\"recorded_at\"", QueryableType.TIMESTAMP)
        .add("geom", "\"t\".\"geom\"", QueryableType.GEOMETRY)
        .add("sources", "\"t\".\"sources\"", QueryableType.STRING_ARRAY)
        .add("states", "\"t\".\"states\"", QueryableType.STRING_ARRAY)
        .add("assignments", "\"t\".\"assignments\"", QueryableType.JSON);

    static SqlFragment text(String filter) {
        return Cql2.toSql(Cql2.parseText(filter, FilterLimits.DEFAULT), Q, 4326, false);
    }

    static SqlFragment json(String filter) {
        return Cql2.toSql(Cql2.parseJson(filter, FilterLimits.DEFAULT), Q, 4326, false);
    }

    static void check(String filter, String sql, Object... params) {
        SqlFragment f = text(filter);
        assertEquals(sql, f.sql(), filter);
        assertEquals(List.of(params), f.params(), filter);
    }

    /** The text with its '?' marks named after their places, :p1, :p2, ..., as a rendered fragment names them. */
    static String namedInOrder(String text) {
        StringBuilder named = new StringBuilder();
        int n = 0;
        for (char c : text.toCharArray()) {
            if (c == '?') {
                named.append(":p").append(++n);
            } else {
                named.append(c);
            }
        }
        return named.toString();
    }

    static FilterException fails(String filter) {
        return assertThrows(FilterException.class, () -> text(filter), filter);
    }

    static Geometry wkb(Object param) throws Exception {
        return new WKBReader().read((byte[]) param);
    }

    @Nested
    class BasicCql2 {
        @Test
        void comparisons() {
            check("name = 'Meghri'", "(\"t\".\"name\" = :p1)", "Meghri");
            check("name <> 'x'", "(\"t\".\"name\" <> :p1)", "x");
            check("seq < 3", "(\"t\".\"seq\" < :p1)", 3L);
            check("cited_area_km2 >= 10.5", "(\"t\".\"cited_area_km2\" >= :p1)", new BigDecimal("10.5"));
            check("cited_area_km2 <= -1e3", "(\"t\".\"cited_area_km2\" <= :p1)", -1000L);
            check("seq > 99999999999999999999", "(\"t\".\"seq\" > :p1)", new BigDecimal("99999999999999999999"));
            check("agreed = true", "(\"t\".\"agreed\" = CAST(:p1 AS boolean))", true);
            check("since > DATE('2022-01-01')", "(\"t\".\"since\" > CAST(:p1 AS date))", LocalDate.of(2022, 1, 1));
            check("recorded_at < TIMESTAMP('2024-05-01T10:00:00Z')",
                "(\"t\".\"recorded_at\" < CAST(:p1 AS timestamptz))", OffsetDateTime.parse("2024-05-01T10:00:00Z"));
        }

        @Test
        void stringLiteralComparedWithDateIsReadAsDate() {
            check("since >= '2022-01-01'", "(\"t\".\"since\" >= CAST(:p1 AS date))", LocalDate.of(2022, 1, 1));
            assertTrue(fails("since >= 'yesterday'").getMessage().contains("invalid instant"));
        }

        @Test
        void logicalOperatorsAndPrecedence() {
            check("name = 'a' OR name = 'b' AND NOT seq = 1",
                "((\"t\".\"name\" = :p1) OR ((\"t\".\"name\" = :p2) AND (NOT (\"t\".\"seq\" = :p3))))", "a", "b", 1L);
            check("(name = 'a' OR name = 'b') and agreed",
                "(((\"t\".\"name\" = :p1) OR (\"t\".\"name\" = :p2)) AND (\"t\".\"agreed\"))", "a", "b");
            check("TRUE", "CAST(:p1 AS boolean)", true);
        }

        @Test
        void isNull() {
            check("geom IS NULL", "(\"t\".\"geom\" IS NULL)");
            check("valid_to IS NOT NULL", "(NOT (\"t\".\"valid_to\" IS NULL))");
            check("assignments IS NULL", "(\"t\".\"assignments\" IS NULL)");
        }

        @Test
        void keywordsAreCaseInsensitive() {
            assertEquals(text("name = 'a' AND seq IS NOT NULL"), text("name = 'a' and seq is not null"));
        }

        @Test
        void typeErrors() {
            assertTrue(fails("name = 1").getMessage().contains("type mismatch"));
            assertTrue(fails("geom = 'x'").getMessage().contains("S_EQUALS"));
            assertTrue(fails("sources = 'x'").getMessage().contains("A_EQUALS"));
            assertTrue(fails("assignments = 'x'").getMessage().contains("IS NULL"));
            assertTrue(fails("agreed < true").getMessage().contains("booleans"));
            assertTrue(fails("name").getMessage().contains("expected a condition"));
            assertTrue(fails("1").getMessage().contains("expected a condition"));
        }

        @Test
        void unknownPropertyListsQueryables() {
            FilterException e = fails("nmae = 'x'");
            assertTrue(e.getMessage().startsWith("unknown property 'nmae'; queryables are: "), e.getMessage());
            assertTrue(e.getMessage().contains("name"));
        }
    }

    @Nested
    class AdvancedComparisonOperators {
        @Test
        void like() {
            check("name LIKE 'Meg%'", "(\"t\".\"name\" LIKE :p1)", "Meg%");
            check("name NOT LIKE '_x\\%'", "(NOT (\"t\".\"name\" LIKE :p1))", "_x\\%");
            assertTrue(fails("seq LIKE '1%'").getMessage().contains("LIKE needs a string"));
            assertTrue(fails("name LIKE status").getMessage().contains("string literal"));
            // in CQL2 text \' is an escaped quote, so a trailing backslash can only come from JSON
            assertTrue(fails("name LIKE 'abc\\'").getMessage().contains("unterminated string"));
            FilterException e = assertThrows(FilterException.class,
                () -> json("{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"abc\\\\\"]}"));
            assertTrue(e.getMessage().contains("escape character"), e.getMessage());
            assertEquals(List.of("abc\\\\"),
                json("{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"abc\\\\\\\\\"]}").params());
        }

        @Test
        void quotesInStrings() {
            check("name = 'O''Brien'", "(\"t\".\"name\" = :p1)", "O'Brien");
            check("name = 'O\\'Brien'", "(\"t\".\"name\" = :p1)", "O'Brien");
        }

        @Test
        void between() {
            check("seq BETWEEN 1 AND 5", "(\"t\".\"seq\" BETWEEN :p1 AND :p2)", 1L, 5L);
            check("length_km NOT BETWEEN 0.5 AND 10", "(NOT (\"t\".\"length_km\" BETWEEN :p1 AND :p2))",
                new BigDecimal("0.5"), 10L);
            check("since BETWEEN DATE('2020-01-01') AND '2021-01-01'", "(\"t\".\"since\" BETWEEN CAST(:p1 AS date) AND"
                + " CAST(:p2 AS date))", LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1));
            assertTrue(fails("name BETWEEN 1 AND 2").getMessage().contains("type mismatch"));
        }

        @Test
        void in() {
            check("status IN ('operating', 'proposed')", "(\"t\".\"status\" IN (:p1, :p2))", "operating", "proposed");
            check("seq NOT IN (1)", "(NOT (\"t\".\"seq\" IN (:p1)))", 1L);
            assertTrue(fails("seq IN ('a')").getMessage().contains("type mismatch"));
        }
    }

    @Nested
    class CaseAndAccentInsensitive {
        @Test
        void casei() {
            check("CASEI(name) = casei('MEGHRI')", "(lower((\"t\".\"name\") COLLATE \"und-x-icu\") = lower((:p1) COLLATE \"und-x-icu\"))", "MEGHRI");
            check("CASEI(name) LIKE CASEI('%nakh%')", "(lower((\"t\".\"name\") COLLATE \"und-x-icu\") LIKE lower((:p1) COLLATE \"und-x-icu\"))", "%nakh%");
            assertTrue(fails("CASEI(seq) = 'a'").getMessage().contains("CASEI needs a string"));
        }

        @Test
        void accenti() {
            check("ACCENTI(name) = ACCENTI('Naxçıvan')",
                "(corridor.accent_fold(\"t\".\"name\") = corridor.accent_fold(:p1))", "Naxçıvan");
        }

        @Test
        void combined() {
            check("CASEI(ACCENTI(name)) LIKE CASEI(ACCENTI('%ÇİLİNGİR%'))",
                "(lower((corridor.accent_fold(\"t\".\"name\")) COLLATE \"und-x-icu\") LIKE "
                    + "lower((corridor.accent_fold(:p1)) COLLATE \"und-x-icu\"))", "%ÇİLİNGİR%");
        }

        /** A function nested on its own result folds away: eight ACCENTI cost what one does. */
        @Test
        void nestedFoldsToOne() {
            String eight = "ACCENTI(".repeat(8) + "name" + ")".repeat(8);
            check(eight + " LIKE ACCENTI(ACCENTI('%zzz%'))",
                "(corridor.accent_fold(\"t\".\"name\") LIKE corridor.accent_fold(:p1))", "%zzz%");
            check("ACCENTI(CASEI(ACCENTI(CASEI(name)))) = 'a'",
                "(lower((corridor.accent_fold(\"t\".\"name\")) COLLATE \"und-x-icu\") = :p1)", "a");
            assertTrue(fails("ACCENTI(ACCENTI(seq)) = 'a'").getMessage().contains("ACCENTI needs a string"));
        }
    }

    @Nested
    class SpatialFunctions {
        @Test
        void intersectsPointIsBoundAsWkb() throws Exception {
            SqlFragment f = text("S_INTERSECTS(geom, POINT(46.2 38.9))");
            assertEquals("ST_Intersects(\"t\".\"geom\", ST_GeomFromWKB(:p1, 4326))", f.sql());
            Geometry g = wkb(f.params().get(0));
            assertEquals("POINT (46.2 38.9)", g.toText());
        }

        @Test
        void bbox() throws Exception {
            SqlFragment f = text("S_INTERSECTS(geom, BBOX(44, 38, 47, 40))");
            assertEquals("POLYGON ((44 38, 44 40, 47 40, 47 38, 44 38))", wkb(f.params().get(0)).toText());
        }

        @Test
        void bboxAcrossTheAntimeridian() throws Exception {
            SqlFragment f = text("S_INTERSECTS(geom, BBOX(170, -10, -170, 10))");
            assertEquals("MULTIPOLYGON", wkb(f.params().get(0)).getGeometryType().toUpperCase());
        }

        @Test
        void allPredicates() {
            String[][] cases = {{"S_EQUALS", "ST_Equals"}, {"S_DISJOINT", "ST_Disjoint"}, {"S_TOUCHES", "ST_Touches"},
                {"S_WITHIN", "ST_Within"}, {"S_OVERLAPS", "ST_Overlaps"}, {"S_CROSSES", "ST_Crosses"},
                {"S_CONTAINS", "ST_Contains"}, {"s_intersects", "ST_Intersects"}};
            for (String[] c : cases) {
                SqlFragment f = text(c[0] + "(geom, POLYGON((44 38, 47 38, 47 40, 44 40, 44 38)))");
                assertEquals(c[1] + "(\"t\".\"geom\", ST_GeomFromWKB(:p1, 4326))", f.sql());
                assertInstanceOf(byte[].class, f.params().get(0));
            }
        }

        @Test
        void allWktTypes() {
            for (String wkt : new String[] {"POINT(1 2)", "POINT Z(1 2 3)", "LINESTRING(0 0, 1 1)",
                "POLYGON((0 0, 1 0, 1 1, 0 0))", "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0),(2 2, 3 2, 3 3, 2 2))",
                "MULTIPOINT((0 0),(1 1))", "MULTIPOINT(0 0, 1 1)", "MULTILINESTRING((0 0, 1 1),(2 2, 3 3))",
                "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)),((5 5, 6 5, 6 6, 5 5)))",
                "GEOMETRYCOLLECTION(POINT(1 1), LINESTRING(0 0, 1 1))"}) {
                SqlFragment f = text("S_INTERSECTS(geom, " + wkt + ")");
                assertTrue(f.sql().contains("ST_GeomFromWKB(:p1, 4326)"), wkt);
            }
        }

        @Test
        void geometryCollectionIsSplitForIntersectsAndDisjoint() {
            assertEquals("(ST_Intersects(\"t\".\"geom\", ST_GeomFromWKB(:p1, 4326)) OR ST_Intersects(\"t\".\"geom\","
                + " ST_GeomFromWKB(:p2, 4326)))", text("S_INTERSECTS(geom, GEOMETRYCOLLECTION(POINT(1 1), POINT(2 2)))").sql());
            assertEquals("(ST_Disjoint(\"t\".\"geom\", ST_GeomFromWKB(:p1, 4326)) AND ST_Disjoint(\"t\".\"geom\","
                + " ST_GeomFromWKB(:p2, 4326)))", text("S_DISJOINT(geom, GEOMETRYCOLLECTION(POINT(1 1), POINT(2 2)))").sql());
            fails("S_WITHIN(geom, GEOMETRYCOLLECTION(POINT(1 1), POINT(2 2)))");
        }

        @Test
        void geoJsonLiteral() {
            SqlFragment f = json("{\"op\":\"s_within\",\"args\":[{\"property\":\"geom\"},"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[44,38],[47,38],[47,40],[44,40],[44,38]]]}]}");
            assertEquals("ST_Within(\"t\".\"geom\", ST_GeomFromWKB(:p1, 4326))", f.sql());
        }

        @Test
        void filterCrs() throws Exception {
            // EPSG:4326 is lat/lon: literals are swapped to lon/lat
            SqlFragment f = Cql2.toSql(Cql2.parseText("S_INTERSECTS(geom, POINT(38.9 46.2))", null), Q, 4326, true);
            assertEquals("POINT (46.2 38.9)", wkb(f.params().get(0)).toText());
            SqlFragment b = Cql2.toSql(Cql2.parseText("S_INTERSECTS(geom, BBOX(38, 44, 40, 47))", null), Q, 4326, true);
            assertEquals("POLYGON ((44 38, 44 40, 47 40, 47 38, 44 38))", wkb(b.params().get(0)).toText());
            SqlFragment m = Cql2.toSql(Cql2.parseText("S_INTERSECTS(geom, POINT(5000000 4000000))", null), Q, 3857, false);
            assertEquals("ST_Intersects(\"t\".\"geom\", ST_Transform(ST_GeomFromWKB(:p1, 3857), 4326))", m.sql());
        }

        @Test
        void invalidGeometries() {
            assertTrue(fails("S_INTERSECTS(geom, POLYGON((0 0, 1 0, 1 1, 0 1)))").getMessage().contains("closed"));
            assertTrue(fails("S_INTERSECTS(geom, POLYGON((0 0, 1 1, 1 0, 0 1, 0 0)))").getMessage().contains("Self"));
            fails("S_INTERSECTS(geom, LINESTRING(0 0))");
            fails("S_INTERSECTS(geom, POINT(1e999 0))");
            assertTrue(fails("S_INTERSECTS(geom, POINT(200 0))").getMessage().contains("range"));
            fails("S_INTERSECTS(geom, BBOX(0, 10, 1, 5))");
            fails("S_INTERSECTS(geom, BBOX(0, 1, 2))");
            assertTrue(fails("S_INTERSECTS(name, POINT(1 1))").getMessage().contains("needs geometries"));
        }
    }

    @Nested
    class TemporalFunctions {
        @Test
        void instantVsInterval() {
            check("T_INTERSECTS(since, INTERVAL('2020-01-01', '..'))",
                "((\"t\".\"since\" <= 'infinity'::timestamptz) AND (\"t\".\"since\" >= CAST(:p1 AS date)))",
                LocalDate.of(2020, 1, 1));
            check("T_AFTER(recorded_at, TIMESTAMP('2024-01-01T00:00:00Z'))",
                "(\"t\".\"recorded_at\" > CAST(:p1 AS timestamptz))", OffsetDateTime.parse("2024-01-01T00:00:00Z"));
            check("T_BEFORE(since, DATE('2022-01-01'))", "(\"t\".\"since\" < CAST(:p1 AS date))", LocalDate.of(2022, 1, 1));
        }

        @Test
        void aDateAgainstATimestampIsItsUtcMidnight() {
            check("recorded_at > DATE('2022-01-01')", "(\"t\".\"recorded_at\" > CAST(:p1 AS timestamptz))",
                OffsetDateTime.parse("2022-01-01T00:00:00Z"));
            check("since <= TIMESTAMP('2022-01-01T03:00:00+04:00')", "(\"t\".\"since\" <= CAST(:p1 AS timestamp))",
                java.time.LocalDateTime.parse("2021-12-31T23:00:00"));
            check("T_BEFORE(recorded_at, DATE('2022-01-01'))", "(\"t\".\"recorded_at\" < CAST(:p1 AS timestamptz))",
                OffsetDateTime.parse("2022-01-01T00:00:00Z"));
        }

        @Test
        void validTimeIntervalWithOpenEnds() {
            check("T_INTERSECTS(INTERVAL(valid_from, valid_to), DATE('2023-09-19'))",
                "((COALESCE(\"t\".\"valid_from\", '-infinity'::date) <= CAST(:p1 AS date)) AND "
                    + "(COALESCE(\"t\".\"valid_to\", 'infinity'::date) >= CAST(:p2 AS date)))",
                LocalDate.of(2023, 9, 19), LocalDate.of(2023, 9, 19));
        }

        @Test
        void allFifteenRelations() {
            String a = "INTERVAL(valid_from, valid_to)";
            String b = "INTERVAL('2020-01-01', '2021-01-01')";
            String s = "COALESCE(\"t\".\"valid_from\", '-infinity'::date)";
            String e = "COALESCE(\"t\".\"valid_to\", 'infinity'::date)";
            String bs = "CAST(? AS date)"; // each use of an end is a value of its own, named :p1, :p2, ... in order
            String be = "CAST(? AS date)";
            String[][] cases = {
                {"T_AFTER", "(" + s + " > " + be + ")"},
                {"T_BEFORE", "(" + e + " < " + bs + ")"},
                {"T_CONTAINS", "((" + s + " < " + bs + ") AND (" + e + " > " + be + "))"},
                {"T_DISJOINT", "((" + s + " > " + be + ") OR (" + e + " < " + bs + "))"},
                {"T_DURING", "((" + s + " > " + bs + ") AND (" + e + " < " + be + "))"},
                {"T_EQUALS", "((" + s + " = " + bs + ") AND (" + e + " = " + be + "))"},
                {"T_FINISHEDBY", "((" + s + " < " + bs + ") AND (" + e + " = " + be + "))"},
                {"T_FINISHES", "((" + s + " > " + bs + ") AND (" + e + " = " + be + "))"},
                {"T_INTERSECTS", "((" + s + " <= " + be + ") AND (" + e + " >= " + bs + "))"},
                {"T_MEETS", "(" + e + " = " + bs + ")"},
                {"T_METBY", "(" + s + " = " + be + ")"},
                {"T_OVERLAPPEDBY", "((" + s + " > " + bs + ") AND (" + s + " < " + be + ") AND (" + e + " > " + be + "))"},
                {"T_OVERLAPS", "((" + s + " < " + bs + ") AND (" + e + " > " + bs + ") AND (" + e + " < " + be + "))"},
                {"T_STARTEDBY", "((" + s + " = " + bs + ") AND (" + e + " > " + be + "))"},
                {"T_STARTS", "((" + s + " = " + bs + ") AND (" + e + " < " + be + "))"}};
            assertEquals(15, cases.length);
            for (String[] c : cases) {
                SqlFragment f = text(c[0] + "(" + a + ", " + b + ")");
                assertEquals(namedInOrder(c[1]), f.sql(), c[0]);
                for (Object p : f.params()) {
                    assertInstanceOf(LocalDate.class, p);
                }
            }
        }

        @Test
        void invalidTemporalInput() {
            assertTrue(fails("T_AFTER(since, DATE('2021-02-30'))").getMessage().contains("invalid date"));
            fails("T_AFTER(since, TIMESTAMP('2021-02-01'))");
            fails("T_AFTER(since, DATE('0000-01-01'))");
            fails("T_AFTER(name, DATE('2021-01-01'))");
            fails("T_AFTER(since, INTERVAL('x', '..'))");
            fails("since = INTERVAL('2020-01-01', '..')");
        }
    }

    @Nested
    class ArrayFunctions {
        @Test
        void operators() {
            SqlFragment f = text("A_CONTAINS(sources, ('osm', 'un-cartographic'))");
            assertEquals("(\"t\".\"sources\" @> CAST(:p1 AS text[]))", f.sql());
            assertArrayEquals(new String[] {"osm", "un-cartographic"}, (String[]) f.params().get(0));
            // equality of sets: containment both ways (CQL2 /req/array-functions/array-predicates)
            assertEquals("(\"t\".\"sources\" @> CAST(:p1 AS text[]) AND \"t\".\"sources\" <@ CAST(:p2 AS text[]))",
                    text("A_EQUALS(sources, ('a'))").sql());
            assertEquals("(\"t\".\"sources\" <@ CAST(:p1 AS text[]))", text("A_CONTAINEDBY(sources, ('a','b'))").sql());
            assertEquals("(\"t\".\"states\" && CAST(:p1 AS text[]))", text("a_overlaps(states, ('ARM', 'AZE'))").sql());
            assertEquals("(\"t\".\"sources\" && \"t\".\"states\")", text("A_OVERLAPS(sources, states)").sql());
            assertArrayEquals(new String[0], (String[]) text("A_EQUALS(sources, ())").params().get(0));
        }

        @Test
        void typeErrors() {
            assertTrue(fails("A_CONTAINS(sources, (1, 2))").getMessage().contains("only contain strings"));
            assertTrue(fails("A_CONTAINS(name, ('a'))").getMessage().contains("needs arrays"));
        }
    }

    @Nested
    class PropertyProperty {
        @Test
        void comparisons() {
            check("valid_from < valid_to", "(\"t\".\"valid_from\" < \"t\".\"valid_to\")");
            check("name = controlled_by", "(\"t\".\"name\" = \"t\".\"controlled_by\")");
            check("since <= recorded_at", "(\"t\".\"since\" <= \"t\".\"recorded_at\")");
            check("'Armenia' = controlled_by", "(:p1 = \"t\".\"controlled_by\")", "Armenia");
            fails("name = seq");
        }
    }

    @Nested
    class FunctionsAndArithmetic {
        @Test
        void distanceInMetres() {
            SqlFragment f = text("DISTANCE_M(geom, POINT(46.2 38.9)) < 5000");
            assertEquals("(ST_Distance(CAST(\"t\".\"geom\" AS geography), CAST(ST_GeomFromWKB(:p1, 4326) AS geography))"
                + " < :p2)", f.sql());
            assertEquals(5000L, f.params().get(1));
            assertEquals(text("distance_m(geom, POINT(46.2 38.9)) < 5000").sql(), f.sql());
            assertEquals("(\"t\".\"cited_area_km2\" > (ST_Area(CAST(\"t\".\"geom\" AS geography)) / 1000000.0))",
                text("cited_area_km2 > AREA_KM2(geom)").sql());
        }

        @Test
        void functionErrors() {
            assertTrue(fails("FOO(geom) > 1").getMessage().contains("unknown function 'FOO'; available functions: "
                + "DISTANCE_M"));
            assertTrue(fails("DISTANCE_M(geom) > 1").getMessage().contains("needs 2 arguments"));
            assertTrue(fails("DISTANCE_M(geom, 'x') > 1").getMessage().contains("needs geometries"));
            assertEquals(6, Cql2.functions().size());
        }

        @Test
        void precedence() {
            check("length_km + 2 * 3 > 10",
                "((CAST(\"t\".\"length_km\" AS numeric) + CAST((CAST(:p1 AS numeric) * CAST(:p2 AS numeric)) AS numeric))"
                    + " > :p3)", 2L, 3L, 10L);
            check("(length_km + 2) * 3 > 10",
                "((CAST((CAST(\"t\".\"length_km\" AS numeric) + CAST(:p1 AS numeric)) AS numeric) * CAST(:p2 AS numeric))"
                    + " > :p3)", 2L, 3L, 10L);
            check("length_km - 1 - 2 > 0",
                "((CAST((CAST(\"t\".\"length_km\" AS numeric) - CAST(:p1 AS numeric)) AS numeric) - CAST(:p2 AS numeric))"
                    + " > :p3)", 1L, 2L, 0L);
        }

        @Test
        void divisionIsNullSafe() {
            check("length_km / seq > 1",
                "((CAST(\"t\".\"length_km\" AS numeric) / NULLIF(CAST(\"t\".\"seq\" AS numeric), 0)) > :p1)", 1L);
            check("seq % 2 = 0", "(mod(CAST(\"t\".\"seq\" AS numeric), NULLIF(CAST(:p1 AS numeric), 0)) = :p2)", 2L, 0L);
            check("seq div 2 = 1", "(div(CAST(\"t\".\"seq\" AS numeric), NULLIF(CAST(:p1 AS numeric), 0)) = :p2)", 2L, 1L);
            check("seq ^ 2 = 4", "(power(CAST(\"t\".\"seq\" AS numeric), CAST(:p1 AS numeric)) = :p2)", 2L, 4L);
            check("-seq < 0", "((-CAST(\"t\".\"seq\" AS numeric)) < :p1)", 0L);
        }

        @Test
        void arithmeticLimits() {
            fails("seq ^ 100 > 1");
            fails("seq ^ seq > 1");
            fails("seq ^ 2.5 > 1");
            fails("name + 1 > 1");
            fails("seq * 1e200 * 1e200 > 1");
            fails("seq > 1e301");
            fails("seq > 1e-400");
        }
    }
}
