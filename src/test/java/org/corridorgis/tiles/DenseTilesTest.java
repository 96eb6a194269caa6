package org.corridorgis.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Tiles of dense point collections stay small: more than 2 000 points in a tile become counted grid cells (the
 * counts add up to the points), fewer are drawn one by one, and a collection's minzoom leaves it out of tiles
 * below it. The points lie far from the region (10-11 E, 10-11 N), inside one zoom-8 tile, so no other tile test
 * sees them.
 */
class DenseTilesTest extends ServiceTestBase {

    static final int POINTS = 20_000;

    @BeforeAll
    static void createCollections(@Autowired JdbcClient jdbc) {
        for (String table : List.of("tile_test_points", "tile_test_late")) {
            jdbc.sql("drop table if exists corridor." + table).update();
            jdbc.sql("create table corridor." + table + " (id text primary key, geom geometry(Point, 4326) not null, name text not null, "
                    + "sources text[] not null, accuracy text not null, valid_from date, valid_to date)").update();
            jdbc.sql("create index on corridor." + table + " using gist (geom)").update();
        }
        // a 200 x 100 grid from 10.0 E 10.0 N, 0.005 by 0.01 degrees apart
        jdbc.sql("""
            insert into corridor.tile_test_points (id, geom, name, sources, accuracy)
            select i::text, ST_SetSRID(ST_MakePoint(10.0 + (i % 200) * 0.005, 10.0 + (i / 200) * 0.01), 4326), 'p' || i, '{test}', 'schematic'
              from generate_series(0, ? - 1) i""").param(POINTS).update();
        jdbc.sql("""
            insert into corridor.tile_test_late (id, geom, name, sources, accuracy)
            select i::text, ST_SetSRID(ST_MakePoint(10.1 + i * 0.01, 10.1), 4326), 'late ' || i, '{test}', 'schematic'
              from generate_series(0, 9) i""").update();
        jdbc.sql("insert into corridor.collection (id, table_name, title, description, geometry_type, sort_order, tile_minzoom) values "
                + "('tile-test-points', 'tile_test_points', 'dense points (test)', 'a grid of points', 'Point', 9996, 0), "
                + "('tile-test-late', 'tile_test_late', 'points from zoom 9 (test)', 'ten points', 'Point', 9997, 9)").update();
        jdbc.sql("select corridor.track_changes('tile_test_points'), corridor.track_changes('tile_test_late')").query().singleRow();
    }

    @AfterAll
    static void dropCollections(@Autowired JdbcClient jdbc) {
        jdbc.sql("delete from corridor.collection where id in ('tile-test-points', 'tile-test-late')").update();
        jdbc.sql("drop table if exists corridor.tile_test_points, corridor.tile_test_late").update();
        jdbc.sql("delete from corridor.table_version where table_name in ('tile_test_points', 'tile_test_late')").update();
    }

    private byte[] tile(String collection, int z, int x, int y) {
        HttpResponse<byte[]> r = client.getBytes("/collections/" + collection + "/tiles/WebMercatorQuad/" + z + "/" + y + "/" + x);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void moreThanTwoThousandPointsBecomeCountedCellsAndFewerAreDrawnOneByOne() {
        // the points lie inside tile 8/135/120 (computed by PostGIS, not assumed)
        assertThat(jdbc.sql("select ST_Contains(ST_Transform(ST_TileEnvelope(8, 135, 120), 4326), ST_SetSRID(ST_Extent(geom)::geometry, 4326)) "
                + "from corridor.tile_test_points").query(Boolean.class).single()).isTrue();

        byte[] dense = tile("tile-test-points", 8, 135, 120);
        assertThat(dense.length).isLessThan(500_000);
        MvtReader.Layer cells = MvtReader.layers(dense).get("tile-test-points");
        assertThat(cells).isNotNull();
        // 64 x 64 cells a tile, and the points span less than the tile
        assertThat(cells.features().size()).isBetween(2, 64 * 64);
        long total = 0;
        for (Map<String, Object> f : cells.features()) {
            assertThat(f).containsKey("point_count").doesNotContainKey("name");
            total += ((Number) f.get("point_count")).longValue();
        }
        assertThat(total).isEqualTo(POINTS);

        assertThat(jdbc.sql("delete from corridor.tile_test_points where id::int >= 1500").update()).isEqualTo(POINTS - 1500);
        MvtReader.Layer points = MvtReader.layers(tile("tile-test-points", 8, 135, 120)).get("tile-test-points");
        assertThat(points.features()).hasSize(1500);
        TreeSet<String> ids = new TreeSet<>();
        for (Map<String, Object> f : points.features()) {
            assertThat(f).doesNotContainKey("point_count").containsKey("name");
            ids.add(String.valueOf(f.get("id")));
        }
        assertThat(ids).isEqualTo(new TreeSet<>(jdbc.sql("select id from corridor.tile_test_points").query(String.class).list()));
    }

    @Test
    void aCollectionIsLeftOutOfTilesBelowItsMinzoom() {
        assertThat(MvtReader.layers(tile("tile-test-late", 8, 135, 120))).isEmpty();
        // zoom 9: the tile of 10.1 E 10.1 N
        Map<String, Object> xy = jdbc.sql("""
                select floor((10.1 + 180) / 360 * 2 ^ 9)::int as x,
                       floor((1 - ln(tan(radians(10.1)) + 1 / cos(radians(10.1))) / pi()) / 2 * 2 ^ 9)::int as y""")
                .query().singleRow();
        MvtReader.Layer late = MvtReader.layers(tile("tile-test-late", 9, (Integer) xy.get("x"), (Integer) xy.get("y"))).get("tile-test-late");
        assertThat(late).isNotNull();
        assertThat(late.features()).hasSize(10);
        JsonNode tileJson = client.json("/collections/tile-test-late/tiles/WebMercatorQuad/tilejson.json");
        assertThat(tileJson.path("vector_layers").get(0).path("minzoom").asInt()).isEqualTo(9);
        assertThat(tileJson.path("vector_layers").get(0).path("fields").has("point_count")).isTrue();
    }
}
