package org.corridorgis.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Syntax errors point at the position and say what was expected; limits are enforced. */
class Cql2ErrorsTest {

    static FilterException text(String filter) {
        return text(filter, FilterLimits.DEFAULT);
    }

    static FilterException text(String filter, FilterLimits limits) {
        return assertThrows(FilterException.class,
            () -> Cql2.toSql(Cql2.parseText(filter, limits), TestQueryables.standard(), 4326, false), filter);
    }

    static FilterException json(String filter) {
        return json(filter, FilterLimits.DEFAULT);
    }

    static FilterException json(String filter, FilterLimits limits) {
        return assertThrows(FilterException.class,
            () -> Cql2.toSql(Cql2.parseJson(filter, limits), TestQueryables.standard(), 4326, false), filter);
    }

    @Test
    void missingClosingParenthesis() {
        FilterException e = text("city = 'a' AND (floors = 1 name = 'x')");
        assertEquals(27, e.position());
        assertEquals("at position 27: expected ')' but found 'name'", e.getMessage());
        e = text("city = 'a' AND (floors = 1");
        assertEquals(26, e.position());
        assertEquals("at position 26: expected ')' but found end of input", e.getMessage());
    }

    @Test
    void whatWasExpected() {
        assertEquals("at position 15: expected a property, a literal, a function or '(' but found keyword 'AND'",
            text("city = 'a' AND AND floors = 1").getMessage());
        assertEquals("at position 11: expected AND, OR or end of input but found 'floors'",
            text("city = 'a' floors = 1").getMessage());
        assertEquals("at position 16: expected AND but found 'OR'", text("depth BETWEEN 1 OR 2").getMessage());
        assertEquals("at position 7: unterminated string literal; expected a closing '", text("city = 'abc").getMessage());
        assertTrue(text("").getMessage().contains("empty"));
        assertTrue(text("   ").getMessage().contains("empty"));
        assertEquals(0, text("   ").position());
    }

    @Test
    void sqlInjectionAttemptsAreSyntaxErrors() {
        assertEquals(10, text("city = 'a'; DROP TABLE corridor.routes").position());
        assertTrue(text("city = 'a'; DROP TABLE x").getMessage().contains("unexpected character ';'"));
        text("city = 'a' -- comment");
        text("/* c */ city = 'a'");
        text("city = $$a$$");
        text("city = 'a' OR 1=1 --");
        text("city = 'a' UNION SELECT * FROM pg_user");
        text("pg_sleep(10) = 1");
        assertTrue(text("\"city\"\"; DROP TABLE x; --\" = 1").getMessage().length() > 0);
        assertTrue(text("\"x\"\" = 1\" = 'a'").getMessage().contains("expected AND, OR or end of input"));
    }

    @Test
    void numbers() {
        text("depth > 1e999");
        text("depth > 123456789012345678901234567890123456789012345678901234567890123456789");
        text("depth > NaN");
        text("depth > Infinity");
        text("depth > 0x10");
        text("depth > 1.2.3");
        json("{\"op\":\">\",\"args\":[{\"property\":\"depth\"},1e999]}");
        json("{\"op\":\">\",\"args\":[{\"property\":\"depth\"},NaN]}");
        json("{\"op\":\">\",\"args\":[{\"property\":\"depth\"},01]}");
    }

    @Test
    void limits() {
        FilterLimits small = new FilterLimits(100, 5, 10);
        assertTrue(text("city = '" + "x".repeat(200) + "'", small).getMessage().contains("too long"));
        assertTrue(text("((((((city = 'a'))))))", small).getMessage().contains("nested too deeply"));
        assertTrue(text("floors IN (1,2,3,4,5,6,7,8,9,10,11)", small).getMessage().contains("too many elements"));
        assertTrue(text("NOT NOT NOT NOT NOT NOT city = 'a'", small).getMessage().contains("nested too deeply"));
        assertTrue(json("[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]", small).getMessage().contains("nested"));
        String deepJson = "{\"op\":\"not\",\"args\":[".repeat(6) + "true" + "]}".repeat(6);
        assertTrue(json(deepJson, new FilterLimits(1000, 5, 100)).getMessage().contains("nested too deeply"));
    }

    @Test
    void hugeNestingNeverOverflowsTheStack() {
        FilterLimits big = new FilterLimits(3_000_000, FilterLimits.MAX_SUPPORTED_DEPTH, 1_000_000);
        text("(".repeat(1_000_000) + "city = 'a'" + ")".repeat(1_000_000), big);
        text("NOT ".repeat(500_000) + "city = 'a'", big);
        text("- ".repeat(500_000) + "depth > 1", big);
        text("depth ^ ".repeat(300_000) + "2 > 1", big);
        json("[".repeat(1_000_000) + "]".repeat(1_000_000), big);
        json("{\"op\":\"not\",\"args\":[".repeat(100_000) + "true" + "]}".repeat(100_000), big);
        // default limits: length first
        text("(".repeat(10_000) + "city = 'a'" + ")".repeat(10_000));
        assertThrows(IllegalArgumentException.class, () -> new FilterLimits(10, 100_000, 10));
    }

    @Test
    void jsonErrors() {
        assertEquals(10, json("{\"op\":\"=\" \"args\":[]}").position());
        assertTrue(json("{\"op\":\"=\",\"args\":[{\"property\":\"city\"}]}").getMessage().contains("needs 2 arguments"));
        assertTrue(json("{\"op\":\"=\",\"args\":[{\"property\":\"city\"},null]}").getMessage().contains("null"));
        assertTrue(json("{\"op\":\"=\",\"op\":\"<\",\"args\":[1,1]}").getMessage().contains("duplicate"));
        assertTrue(json("{\"op\":\"=\",\"args\":[{\"property\":\"city\"},\"a\"],\"x\":1}").getMessage()
            .contains("unexpected member"));
        assertTrue(json("{\"prop\":\"city\"}").getMessage().contains("expected an object with"));
        assertTrue(json("{\"op\":\"nosuch\",\"args\":[1]}").getMessage().contains("unknown function"));
        assertTrue(json("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Point\","
            + "\"coordinates\":[1]}]}").getMessage().contains("position"));
        assertTrue(json("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Polygon\","
            + "\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}]}").getMessage().contains("closed"));
        assertTrue(json("{\"op\":\"t_after\",\"args\":[{\"property\":\"updated\"},{\"date\":\"2021-13-01\"}]}")
            .getMessage().contains("invalid date"));
        json("{\"op\":\"=\",\"args\":[{\"property\":\"city\"},\"a\u0000b\"]}");
        json("{\"op\":\"=\",\"args\":[{\"property\":\"city\"},\"a\\u0000b\"]}");
        json("{\"op\":\"=\",\"args\":[{\"property\":\"city\"},\"\\ud800\"]}");
        json("{\"op\":\"=\"");
        json("");
        json("{} {}");
    }

    @Test
    void nulCharacterInTextIsRejected() {
        text("city = 'a\u0000b'");
    }
}
