package org.corridorgis.features;

import static org.corridorgis.web.JsonObjects.object;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.corridorgis.catalog.Collection;
import org.corridorgis.catalog.Property;
import org.corridorgis.catalog.RegimeCarrier;
import org.corridorgis.filter.QueryableType;
import org.corridorgis.web.RequestUrls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The JSON Schemas of a collection (OGC API – Features Part 5): the schema of its features ({@code /schema}),
 * and the properties a filter may name ({@code /queryables}) and a client may sort by ({@code /sortables}).
 * All three are cut from one description of each property, so that a property reads the same in each.
 */
@Component
class CollectionSchemas {

    static final String JSON_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    /** Closed lists are the ones the data model closes: a CHECK constraint {@code column IN (...)}. */
    private static final String CLOSED_LISTS_SQL = """
            select pg_get_constraintdef(k.oid)
              from pg_constraint k
              join pg_class c on c.oid = k.conrelid
              join pg_namespace n on n.oid = c.relnamespace
             where k.contype = 'c' and n.nspname = :schema and c.relname = :table
             order by k.conname
            """;
    private static final Pattern IN_LIST = Pattern.compile("^CHECK \\(\\(\"?([a-z_0-9]+)\"? = ANY \\(ARRAY\\[(.*)]\\)\\)\\)$");
    private static final Pattern TEXT_LITERAL = Pattern.compile("'((?:[^']|'')*)'::text");

    /** Descriptions of the columns every collection shares; other columns are described by their comment, if any. */
    private static final Map<String, String> SHARED = Map.of(
            Collection.ID_COLUMN, "Identifier of the feature, unique in the collection",
            "sources", "Ids of the sources this feature rests on (see the sources collection)",
            "accuracy", "How the geometry was made: surveyed, approximate or schematic",
            "valid_from", "First day of the time this feature describes (null: not known)",
            "valid_to", "Last day of the time this feature describes (null: still so)",
            "recorded_at", "When this version was recorded in the database");

    private final JdbcClient jdbc;

    CollectionSchemas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The schema of the features as they are returned (Part 5 {@code /req/schemas/returnables}). */
    Map<String, Object> schema(Collection c, HttpServletRequest request) {
        Map<String, Object> properties = described(c);
        if (c.regimesOnFeaturePages() && c.regimes() == RegimeCarrier.ROUTE) {
            properties.put("regimes_at", regimesAt());
            properties.put("checkpoint_details", extra("checkpoint_details",
                    "Checkpoints along the route, in order, with the controls met there under each scenario"));
            properties.put("scenario_regimes", extra("scenario_regimes",
                    "The route's control regime under each scenario (or the one named by scenario=)"));
        } else if (c.regimesOnFeaturePages()) {
            properties.put("regimes_at", regimesAt());
            properties.put("scenario_regimes", extra("scenario_regimes",
                    "The controls at the checkpoint under each scenario (or the one named by scenario=)"));
        }
        Map<String, Object> schema = envelope(c, request, "schema", c.title() + ": features");
        schema.put("properties", properties);
        return schema;
    }

    /**
     * The same properties as the GeoJSON features carry them: a Feature whose {@code properties} member holds them
     * (the geometry and id are members of their own). Clients that read a JSON Schema of the encoding rather
     * than Part 5's logical schema take their field types from this one (GDAL's OAPIF driver does).
     */
    Map<String, Object> geoJsonFeatureSchema(Collection c, HttpServletRequest request) {
        Map<String, Object> logical = schema(c, request);
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) logical.get("properties"));
        properties.remove(Collection.ID_COLUMN);
        c.properties().stream().filter(p -> p.type() == QueryableType.GEOMETRY).forEach(p -> properties.remove(p.name()));
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", object("type", "string", "enum", List.of("Feature")));
        members.put("id", Map.of("type", "string"));
        Map<String, Object> geometry = new LinkedHashMap<>();
        geometry.put("description", c.spatial() ? "GeoJSON " + c.geometryType() + " (null where the location is not known)" : "always null");
        members.put("geometry", geometry);
        members.put("properties", object("type", "object", "properties", properties));
        Map<String, Object> schema = envelope(c, request, "feature-schema", c.title() + ": GeoJSON features");
        schema.put("required", List.of("type", "geometry", "properties"));
        schema.put("properties", members);
        return schema;
    }

    /** Every property a filter may name, as in the schema. */
    Map<String, Object> queryables(Collection c, HttpServletRequest request) {
        Map<String, Object> schema = envelope(c, request, "queryables", c.title());
        schema.put("properties", described(c));
        schema.put("additionalProperties", false);
        return schema;
    }

    /** The properties {@code sortby} accepts, as in the schema. */
    Map<String, Object> sortables(Collection c, HttpServletRequest request) {
        Map<String, Object> all = described(c);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(Collection.ID_COLUMN, all.get(Collection.ID_COLUMN));
        for (Property p : c.properties()) {
            if (p.sortable()) {
                properties.put(p.name(), all.get(p.name()));
            }
        }
        Map<String, Object> schema = envelope(c, request, "sortables", c.title() + ": sort keys");
        schema.put("properties", properties);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static Map<String, Object> envelope(Collection c, HttpServletRequest request, String resource, String title) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", JSON_SCHEMA);
        schema.put("$id", RequestUrls.href(request, "/collections/" + RequestUrls.encode(c.id()) + "/" + resource, Map.of()));
        schema.put("type", "object");
        schema.put("title", title);
        return schema;
    }

    /** The id and every column, each with its type, title, description, role and closed list of values. */
    private Map<String, Object> described(Collection c) {
        Map<String, List<String>> closed = closedLists(c);
        Map<String, String> comments = columnComments(c);
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("title", Collection.ID_COLUMN);
        id.put("description", SHARED.get(Collection.ID_COLUMN));
        id.put("type", "string");
        id.put("x-ogc-role", "id");
        properties.put(Collection.ID_COLUMN, id);
        for (Property p : c.properties()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("title", p.name());
            String description = comments.getOrDefault(p.name(), SHARED.get(p.name()));
            if (description != null) {
                s.put("description", description);
            }
            if (p.type() == QueryableType.GEOMETRY) {
                s.put("format", "geometry-" + c.geometryType().toLowerCase());
                s.put("x-ogc-role", "primary-geometry");
            } else {
                s.put("type", p.jsonSchemaType());
                if (p.jsonSchemaFormat() != null) {
                    s.put("format", p.jsonSchemaFormat());
                }
                if (p.type() == QueryableType.STRING_ARRAY) {
                    s.put("items", Map.of("type", "string"));
                }
                if (closed.containsKey(p.name())) {
                    s.put("enum", closed.get(p.name()));
                }
            }
            // The time a feature describes is an interval; datetime= selects by it.
            if (c.temporal() && p.name().equals("valid_from")) {
                s.put("x-ogc-role", "primary-interval-start");
            } else if (c.temporal() && p.name().equals("valid_to")) {
                s.put("x-ogc-role", "primary-interval-end");
            }
            properties.put(p.name(), s);
        }
        return properties;
    }

    private Map<String, List<String>> closedLists(Collection c) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (String definition : jdbc.sql(CLOSED_LISTS_SQL).param("schema", Collection.SCHEMA).param("table", c.table()).query(String.class).list()) {
            Matcher m = IN_LIST.matcher(definition);
            if (!m.matches()) {
                continue;
            }
            List<String> values = new ArrayList<>();
            Matcher v = TEXT_LITERAL.matcher(m.group(2));
            while (v.find()) {
                values.add(v.group(1).replace("''", "'"));
            }
            if (!values.isEmpty()) {
                lists.put(m.group(1), values);
            }
        }
        return lists;
    }

    /** The columns' comments, as the catalogue read them. */
    private static Map<String, String> columnComments(Collection c) {
        Map<String, String> comments = new LinkedHashMap<>();
        java.util.stream.Stream.concat(java.util.stream.Stream.ofNullable(c.idProperty()), c.properties().stream())
                .filter(p -> p.column().comment() != null)
                .forEach(p -> comments.put(p.name(), p.column().comment()));
        return comments;
    }

    /** A property computed at request time (see FeatureExtras): returned, never stored, so read-only. */
    private static Map<String, Object> regimesAt() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", "regimes_at");
        s.put("description", "The day whose control regimes the feature carries (datetime=, its last day for an interval; default today)");
        s.put("type", "string");
        s.put("format", "date");
        s.put("readOnly", true);
        return s;
    }

    private static Map<String, Object> extra(String title, String description) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", title);
        s.put("description", description);
        s.put("type", "array");
        s.put("items", Map.of("type", "object"));
        s.put("readOnly", true);
        return s;
    }
}
