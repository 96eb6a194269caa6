package org.corridorgis.filter;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A resolver for tests: each property gets an opaque column name "t"."cN", so user text never matches SQL. */
final class TestQueryables implements QueryableResolver {

    private final Map<String, Queryable> byName = new LinkedHashMap<>();

    TestQueryables add(String name, QueryableType type) {
        byName.put(name, new Queryable(name, "\"t\".\"c" + byName.size() + "\"", type));
        return this;
    }

    TestQueryables add(String name, String sql, QueryableType type) {
        byName.put(name, new Queryable(name, sql, type));
        return this;
    }

    @Override
    public Optional<Queryable> resolve(String propertyName) {
        return Optional.ofNullable(byName.get(propertyName));
    }

    @Override
    public Collection<String> queryableNames() {
        return byName.keySet();
    }

    String sql(String name) {
        return byName.get(name).sqlExpression();
    }

    /** The properties used by the OGC examples and our own tests. */
    static TestQueryables standard() {
        TestQueryables q = new TestQueryables();
        for (String s : new String[] {"city", "cityName", "name", "road_class", "etat_vol", "beamMode",
            "swathDirection", "polarization", "material", "geophys:SURVEY_NAME", "status"}) {
            q.add(s, QueryableType.STRING);
        }
        for (String s : new String[] {"depth", "balance", "vehicle_height", "bridge_clearance", "eo:cloud_cover",
            "value", "cited_area_km2"}) {
            q.add(s, QueryableType.NUMBER);
        }
        for (String s : new String[] {"category", "landsat:wrs_row", "landsat:wrs_path", "floors"}) {
            q.add(s, QueryableType.INTEGER);
        }
        q.add("swimming_pool", QueryableType.BOOLEAN).add("agreed", QueryableType.BOOLEAN);
        for (String s : new String[] {"updated", "starts_at", "ends_at", "valid_from", "valid_to", "since"}) {
            q.add(s, QueryableType.DATE);
        }
        for (String s : new String[] {"event_time", "touchdown", "liftOff", "recorded_at"}) {
            q.add(s, QueryableType.TIMESTAMP);
        }
        for (String s : new String[] {"geometry", "road", "footprint", "geom"}) {
            q.add(s, QueryableType.GEOMETRY);
        }
        q.add("layer:ids", QueryableType.STRING_ARRAY).add("sources", QueryableType.STRING_ARRAY);
        q.add("assignments", QueryableType.JSON);
        return q;
    }
}
