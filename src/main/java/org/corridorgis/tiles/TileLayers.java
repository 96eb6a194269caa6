package org.corridorgis.tiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.corridorgis.catalog.Catalog;
import org.corridorgis.catalog.Collection;
import org.corridorgis.web.ProblemException;
import org.springframework.stereotype.Component;

/**
 * The tile layers, built from the catalogue. Tiles are the hottest path of the service (a map view asks
 * for dozens at once), so the layer definitions and the generated queries are kept for as long as the
 * catalogue's reading they were built from: a new reading (every {@code corridor.catalog.refresh}, or after
 * {@link Catalog#refresh()}) builds them anew, so tiles follow the catalogue as the feature pages do.
 */
@Component
class TileLayers {

    private static final org.slf4j.Logger SQL_LOG = org.slf4j.LoggerFactory.getLogger("org.corridorgis.tiles.sql");

    private final Catalog catalog;
    private volatile Snapshot snapshot;

    TileLayers(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Every spatial collection, in catalogue order. */
    List<TileLayer> all() {
        return current().layers;
    }

    /** One collection's layer: 404 for an unknown collection, 404 for one without geometry. */
    TileLayer one(String collectionId) {
        TileLayer layer = current().byId.get(collectionId);
        if (layer == null) {
            Collection c = catalog.require(collectionId); // unknown -> 404 listing the collections
            if (!c.spatial()) {
                throw ProblemException.notFound("collection '" + c.id() + "' has no geometry, so it has no tiles; "
                        + "tiled collections: " + String.join(", ", all().stream().map(TileLayer::id).toList()));
            }
            snapshot = null; // the catalogue changed under us: rebuild
            return one(collectionId);
        }
        return layer;
    }

    /** The layers named by a {@code collections} parameter (comma-separated), or all of them. */
    List<TileLayer> select(String collections) {
        if (collections == null) {
            return all();
        }
        List<TileLayer> chosen = new ArrayList<>();
        for (String id : collections.split(",")) {
            String name = id.trim();
            if (name.isEmpty()) {
                continue;
            }
            TileLayer layer = current().byId.get(name);
            if (layer == null) {
                throw ProblemException.badParameter("collections", "'" + name + "' is not a collection with tiles; tiled collections: "
                        + String.join(", ", all().stream().map(TileLayer::id).toList()));
            }
            if (!chosen.contains(layer)) {
                chosen.add(layer);
            }
        }
        if (chosen.isEmpty()) {
            throw ProblemException.badParameter("collections", "name at least one collection");
        }
        return chosen;
    }

    /**
     * The tile query for these layers (cached per layer list). Logged when made, at DEBUG on
     * {@code org.corridorgis.tiles.sql}, for an operator who wants to run it by hand: the service itself never
     * hands out its SQL.
     */
    String query(List<TileLayer> layers) {
        Snapshot s = current();
        return s.queries.computeIfAbsent(layers.stream().map(TileLayer::id).toList(), k -> {
            String sql = TileLayer.query(layers);
            SQL_LOG.debug("tile SQL for {}:\n{}\n-- end of tile SQL", k, sql);
            return sql;
        });
    }

    private Snapshot current() {
        List<Collection> collections = catalog.collections();
        Snapshot s = snapshot;
        // each reading of the catalogue is a new list: the same list means nothing was read since
        if (s == null || s.builtFrom != collections) {
            Map<String, TileLayer> byId = new LinkedHashMap<>();
            for (Collection c : collections) {
                if (c.spatial()) {
                    byId.put(c.id(), TileLayer.of(c));
                }
            }
            s = new Snapshot(List.copyOf(byId.values()), byId, new ConcurrentHashMap<>(), collections);
            snapshot = s;
        }
        return s;
    }

    private record Snapshot(List<TileLayer> layers, Map<String, TileLayer> byId, Map<List<String>, String> queries,
                            List<Collection> builtFrom) {
    }
}
