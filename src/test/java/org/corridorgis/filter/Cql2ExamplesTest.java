package org.corridorgis.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The OGC CQL2 examples: both encodings parse and give the same tree, the same SQL and the same parameters. */
class Cql2ExamplesTest {

    static final String DIR = "/org/corridorgis/filter/examples/";
    static final String[] NAMES = {"clause6_02a", "clause6_02c", "clause6_02d", "clause6_03", "clause7_01",
        "clause7_02", "clause7_03a", "clause7_03b", "clause7_04", "clause7_05", "clause7_07", "clause7_10",
        "clause7_12", "clause7_13", "clause7_15", "clause7_16", "clause7_17", "clause7_19", "example04", "example08",
        "example16", "example22", "example25", "example28", "example37", "example45", "example47", "example48",
        "example50", "example51", "example52", "example53", "example54", "example55", "example56", "example57",
        "example58", "example59", "example60", "example61", "example62", "example63", "example64", "example65",
        "example66", "example67", "example68", "example69", "example70", "example71", "example72", "example73",
        "example74", "example75"};

    static Stream<String> examples() {
        return Arrays.stream(NAMES);
    }

    static String read(String name) {
        try (InputStream in = Cql2ExamplesTest.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parameters with arrays turned into lists, so that they compare by value. */
    static List<Object> comparable(List<Object> params) {
        List<Object> out = new ArrayList<>();
        for (Object p : params) {
            if (p instanceof byte[] b) {
                out.add("WKB:" + Arrays.toString(b));
            } else if (p instanceof Object[] a) {
                out.add(Arrays.asList(a));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("examples")
    void textAndJsonGiveTheSameTreeAndSql(String name) {
        Expression text = Cql2.parseText(read(name + ".txt"), FilterLimits.DEFAULT);
        Expression json = Cql2.parseJson(read(name + ".json"), FilterLimits.DEFAULT);
        assertEquals(text, json, name + ": the text and JSON forms give different trees");

        TestQueryables q = TestQueryables.standard();
        SqlFragment a = Cql2.toSql(text, q, 4326, false);
        SqlFragment b = Cql2.toSql(json, q, 4326, false);
        assertEquals(a.sql(), b.sql(), name);
        assertEquals(comparable(a.params()), comparable(b.params()), name);
        assertEquals(Cql2FuzzTest.placesInOrder(a.params().size()), Cql2FuzzTest.placeholders(a.sql()), name + ": placeholders");
        assertFalse(a.sql().contains("'Toronto'") || a.sql().contains("Smith"), name);
    }

    @Test
    void exampleCountIsRepresentative() {
        assertTrue(NAMES.length >= 50);
    }
}
