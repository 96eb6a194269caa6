package org.corridorgis.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.corridorgis.support.GeoJsonValidator;
import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Nothing is lost: a changed feature's earlier versions stay queryable through the API. */
class FeatureHistoryTest extends ServiceTestBase {

    @Test
    void everyRecordedVersionOfAFeatureIsServedOldestFirst() {
        OffsetDateTime before = jdbc.sql("select now()").query(OffsetDateTime.class).single();
        String original = jdbc.sql("select status from corridor.checkpoints where id = 'margara'").query(String.class).single();
        try {
            jdbc.sql("update corridor.checkpoints set status = 'operating' where id = 'margara'").update();
            jdbc.sql("update corridor.checkpoints set status = :s where id = 'margara'").param("s", original).update();

            JsonNode history = client.json("/collections/checkpoints/items/margara/history");
            assertThat(GeoJsonValidator.problems(history)).isEmpty();
            List<String> statuses = new ArrayList<>();
            List<Boolean> current = new ArrayList<>();
            for (JsonNode v : history.path("features")) {
                statuses.add(v.path("properties").path("status").asString());
                current.add(v.path("properties").path("recorded_to").isNull());
            }
            assertThat(statuses).endsWith(original, "operating", original);
            assertThat(current).containsOnlyOnce(true).last().isEqualTo(true);
            assertThat(client.get("/collections/checkpoints/items/margara/history?f=html").body()).contains("operating");
        } finally {
            jdbc.sql("update corridor.checkpoints set status = :s where id = 'margara'").param("s", original).update();
            jdbc.sql("delete from corridor.checkpoints_history where id = 'margara' and recorded_to >= :t").param("t", before).update();
        }
        assertThat(client.get("/collections/checkpoints/items/nosuch/history").statusCode()).isEqualTo(404);
        assertThat(client.get("/collections/checkpoints/items/margara/history?limit=3").statusCode()).isEqualTo(400);
    }
}
