package org.corridorgis.tiles;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.corridorgis.web.DataVersion;
import org.corridorgis.web.ProblemException;
import org.corridorgis.web.QueryParameters;
import org.corridorgis.web.ResponseCompression;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC API – Tiles (vector tiles, WebMercatorQuad) for every spatial collection and for all of them together,
 * with TileJSON 3.0.0 and the OGC tileset description.
 */
@RestController
class TilesController {

    static final String MVT = "application/vnd.mapbox-vector-tile";
    static final String TMS = "WebMercatorQuad";

    private final TileLayers layers;
    private final TileService tiles;
    private final TilesetMetadata metadata;
    private final DataVersion versions;

    TilesController(TileLayers layers, TileService tiles, TilesetMetadata metadata, DataVersion versions) {
        this.layers = layers;
        this.tiles = tiles;
        this.metadata = metadata;
        this.versions = versions;
    }

    // ------------------------------------------------------------------ dataset (all layers)

    @GetMapping("/tiles")
    ResponseEntity<?> datasetTilesets(HttpServletRequest request) {
        allowOnly(request, Set.of("f"));
        return json(metadata.tilesets(null, request));
    }

    @GetMapping("/tiles/{tms}")
    ResponseEntity<?> datasetTileset(@PathVariable String tms, HttpServletRequest request) {
        checkTms(tms);
        allowOnly(request, Set.of("f", "collections", "scenario", "datetime"));
        return json(metadata.tileset(null, layers.select(request.getParameter("collections")), request));
    }

    @GetMapping("/tiles/{tms}/tilejson.json")
    ResponseEntity<?> datasetTileJson(@PathVariable String tms, HttpServletRequest request) {
        checkTms(tms);
        allowOnly(request, Set.of("collections", "scenario", "datetime"));
        return json(metadata.tileJson(null, layers.select(request.getParameter("collections")), request));
    }

    @GetMapping("/tiles/{tms}/{z}/{y}/{x}")
    void datasetTile(@PathVariable String tms, @PathVariable String z, @PathVariable String y, @PathVariable String x,
                     HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        checkTms(tms);
        allowOnly(request, Set.of("collections", "scenario", "datetime", "v"));
        List<TileLayer> chosen = layers.select(request.getParameter("collections"));
        write(chosen, TileCoordinates.parse(z, y, x), request, response);
    }

    // ------------------------------------------------------------------ one collection

    @GetMapping("/collections/{collectionId}/tiles")
    ResponseEntity<?> collectionTilesets(@PathVariable String collectionId, HttpServletRequest request) {
        TileLayer layer = layers.one(collectionId);
        allowOnly(request, Set.of("f"));
        return json(metadata.tilesets(layer, request));
    }

    @GetMapping("/collections/{collectionId}/tiles/{tms}")
    ResponseEntity<?> collectionTileset(@PathVariable String collectionId, @PathVariable String tms, HttpServletRequest request) {
        TileLayer layer = layers.one(collectionId);
        checkTms(tms);
        allowOnly(request, Set.of("f", "scenario", "datetime"));
        return json(metadata.tileset(layer, List.of(layer), request));
    }

    @GetMapping("/collections/{collectionId}/tiles/{tms}/tilejson.json")
    ResponseEntity<?> collectionTileJson(@PathVariable String collectionId, @PathVariable String tms, HttpServletRequest request) {
        TileLayer layer = layers.one(collectionId);
        checkTms(tms);
        allowOnly(request, Set.of("scenario", "datetime"));
        return json(metadata.tileJson(layer, List.of(layer), request));
    }

    @GetMapping("/collections/{collectionId}/tiles/{tms}/{z}/{y}/{x}")
    void collectionTile(@PathVariable String collectionId, @PathVariable String tms, @PathVariable String z,
                        @PathVariable String y, @PathVariable String x, HttpServletRequest request,
                        HttpServletResponse response) throws java.io.IOException {
        TileLayer layer = layers.one(collectionId);
        checkTms(tms);
        allowOnly(request, Set.of("scenario", "datetime", "v"));
        write(List.of(layer), TileCoordinates.parse(z, y, x), request, response);
    }

    // ------------------------------------------------------------------

    private void write(List<TileLayer> chosen, TileCoordinates t, HttpServletRequest request, HttpServletResponse response)
            throws java.io.IOException {
        String scenario = request.getParameter("scenario");
        if (scenario != null && scenario.isBlank()) {
            throw ProblemException.badParameter("scenario", "name a scenario; see /collections/scenarios/items");
        }
        LocalDate at = day(request.getParameter("datetime"));
        Long named = namedVersion(request.getParameter("v"));
        // without a datetime the tile shows today: its validator changes with the day
        String variant = request.getParameter("datetime") == null ? "mvt-" + at : "mvt";
        response.setHeader("Vary", "Accept-Encoding");
        // A conditional request is answered from the data version alone (no tile made for a 304); otherwise
        // the tile query reads the version in the same statement, one round trip per tile.
        if (request.getHeader(HttpHeaders.IF_NONE_MATCH) != null) {
            DataVersion.Snapshot current = versions.current();
            boolean unchanged = versions.notModified(current, request, response, variant);
            cacheFor(named, current, request.getParameter("datetime") != null, response);
            if (unchanged) {
                return;
            }
        }
        TileService.Tile tile = tiles.tile(chosen, t, scenario, at);
        boolean unchanged = versions.notModified(tile.version(), request, response, variant);
        cacheFor(named, tile.version(), request.getParameter("datetime") != null, response);
        if (unchanged) {
            return;
        }
        // compressed here when asked: the strong ETag names the encoding (see DataVersion)
        ResponseCompression.write(request, response, MVT, tile.mvt());
    }

    /**
     * {@code v}: the data version the client knows (from a {@code Data-Version} header, e.g. of its own write). A tile
     * of exactly that version never changes under its URL, so it may be kept for good; a tile whose {@code v}
     * names another version (older, or one a replica has not reached) holds the data actually read and is
     * revalidated on every use. Without {@code v} the configured Cache-Control applies (a CDN's max-age). A tile
     * without {@code datetime} shows today, so it is kept until the end of the day (UTC) only.
     */
    private static Long namedVersion(String v) {
        if (v == null) {
            return null;
        }
        if (!v.matches("[0-9]{1,18}")) {
            throw ProblemException.badParameter("v", "v is a data version: the number a Data-Version header gives");
        }
        return Long.parseLong(v);
    }

    private static void cacheFor(Long named, DataVersion.Snapshot answered, boolean dated, HttpServletResponse response) {
        if (named == null) {
            return;
        }
        if (named != answered.version()) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        } else if (dated) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
        } else {
            java.time.OffsetDateTime now = java.time.OffsetDateTime.now(ZoneOffset.UTC);
            long untilMidnight = java.time.Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)).toSeconds();
            response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=" + Math.max(0, untilMidnight));
        }
    }

    /** A {@code datetime} for tiles: one day (YYYY-MM-DD); today (UTC) without one. */
    private static LocalDate day(String text) {
        if (text == null) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter("datetime", "'" + text + "' is not a date (YYYY-MM-DD); a tile shows the state on one day");
        }
    }

    private static ResponseEntity<?> json(Map<String, Object> body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static void checkTms(String tms) {
        if (!TMS.equals(tms)) {
            throw ProblemException.notFound("no tile matrix set '" + tms + "'; tiles are served in " + TMS);
        }
    }

    private static void allowOnly(HttpServletRequest request, Set<String> allowed) {
        QueryParameters.allowOnly(request, allowed);
        String f = request.getParameter("f");
        if (f != null && !f.equals("json")) {
            throw ProblemException.badParameter("f", "tile metadata is available as f=json only");
        }
    }
}
