package org.corridorgis.features;

import java.util.ArrayList;
import java.util.List;

import org.corridorgis.catalog.Collection;
import org.corridorgis.catalog.Property;
import org.corridorgis.catalog.SqlIdentifiers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every recorded version of one feature: the current row and the versions the history trigger kept when it
 * was changed or removed, oldest first, each with the time it was recorded ({@code recorded_at}) and, for a
 * superseded version, the time it was replaced ({@code recorded_to}). Nothing is ever lost, and this is where
 * an analyst sees it.
 */
@Component
class FeatureHistory {

    private final JdbcClient jdbc;
    private final FeatureExtras extras;

    FeatureHistory(JdbcClient jdbc, FeatureExtras extras) {
        this.jdbc = jdbc;
        this.extras = extras;
    }

    /**
     * The versions as GeoJSON features, oldest first; empty when the id was never recorded. Each carries who made
     * it and why ({@code recorded_by}, {@code change_reason}, from the change log; null for versions loaded from
     * the seed data). With {@code asOf}, only the version the database held at that time (none if the feature
     * was not recorded then): the record's clock, not the time the feature describes.
     */
    List<String> versions(ItemsQuery query, String featureId, java.time.OffsetDateTime asOf) {
        Collection c = query.collection();
        List<String> columns = new ArrayList<>();
        columns.add(SqlIdentifiers.quote(Collection.ID_COLUMN));
        for (Property p : c.properties()) {
            columns.add(p.sqlName());
        }
        String list = String.join(", ", columns);
        Sql feature = new ItemsSql(query, extras).featureJson();
        String a = ItemsSql.ALIAS;
        Sql sql = new Sql().append("select jsonb_set(jsonb_set(jsonb_set((").append(feature)
                .append(")::jsonb, '{properties,recorded_to}', coalesce(to_jsonb(" + a + ".recorded_to), 'null'::jsonb)),"
                        + " '{properties,recorded_by}', coalesce(to_jsonb(w.author), 'null'::jsonb)),"
                        + " '{properties,change_reason}', coalesce(to_jsonb(w.reason), 'null'::jsonb))::text"
                        + " from (select " + list + ", null::timestamptz as recorded_to from " + c.sqlTable() + " where \"id\" = :id"
                        + " union all select " + list + ", recorded_to from " + c.sqlHistoryTable() + " where \"id\" = :id) " + a
                        + " left join lateral (select l.author, l.reason from corridor.change_log l where l.collection = :collection"
                        + " and l.feature_id = " + a + ".\"id\" and l.recorded_at = " + a + ".\"recorded_at\" and l.operation <> 'delete'"
                        + " order by l.id desc limit 1) w on true",
                        "id", featureId, "collection", c.id());
        if (asOf != null) {
            sql.append(" where " + a + ".\"recorded_at\" <= :as_of and (" + a + ".recorded_to is null or " + a + ".recorded_to > :as_of)",
                    "as_of", asOf);
        }
        sql.append(" order by " + a + ".\"recorded_at\", " + a + ".recorded_to nulls last");
        return jdbc.sql(sql.text()).params(sql.params()).query(String.class).list();
    }
}
