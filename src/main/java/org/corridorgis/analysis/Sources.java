package org.corridorgis.analysis;

import java.util.ArrayList;
import java.util.List;

/** Reading the values of an analysis's rows: text arrays, rounded and nullable numbers, nullable booleans. */
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
}
