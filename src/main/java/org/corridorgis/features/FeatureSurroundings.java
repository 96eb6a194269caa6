package org.corridorgis.features;

import java.util.List;

import org.corridorgis.catalog.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The country outlines around a feature, for the map on its HTML page: without them a checkpoint is a dot in an
 * empty box. Cut to the feature's box widened by {@link #MARGIN_DEGREES} and simplified, by PostGIS, in CRS84.
 */
@Component
class FeatureSurroundings {

    static final double MARGIN_DEGREES = 0.6;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FeatureSurroundings(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The countries' outlines near the feature {@code id} of a collection with geometry; empty without one. */
    List<JsonNode> around(Collection c, String id) {
        if (!c.spatial()) {
            return List.of();
        }
        // the table name comes from the catalogue, the id is a bind parameter
        return jdbc.sql("""
                with f as (select ST_Expand(ST_Envelope(geom), :margin) as box from %s where id = :id and geom is not null limit 1)
                select ST_AsGeoJSON(ST_Intersection(ST_SimplifyPreserveTopology(co.geom, 0.003), f.box), 4)
                  from f join corridor.countries co on co.geom && f.box and ST_Intersects(co.geom, f.box)
                 order by co.id""".formatted(c.sqlTable()))
                .param("margin", MARGIN_DEGREES).param("id", id)
                .query((rs, n) -> json.readTree(rs.getString(1))).list();
    }
}
