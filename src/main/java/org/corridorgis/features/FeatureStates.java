package org.corridorgis.features;

import java.time.OffsetDateTime;

import org.corridorgis.catalog.Collection;
import org.corridorgis.web.DataVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The data version and one feature's recorded state, read in one statement before the feature itself: the
 * ETag of a single feature names both (see {@link DataVersion#tagFeature}). Read first, so that the state an
 * ETag names is never newer than the body it comes with, and a write based on that body cannot pass its
 * {@code If-Match} after someone else's change.
 */
@Component
class FeatureStates {

    private final JdbcClient jdbc;

    FeatureStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param state null when the feature does not exist (or its collection records no versions) */
    record Tag(DataVersion.Snapshot version, String state) {
    }

    Tag current(Collection c, String featureId) {
        if (c.property("recorded_at").isEmpty()) {
            return jdbc.sql(DataVersion.CURRENT_SQL)
                    .query((rs, n) -> new Tag(new DataVersion.Snapshot(rs.getLong("v"), rs.getObject("at", OffsetDateTime.class)), null))
                    .single();
        }
        return jdbc.sql("select x.v, x.at, (select t.\"recorded_at\" from " + c.sqlTable() + " t where t.\"id\" = :id) as recorded_at"
                        + " from (" + DataVersion.CURRENT_SQL + ") x")
                .param("id", featureId)
                .query((rs, n) -> {
                    OffsetDateTime recorded = rs.getObject("recorded_at", OffsetDateTime.class);
                    return new Tag(new DataVersion.Snapshot(rs.getLong("v"), rs.getObject("at", OffsetDateTime.class)),
                            recorded == null ? null : DataVersion.featureState(c.id(), featureId, recorded));
                })
                .single();
    }
}
