package org.corridorgis.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Turns the source ids of the features an analysis used into citations (id, title, publisher). */
@Component
class Sources {

    private final JdbcClient jdbc;

    Sources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Map<String, Object>> cite(Collection<String> ids) {
        String[] sorted = new TreeSet<>(ids).toArray(String[]::new);
        List<Map<String, Object>> out = new ArrayList<>();
        jdbc.sql("select id, title, publisher, reference from corridor.sources where id = any(:ids) order by id")
                .param("ids", sorted)
                .query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getString("id"));
                    m.put("title", rs.getString("title"));
                    m.put("publisher", rs.getString("publisher"));
                    m.put("reference", rs.getString("reference"));
                    return m;
                }).list().forEach(out::add);
        return out;
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
}
