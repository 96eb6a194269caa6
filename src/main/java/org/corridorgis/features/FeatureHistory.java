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

    /** The versions as GeoJSON features, oldest first; empty when the id was never recorded. */
    List<String> versions(ItemsQuery query, String featureId) {
        Collection c = query.collection();
        List<String> columns = new ArrayList<>();
        columns.add(SqlIdentifiers.quote(Collection.ID_COLUMN));
        for (Property p : c.properties()) {
            columns.add(p.sqlName());
        }
        String list = String.join(", ", columns);
        Sql feature = new ItemsSql(query, extras).featureJson();
        Sql sql = new Sql().append("select jsonb_set((").append(feature)
                .append(")::jsonb, '{properties,recorded_to}', coalesce(to_jsonb(" + ItemsSql.ALIAS + ".recorded_to), 'null'::jsonb))::text"
                        + " from (select " + list + ", null::timestamptz as recorded_to from " + c.sqlTable() + " where \"id\" = ?"
                        + " union all select " + list + ", recorded_to from " + c.sqlHistoryTable() + " where \"id\" = ?) "
                        + ItemsSql.ALIAS + " order by " + ItemsSql.ALIAS + ".\"recorded_at\", " + ItemsSql.ALIAS + ".recorded_to nulls last",
                        featureId, featureId);
        return jdbc.sql(sql.text()).params(sql.params()).query(String.class).list();
    }
}
