package org.corridorgis.ingest;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.corridorgis.ingest.TargetTable.Column;
import org.corridorgis.ingest.TargetTable.Kind;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One feature turned into bind values for {@link TargetTable#upsertSql()}: checked against the table's columns
 * (unknown property, missing required value, wrong type are errors) and converted by each column's type.
 *
 * @param index    position in the file (0-based)
 * @param id       feature id
 * @param geometry the geometry as GeoJSON text (without any "crs" member), or null
 * @param values   per property column, in {@link TargetTable#propertyColumns()} order: the bind value, or
 *                 {@link #ABSENT} when the file does not set it (the column default applies)
 */
record FeatureRow(int index, String id, String geometry, Object[] values) {

    static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "ABSENT";
        }
    };

    static FeatureRow from(String file, TargetTable table, List<Column> columns, int index, JsonNode feature) {
        String where = "feature #" + (index + 1);
        if (!feature.isObject()) {
            throw new GeodataException(file, null, where + " is not a JSON object");
        }
        if (!"Feature".equals(feature.path("type").asString(""))) {
            throw new GeodataException(file, idOrNull(feature), where + " is not a GeoJSON Feature (\"type\" must be \"Feature\")");
        }
        String id = idOrNull(feature);
        if (id == null) {
            throw new GeodataException(file, null, where + " has no id (every feature needs a stable \"id\")");
        }
        GeoJsonReader.checkCrs(file, id, feature.get("crs"));

        String geometry = geometry(file, table, id, feature.get("geometry"));

        JsonNode props = feature.get("properties");
        if (props != null && !props.isNull() && !props.isObject()) {
            throw new GeodataException(file, id, "\"properties\" is not an object");
        }
        Map<String, Column> known = table.properties();
        if (props != null && props.isObject()) {
            for (Map.Entry<String, JsonNode> e : props.properties()) {
                String key = e.getKey();
                if (key.equals(table.id().name())) {
                    if (!e.getValue().isNull() && !id.equals(textOf(e.getValue()))) {
                        throw new GeodataException(file, id, "property \"id\" (" + e.getValue()
                                + ") differs from the feature id");
                    }
                    continue;
                }
                if (!known.containsKey(key)) {
                    throw new GeodataException(file, id, "unknown property \"" + key + "\" (" + table.collectionId()
                            + " has: " + String.join(", ", known.keySet()) + ")");
                }
            }
        }
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            JsonNode v = props == null ? null : props.get(c.name());
            if (v == null) {
                if (c.required()) {
                    throw new GeodataException(file, id, "missing required property \"" + c.name() + "\" (" + c.sqlType() + ")");
                }
                values[i] = c.defaultExpr() == null ? null : ABSENT;
            } else if (v.isNull()) {
                if (c.notNull()) {
                    throw new GeodataException(file, id, "property \"" + c.name() + "\" must not be null");
                }
                values[i] = null;
            } else {
                values[i] = convert(file, id, c.name(), c.sqlType(), c.kind(), c.elementKind(), v);
            }
        }
        return new FeatureRow(index, id, geometry, values);
    }

    private static String idOrNull(JsonNode feature) {
        JsonNode id = feature.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        String s = textOf(id);
        return s == null || s.isBlank() ? null : s;
    }

    private static String textOf(JsonNode v) {
        if (v.isString()) {
            return v.stringValue();
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        return null;
    }

    private static String geometry(String file, TargetTable table, String id, JsonNode g) {
        boolean none = g == null || g.isNull();
        if (!table.spatial()) {
            if (!none) {
                throw new GeodataException(file, id, "collection " + table.collectionId()
                        + " has no geometry: \"geometry\" must be null");
            }
            return null;
        }
        if (none) {
            if (table.geom().notNull()) {
                throw new GeodataException(file, id, "missing geometry (" + table.collectionId() + " needs a "
                        + table.geom().geometryType() + ")");
            }
            return null;
        }
        if (!g.isObject() || !g.path("type").isString()) {
            throw new GeodataException(file, id, "invalid geometry: not a GeoJSON geometry object");
        }
        GeoJsonReader.checkCrs(file, id, g.get("crs"));
        ObjectNode copy = ((ObjectNode) g).deepCopy();
        copy.remove("crs");
        return GeoJsonReader.MAPPER.writeValueAsString(copy);
    }

    private static Object convert(String file, String id, String name, String sqlType, Kind kind, Kind elementKind,
                                  JsonNode v) {
        switch (kind) {
            case TEXT -> {
                if (v.isString()) {
                    return v.stringValue();
                }
            }
            case NUMBER -> {
                if (v.isNumber()) {
                    return v.decimalValue();
                }
            }
            case INTEGER -> {
                if (v.isNumber() && v.canConvertToExactIntegral() && v.canConvertToLong()) {
                    return v.longValue();
                }
            }
            case BOOLEAN -> {
                if (v.isBoolean()) {
                    return v.booleanValue();
                }
            }
            case DATE -> {
                if (v.isString()) {
                    try {
                        return LocalDate.parse(v.stringValue());
                    } catch (DateTimeParseException e) {
                        throw new GeodataException(file, id, "property \"" + name + "\": \"" + v.stringValue()
                                + "\" is not a date (YYYY-MM-DD)");
                    }
                }
            }
            case JSON -> {
                return new JsonText(GeoJsonReader.MAPPER.writeValueAsString(v));
            }
            case ARRAY -> {
                if (v.isArray()) {
                    List<Object> elements = new ArrayList<>();
                    for (JsonNode e : v) {
                        if (e.isNull()) {
                            throw new GeodataException(file, id, "property \"" + name + "\": null inside the array");
                        }
                        elements.add(convert(file, id, name + "[" + elements.size() + "]", sqlType, elementKind, null, e));
                    }
                    return new ArrayValue(elements.toArray());
                }
            }
            case OTHER -> {
                // text form, converted by PostgreSQL's CAST to the column type (its error names the value)
                if (v.isString()) {
                    return v.stringValue();
                }
                if (v.isNumber()) {
                    return v.decimalValue();
                }
                if (v.isBoolean()) {
                    return v.booleanValue();
                }
            }
            case GEOMETRY -> {
                throw new GeodataException(file, id, "property \"" + name + "\": geometry columns other than the "
                        + "feature geometry cannot be loaded");
            }
        }
        throw new GeodataException(file, id, "property \"" + name + "\": wrong type: " + describe(v)
                + " where " + sqlType + " is expected");
    }

    private static String describe(JsonNode v) {
        String type = v.isString() ? "string" : v.isNumber() ? "number" : v.isBoolean() ? "boolean"
                : v.isArray() ? "array" : v.isObject() ? "object" : "value";
        String text = v.toString();
        return type + " " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }

    /** A JSON value bound as text and cast to json/jsonb by SQL. */
    record JsonText(String json) {
    }

    /** An SQL array value; the element type comes from the column. */
    record ArrayValue(Object[] elements) {
    }

    /** This row's values by the names of the statement made by {@link TargetTable#upsertSql()}. */
    MapSqlParameterSource params(TargetTable table, List<Column> columns) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        params.addValue("id", id);
        if (table.spatial()) {
            params.addValue("geometry", geometry);
        }
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Object v = values[i];
            if (c.defaultExpr() != null) {
                params.addValue(TargetTable.absentName(i), v == ABSENT);
                if (v == ABSENT) {
                    v = null;
                }
            }
            params.addValue(TargetTable.valueName(i), bindValue(c, v));
        }
        return params;
    }

    private static Object bindValue(Column c, Object v) {
        if (v == null) {
            return new SqlParameterValue(Types.OTHER, null);
        } else if (v instanceof String || v instanceof BigDecimal || v instanceof Long || v instanceof Boolean
                || v instanceof LocalDate) {
            return v;
        } else if (v instanceof JsonText j) {
            return j.json();
        } else if (v instanceof ArrayValue a) {
            // an array of the column's element type, made on the statement's own connection
            return (SqlTypeValue) (ps, index, sqlType, typeName) ->
                    ps.setArray(index, ps.getConnection().createArrayOf(c.elementType(), jdbcElements(a.elements())));
        } else {
            throw new IllegalStateException("cannot bind " + v.getClass());
        }
    }

    private static Object[] jdbcElements(Object[] elements) {
        Object[] out = new Object[elements.length];
        for (int i = 0; i < elements.length; i++) {
            Object e = elements[i];
            out[i] = e instanceof LocalDate d ? java.sql.Date.valueOf(d) : e instanceof JsonText j ? j.json() : e;
        }
        return out;
    }
}
