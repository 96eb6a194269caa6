package org.corridorgis.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * JSON objects written in code, whose members keep the order they are written in. {@code Map.of} iterates in an
 * order Java draws anew at every start of the JVM, so two instances of the service (or one before and after a
 * restart) would write one answer with its members in different orders: the same JSON, but not the same bytes,
 * which defeats byte-wise caches and comparisons of instances behind one load balancer.
 */
public final class JsonObjects {

    private JsonObjects() {
    }

    /**
     * An unmodifiable object of the given members, in this order: name, value, name, value, ... Like
     * {@code Map.of}, it refuses null values and a name given twice.
     */
    public static Map<String, Object> object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs; got " + namesAndValues.length + " items");
        }
        Map<String, Object> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) Objects.requireNonNull(namesAndValues[i], "member name");
            Object value = Objects.requireNonNull(namesAndValues[i + 1], () -> "value of " + name);
            if (members.put(name, value) != null) {
                throw new IllegalArgumentException("member " + name + " is given twice");
            }
        }
        return Collections.unmodifiableMap(members);
    }
}
