package org.corridorgis.catalog;

/** Quoting of identifiers that came from the catalogue (never from a request). */
public final class SqlIdentifiers {

    private SqlIdentifiers() {
    }

    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    public static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }
}
