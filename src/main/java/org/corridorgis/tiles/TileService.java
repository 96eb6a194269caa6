package org.corridorgis.tiles;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.corridorgis.scenario.Scenarios;
import org.corridorgis.web.DataVersion;
import org.corridorgis.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Makes a tile: one query, PostGIS does the clipping, simplification, quantisation and encoding. */
@Service
class TileService {

    private final JdbcClient jdbc;
    private final TileLayers layers;
    private final Scenarios scenarios;

    TileService(JdbcClient jdbc, TileLayers layers, Scenarios scenarios) {
        this.jdbc = jdbc;
        this.layers = layers;
        this.scenarios = scenarios;
    }

    /** A tile and the data version it was made from. */
    record Tile(DataVersion.Snapshot version, byte[] mvt) {
    }

    /** {@code at}: the day whose state the tile shows (features valid then, regimes in force then). */
    Tile tile(List<TileLayer> chosen, TileCoordinates t, String scenario, LocalDate at) {
        String id = scenario == null ? scenarios.defaultId() : scenario;
        // a layer below its collection's minzoom is left out of the tile
        List<TileLayer> drawn = chosen.stream().filter(l -> t.z() >= l.collection().tileMinZoom()).toList();
        Result result = jdbc.sql(layers.query(drawn))
                .param("tile_z", t.z()).param("tile_x", t.x()).param("tile_y", t.y()).param("scenario_id", id)
                .param("at", at)
                .query((rs, n) -> new Result(rs.getBoolean("scenario_ok"),
                        new DataVersion.Snapshot(rs.getLong("data_version"), rs.getObject("data_changed_at", OffsetDateTime.class)),
                        rs.getBytes("mvt")))
                .single();
        if (!result.scenarioOk && scenario != null) {
            throw ProblemException.badParameter("scenario", "no scenario '" + id + "'; see /collections/scenarios/items");
        }
        return new Tile(result.version, result.mvt == null ? new byte[0] : result.mvt);
    }

    private record Result(boolean scenarioOk, DataVersion.Snapshot version, byte[] mvt) {
    }
}
