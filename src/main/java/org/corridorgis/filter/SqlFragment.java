package org.corridorgis.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A piece of SQL and the values of its parameters, which travel together so that they can never drift apart: the
 * filter translation composes its conditions from these, a translated filter is one, and an items statement is
 * built of them. The SQL text has named placeholders only. A piece is written with names of its own ({@code
 * :scenario}); composed into a statement, every value gets the name of its place, {@code :p1}, {@code :p2}, ... in
 * order of first appearance, so the same shape of statement always has the same text (the driver and the server
 * reuse its plan) and two pieces can never bind each other's values.
 *
 * <p>Parameter types: String, Long/BigDecimal, Boolean, java.time.LocalDate, java.time.LocalDateTime,
 * java.time.OffsetDateTime, byte[] (WKB), String[] (text arrays); never a collection, which Spring would expand.
 *
 * @param texts  the fixed SQL around the placeholders: one more than {@code slots}
 * @param slots  for each placeholder in the text, the index of its value in {@code params}
 * @param params the values, in the order of the names {@code p1}, {@code p2}, ...
 */
public record SqlFragment(List<String> texts, List<Integer> slots, List<Object> params) {

    /** The prefix of the names a composed statement gives its values. */
    static final String NAME_PREFIX = "p";

    public SqlFragment {
        texts = List.copyOf(texts);
        slots = List.copyOf(slots);
        params = Collections.unmodifiableList(new ArrayList<>(params));
        if (texts.size() != slots.size() + 1) {
            throw new IllegalArgumentException("texts must surround the placeholders");
        }
    }

    /** Fixed SQL text without parameters. */
    public static SqlFragment text(String sql) {
        return of(sql);
    }

    /** One placeholder and its value. */
    public static SqlFragment value(Object value) {
        return new SqlFragment(List.of("", ""), List.of(0), Collections.singletonList(value));
    }

    /**
     * SQL with named placeholders and their values, given as name, value, name, value, ... A name may appear more
     * than once in the text (one value for all); every name used must be given and every name given used.
     */
    public static SqlFragment of(String sql, Object... namesAndValues) {
        if (namesAndValues.length == 0 && sql.indexOf(':') < 0 && sql.indexOf('?') < 0) {
            // most pieces of a statement are fixed text: nothing a scan could find in it
            return new SqlFragment(List.of(sql), List.of(), List.of());
        }
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String name) || index.put(name, values.size()) != null) {
                throw new IllegalArgumentException("parameter names must be distinct strings");
            }
            values.add(namesAndValues[i + 1]);
        }
        List<String> texts = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        List<Boolean> used = new ArrayList<>(Collections.nCopies(values.size(), false));
        int from = 0;
        for (int[] p : NamedPlaceholders.find(sql)) {
            String name = sql.substring(p[0] + 1, p[1]);
            Integer slot = index.get(name);
            if (slot == null) {
                throw new IllegalArgumentException("no value for :" + name + " in " + sql);
            }
            texts.add(sql.substring(from, p[0]));
            slots.add(slot);
            used.set(slot, true);
            from = p[1];
        }
        texts.add(sql.substring(from));
        if (used.contains(false)) {
            throw new IllegalArgumentException("a value not named in " + sql);
        }
        return new SqlFragment(texts, slots, values);
    }

    /** Concatenates Strings (fixed SQL text) and fragments. */
    public static SqlFragment cat(Object... parts) {
        List<String> texts = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Object part : parts) {
            SqlFragment f = part instanceof SqlFragment fragment ? fragment : text((String) part);
            int offset = values.size();
            current.append(f.texts.get(0));
            for (int i = 0; i < f.slots.size(); i++) {
                texts.add(current.toString());
                current.setLength(0);
                slots.add(offset + f.slots.get(i));
                current.append(f.texts.get(i + 1));
            }
            values.addAll(f.params);
        }
        texts.add(current.toString());
        return new SqlFragment(texts, slots, values);
    }

    /** The fragments with the separator between them. */
    public static SqlFragment join(String separator, List<SqlFragment> fs) {
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < fs.size(); i++) {
            if (i > 0) {
                parts.add(separator);
            }
            parts.add(fs.get(i));
        }
        return cat(parts.toArray());
    }

    public boolean isEmpty() {
        return slots.isEmpty() && texts.get(0).isEmpty();
    }

    /** The SQL text, each value's placeholder named after its place: {@code :p1}, {@code :p2}, ... */
    public String sql() {
        StringBuilder sb = new StringBuilder(texts.get(0));
        for (int i = 0; i < slots.size(); i++) {
            sb.append(':').append(NAME_PREFIX).append(slots.get(i) + 1).append(texts.get(i + 1));
        }
        return sb.toString();
    }

    /** The values by the names {@link #sql()} gives them, to bind with {@code JdbcClient.params(Map)}. */
    public Map<String, Object> paramMap() {
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            named.put(NAME_PREFIX + (i + 1), params.get(i));
        }
        return named;
    }

    @Override
    public String toString() {
        return sql() + " " + params;
    }
}
