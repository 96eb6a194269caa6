package org.corridorgis.features;

import java.util.List;

/**
 * Keyset (seek) conditions over a total order of sort keys whose last key is the unique id, with nulls last
 * in both directions. {@code after} makes page N+1 from the last row of page N without counting the rows
 * before it, so a deep page costs what the first does.
 */
final class Keyset {

    private Keyset() {
    }

    /** Rows strictly after the given key values. */
    static Sql after(List<SortKey> keys, List<String> values) {
        return expand(keys, values, false);
    }

    /** Rows at or after the given key values. */
    static Sql atOrAfter(List<SortKey> keys, List<String> values) {
        return expand(keys, values, true);
    }

    /** Rows strictly before the given key values. */
    static Sql before(List<SortKey> keys, List<String> values) {
        Sql sql = new Sql().append("(");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i > 0 ? " or " : "").append("(");
            equalUpTo(sql, keys, values, i);
            sql.append(less(keys.get(i), values.get(i))).append(")");
        }
        return sql.append(")");
    }

    /** Rows at or before the given key values. */
    static Sql atOrBefore(List<SortKey> keys, List<String> values) {
        if (keys.size() == 1) { // by id alone: one range condition the primary key index answers
            return new Sql().append(column(keys.get(0)) + (keys.get(0).descending() ? " >= " : " <= ") + cast(keys.get(0)), "key", values.get(0));
        }
        Sql sql = before(keys, values);
        sql = new Sql().append("(").append(sql).append(" or (");
        equalUpTo(sql, keys, values, keys.size());
        return sql.append("true))");
    }

    static String reversedOrder(SortKey key, String alias) {
        return key.property().sqlName(alias) + (key.descending() ? " asc" : " desc") + " nulls first";
    }

    private static Sql expand(List<SortKey> keys, List<String> values, boolean inclusive) {
        if (keys.size() == 1) { // the common case, by id alone: one range condition the primary key index answers
            return new Sql().append(column(keys.get(0)) + (inclusive ? " >= " : " > ") + cast(keys.get(0)), "key", values.get(0));
        }
        Sql sql = new Sql().append("(");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i > 0 ? " or " : "").append("(");
            equalUpTo(sql, keys, values, i);
            sql.append(greater(keys.get(i), values.get(i))).append(")");
        }
        if (inclusive) {
            sql.append(" or (");
            equalUpTo(sql, keys, values, keys.size());
            sql.append("true)");
        }
        return sql.append(")");
    }

    private static void equalUpTo(Sql sql, List<SortKey> keys, List<String> values, int end) {
        for (int j = 0; j < end; j++) {
            SortKey k = keys.get(j);
            if (values.get(j) == null) {
                sql.append(column(k) + " is null and ");
            } else {
                sql.append(column(k) + " = " + cast(k) + " and ", "key", values.get(j));
            }
        }
    }

    /** Comes after the value in the key's direction; nulls come last, so everything non-null precedes a null. */
    private static Sql greater(SortKey k, String value) {
        if (value == null) {
            return new Sql().append("false");
        }
        return new Sql().append("(" + column(k) + (k.descending() ? " < " : " > ") + cast(k) + " or " + column(k) + " is null)", "key", value);
    }

    private static Sql less(SortKey k, String value) {
        if (value == null) {
            return new Sql().append(column(k) + " is not null");
        }
        return new Sql().append(column(k) + (k.descending() ? " > " : " < ") + cast(k), "key", value);
    }

    private static String column(SortKey k) {
        return k.property().sqlName(ItemsSql.ALIAS);
    }

    /** The key's value as a bind parameter ({@code :key}) of the key's type. */
    private static String cast(SortKey k) {
        return "cast(:key as " + k.property().pgType() + ")";
    }
}
