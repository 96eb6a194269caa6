package org.corridorgis.analysis;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the values of an analysis's rows: text arrays, rounded and nullable numbers, nullable booleans, from a
 * result set or from the JSON rows an analysis statement aggregates.
 */
final class Sources {

    private Sources() {
    }

    static List<String> array(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Array a = rs.getArray(column);
        if (a == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) a.getArray()) {
            out.add(o == null ? null : o.toString());
        }
        return out;
    }

    static Double round(Double v, int digits) {
        if (v == null) {
            return null;
        }
        return java.math.BigDecimal.valueOf(v).setScale(digits, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    static Double dbl(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Boolean bool(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The rows of one JSON array column (none when it is null: no rows). */
    static Iterable<JsonNode> rows(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        String json = rs.getString(column);
        return json == null ? List.of() : JSON.readTree(json);
    }

    static String text(JsonNode row, String field) {
        JsonNode v = row.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    static Double number(JsonNode row, String field) {
        JsonNode v = row.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    static Boolean bool(JsonNode row, String field) {
        JsonNode v = row.get(field);
        return v == null || v.isNull() ? null : v.asBoolean();
    }

    static List<String> texts(JsonNode row, String field) {
        JsonNode v = row.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        v.forEach(e -> out.add(e.isNull() ? null : e.asString()));
        return out;
    }
}
