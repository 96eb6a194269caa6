package org.corridorgis.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.Test;

/**
 * The dataset tiles follow the catalogue: a collection registered a moment ago can be asked for by name at once,
 * and one removed is no longer queried (its table is gone; querying it would fail every tile of the map). The
 * tests read the catalogue on every request, so nothing but the tile layers' own keeping could lag behind.
 */
class TileLayersFollowTheCatalogueTest extends ServiceTestBase {

    private HttpResponse<byte[]> tile(String pathAndQuery) {
        return client.getBytes(pathAndQuery);
    }

    @Test
    void aCollectionAddedOrRemovedIsInTheNextTile() throws Exception {
        // the tile layers are built before the collection exists
        assertThat(tile("/tiles/WebMercatorQuad/0/0/0").statusCode()).isEqualTo(200);

        jdbc.sql("drop table if exists corridor.tile_follow_test").update();
        jdbc.sql("create table corridor.tile_follow_test (id text primary key, geom geometry(Point, 4326) not null, name text not null, "
                + "sources text[] not null, accuracy text not null, valid_from date, valid_to date)").update();
        // one point far from the region (10.3 E, 10.3 N), so no other tile test sees it
        jdbc.sql("insert into corridor.tile_follow_test values ('only', ST_SetSRID(ST_MakePoint(10.3, 10.3), 4326), 'only point', '{test}', 'schematic', null, null)").update();
        jdbc.sql("insert into corridor.collection (id, table_name, title, description, geometry_type, sort_order) "
                + "values ('tile-follow-test', 'tile_follow_test', 'one point (test)', 'a collection added while the service runs', 'Point', 9995)").update();
        jdbc.sql("select corridor.track_changes('tile_follow_test')").query().singleRow();
        try {
            HttpResponse<byte[]> added = tile("/tiles/WebMercatorQuad/0/0/0?collections=tile-follow-test");
            assertThat(added.statusCode()).as(new String(added.body())).isEqualTo(200);
            var layers = MvtReader.layers(tile(added));
            assertThat(layers.keySet()).containsExactly("tile-follow-test");
            assertThat(layers.get("tile-follow-test").features()).hasSize(1);
        } finally {
            jdbc.sql("delete from corridor.collection where id = 'tile-follow-test'").update();
            jdbc.sql("drop table corridor.tile_follow_test").update();
            jdbc.sql("delete from corridor.table_version where table_name = 'tile_follow_test'").update();
        }
        HttpResponse<byte[]> afterRemoval = tile("/tiles/WebMercatorQuad/0/0/0");
        assertThat(afterRemoval.statusCode()).as(new String(afterRemoval.body())).isEqualTo(200);
        assertThat(MvtReader.layers(tile(afterRemoval)).keySet()).doesNotContain("tile-follow-test").contains("countries");
        HttpResponse<byte[]> askedByName = tile("/tiles/WebMercatorQuad/0/0/0?collections=tile-follow-test");
        assertThat(askedByName.statusCode()).isEqualTo(400);
    }

    private static byte[] tile(HttpResponse<byte[]> r) throws java.io.IOException {
        boolean gzip = r.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent();
        return gzip ? MvtReader.gunzip(r.body()) : r.body();
    }
}
