package org.corridorgis.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.corridorgis.catalog.Catalog;
import org.corridorgis.catalog.Collection;
import org.corridorgis.catalog.DerivedData;
import org.corridorgis.security.ApiTokens;
import org.corridorgis.security.Role;
import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * A write rebuilds the derived data its collection's catalogue entry names ({@code corridor.collection.rebuilds}),
 * and nothing else: a route put in behind the service's back has no segments until a write to a collection that
 * rebuilds route segments comes along. Every feature made here has an id starting with {@code wtest-rb-} and is
 * removed afterwards, and the catalogue is put back as the migrations left it.
 */
class DerivedDataRebuildsTest extends ServiceTestBase {

    @Autowired
    ApiTokens tokens;

    @Autowired
    Catalog catalog;

    private String reviewer;

    @BeforeEach
    void token() {
        reviewer = "Bearer " + tokens.create("Reviewer RB.", Role.REVIEWER, null).token();
    }

    @AfterEach
    void removeWhatTheTestsMade() {
        jdbc.sql("update corridor.collection set rebuilds = '{}' where id = 'checkpoints'").update();
        catalog.refresh();
        jdbc.sql("delete from corridor.route_segments where route_id like 'wtest-rb-%'").update();
        jdbc.sql("delete from corridor.route_segments_history where route_id like 'wtest-rb-%'").update();
        for (String table : List.of("checkpoints", "routes")) {
            jdbc.sql("delete from corridor." + table + " where id like 'wtest-rb-%'").update();
            jdbc.sql("delete from corridor." + table + "_history where id like 'wtest-rb-%'").update();
        }
        jdbc.sql("delete from corridor.change_log where feature_id like 'wtest-rb-%'").update();
        jdbc.sql("delete from corridor.api_token where name = 'Reviewer RB.'").update();
    }

    @Test
    void theCatalogueNamesWhatEachCollectionsWritesRebuild() {
        Map<String, Set<DerivedData>> flagged = Map.of(
                "routes", Set.of(DerivedData.ROUTE_SEGMENTS),
                "countries", Set.of(DerivedData.ROUTE_SEGMENTS),
                "disputed-areas", Set.of(DerivedData.EXPOSURE_ZONES),
                "boundary-lines", Set.of(DerivedData.EXPOSURE_ZONES),
                "boundary-maps", Set.of(DerivedData.EXPOSURE_ZONES));
        List<Collection> collections = catalog.collections();
        assertThat(collections.stream().map(Collection::id).toList()).containsAll(flagged.keySet()).contains("checkpoints");
        for (Collection c : collections) {
            assertThat(c.rebuilds()).as(c.id()).isEqualTo(flagged.getOrDefault(c.id(), Set.of()));
        }
    }

    @Test
    void onlyTheFixedRebuildsCanBeNamed() {
        assertThatThrownBy(() -> jdbc.sql("update corridor.collection set rebuilds = '{corridor.drop_everything()}' "
                + "where id = 'checkpoints'").update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> DerivedData.of("corridor.rebuild_route_segments()"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown derived data");
        assertThat(DerivedData.of("route-segments")).isEqualTo(DerivedData.ROUTE_SEGMENTS);
        assertThat(DerivedData.of("exposure-zones")).isEqualTo(DerivedData.EXPOSURE_ZONES);
    }

    @Test
    void aWriteRebuildsOnlyWhatItsCollectionIsFlaggedFor() {
        // a short road east of Yerevan, inside Armenia, put in without the service: no segments yet
        jdbc.sql("""
                insert into corridor.routes (id, geom, name, origin, destination, via, mode, status, sources, accuracy)
                values ('wtest-rb-road', ST_GeomFromText('LINESTRING(44.60 40.15, 44.70 40.20)', 4326), 'Test road', 'A', 'B',
                        '{}', 'road', 'proposed', '{crossings-facts}', 'schematic')
                """).update();
        assertThat(segmentsOfTheRoad()).isEmpty();
        long segmentsBefore = count("route_segments");
        long zonesBefore = count("exposure_zones");
        assertThat(zonesBefore).isPositive();

        // checkpoints rebuild nothing: the road still has no segments, the exposure zones stay as they were
        assertThat(catalog.require("checkpoints").rebuilds()).isEmpty();
        createCheckpoint("wtest-rb-one");
        assertThat(segmentsOfTheRoad()).isEmpty();
        assertThat(count("route_segments")).isEqualTo(segmentsBefore);
        assertThat(count("exposure_zones")).isEqualTo(zonesBefore);

        // once the catalogue says checkpoints rebuild route segments, the next checkpoint written cuts the road: one
        // segment, in Armenia, as long as the line between its two ends on the ellipsoid
        jdbc.sql("update corridor.collection set rebuilds = '{route-segments}' where id = 'checkpoints'").update();
        catalog.refresh();
        createCheckpoint("wtest-rb-two");
        String expected = jdbc.sql("select 'ARM ' || round((ST_Length(ST_SetSRID(ST_MakeLine(ST_MakePoint(44.60, 40.15), "
                + "ST_MakePoint(44.70, 40.20)), 4326)::geography) / 1000)::numeric, 3)").query(String.class).single();
        assertThat(segmentsOfTheRoad()).containsExactly(expected);
        assertThat(count("route_segments")).isEqualTo(segmentsBefore + 1);
        assertThat(count("exposure_zones")).isEqualTo(zonesBefore);
    }

    private void createCheckpoint(String id) {
        String body = "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[45.5,39.5]},"
                + "\"properties\":{\"name\":\"Test crossing\",\"states\":[\"ARM\",\"AZE\"],\"kind\":\"border crossing\","
                + "\"status\":\"proposed\",\"sources\":[\"crossings-facts\"],\"accuracy\":\"schematic\"}}";
        HttpResponse<String> r = client.send("POST", "/collections/checkpoints/items", "application/geo+json", body,
                "Authorization", reviewer);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private List<String> segmentsOfTheRoad() {
        return jdbc.sql("select country || ' ' || length_km from corridor.route_segments where route_id = 'wtest-rb-road' order by seq")
                .query(String.class).list();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from corridor." + table).query(Long.class).single();
    }
}
