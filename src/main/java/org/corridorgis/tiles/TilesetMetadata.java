package org.corridorgis.tiles;

import static org.corridorgis.web.JsonObjects.object;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.corridorgis.web.Link;
import org.corridorgis.web.RequestUrls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** TileJSON 3.0.0 and the OGC API – Tiles tileset description of the dataset and of each collection. */
@Component
class TilesetMetadata {

    static final int MIN_ZOOM = 0;
    static final int MAX_ZOOM = 16;
    static final String TMS_URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    /** The region every geometry lies in (CHECK constraints of the data model): the bounds when a layer is empty. */
    static final double[] REGION = {42.5, 37.0, 51.0, 42.5};

    private final JdbcClient jdbc;

    TilesetMetadata(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code /tiles} or {@code /collections/{id}/tiles}: the tilesets on offer (one: vector, WebMercatorQuad). */
    Map<String, Object> tilesets(TileLayer layer, HttpServletRequest request) {
        String base = base(layer);
        Map<String, Object> tileset = new LinkedHashMap<>();
        tileset.put("title", (layer == null ? "corridor-gis" : layer.collection().title()) + " (vector tiles, WebMercatorQuad)");
        tileset.put("dataType", "vector");
        tileset.put("crs", "http://www.opengis.net/def/crs/EPSG/0/3857");
        tileset.put("tileMatrixSetURI", TMS_URI);
        tileset.put("links", List.of(
                Link.of(RequestUrls.href(request, base, Map.of()), "self", "application/json", "the tileset description"),
                Link.of(RequestUrls.href(request, base + "/tilejson.json", Map.of()), "describedby", "application/json", "TileJSON 3.0.0"),
                Link.of(TMS_URI, "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", "application/json", "WebMercatorQuad")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", List.of(Link.of(RequestUrls.self(request, Map.of()), "self", "application/json", "the tilesets")));
        body.put("tilesets", List.of(tileset));
        return body;
    }

    /** The OGC tileset description: layers, their fields, zoom levels and bounds, and the tile URL template. */
    Map<String, Object> tileset(TileLayer single, List<TileLayer> layers, HttpServletRequest request) {
        String base = base(single);
        Map<String, String> query = passOn(request);
        Map<String, double[]> bounds = bounds(layers);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", single == null ? "corridor-gis: " + String.join(", ", layers.stream().map(TileLayer::id).toList())
                : single.collection().title());
        body.put("description", single == null ? "All spatial collections as one vector tileset, one layer per collection."
                : single.collection().description());
        body.put("dataType", "vector");
        body.put("crs", "http://www.opengis.net/def/crs/EPSG/0/3857");
        body.put("tileMatrixSetURI", TMS_URI);
        body.put("minzoom", MIN_ZOOM);
        body.put("maxzoom", MAX_ZOOM);
        body.put("boundingBox", box(union(bounds.values())));
        body.put("links", List.of(
                Link.of(RequestUrls.self(request, Map.of()), "self", "application/json", "this tileset description"),
                Link.of(RequestUrls.href(request, base + "/tilejson.json", query), "describedby", "application/json", "TileJSON 3.0.0"),
                templated(RequestUrls.root(request) + base + "/{tileMatrix}/{tileRow}/{tileCol}" + queryString(request, query)),
                Link.of(TMS_URI, "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", "application/json", "WebMercatorQuad")));
        List<Map<String, Object>> described = new ArrayList<>();
        for (TileLayer layer : layers) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("id", layer.id());
            l.put("title", layer.collection().title());
            l.put("description", layer.collection().description());
            l.put("dataType", "vector");
            l.put("geometryDimension", switch (layer.collection().geometryType()) {
                case "Point" -> 0;
                case "LineString", "MultiLineString" -> 1;
                default -> 2;
            });
            l.put("geometryType", layer.collection().geometryType());
            l.put("minTileMatrix", String.valueOf(Math.max(MIN_ZOOM, layer.collection().tileMinZoom())));
            l.put("maxTileMatrix", String.valueOf(MAX_ZOOM));
            l.put("fields", layer.fields());
            Map<String, Object> props = new LinkedHashMap<>();
            layer.fields().forEach((k, v) -> props.put(k, Map.of("type", v.toLowerCase().equals("number") ? "number"
                    : v.equals("Boolean") ? "boolean" : "string")));
            l.put("propertiesSchema", object("type", "object", "properties", props));
            l.put("boundingBox", box(bounds.get(layer.id())));
            described.add(l);
        }
        body.put("layers", described);
        return body;
    }

    /** TileJSON 3.0.0. */
    Map<String, Object> tileJson(TileLayer single, List<TileLayer> layers, HttpServletRequest request) {
        Map<String, double[]> bounds = bounds(layers);
        double[] all = union(bounds.values());
        Map<String, String> query = passOn(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tilejson", "3.0.0");
        body.put("name", single == null ? "corridor-gis" : single.id());
        body.put("description", single == null ? "Collections " + String.join(", ", layers.stream().map(TileLayer::id).toList())
                : single.collection().description());
        body.put("attribution", "corridor-gis; country polygons © OpenStreetMap contributors (ODbL)");
        body.put("scheme", "xyz");
        body.put("tiles", List.of(RequestUrls.root(request) + base(single) + "/{z}/{y}/{x}" + queryString(request, query)));
        body.put("minzoom", MIN_ZOOM);
        body.put("maxzoom", MAX_ZOOM);
        body.put("bounds", all);
        body.put("center", new double[] {(all[0] + all[2]) / 2, (all[1] + all[3]) / 2, 7});
        List<Map<String, Object>> vectorLayers = new ArrayList<>();
        for (TileLayer layer : layers) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("id", layer.id());
            l.put("description", layer.collection().title());
            l.put("minzoom", Math.max(MIN_ZOOM, layer.collection().tileMinZoom()));
            l.put("maxzoom", MAX_ZOOM);
            l.put("fields", layer.fields());
            vectorLayers.add(l);
        }
        body.put("vector_layers", vectorLayers);
        return body;
    }

    private static String base(TileLayer layer) {
        return (layer == null ? "" : "/collections/" + layer.id()) + "/tiles/" + TilesController.TMS;
    }

    private static Map<String, String> passOn(HttpServletRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : List.of("collections", "scenario")) {
            if (request.getParameter(name) != null) {
                query.put(name, request.getParameter(name));
            }
        }
        return query;
    }

    private static String queryString(HttpServletRequest request, Map<String, String> query) {
        String href = RequestUrls.href(request, "", query);
        int q = href.indexOf('?');
        return q < 0 ? "" : href.substring(q);
    }

    private static Map<String, Object> templated(String href) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("rel", "item");
        link.put("type", TilesController.MVT);
        link.put("title", "a tile ({tileMatrix} = z, {tileRow} = y, {tileCol} = x)");
        link.put("templated", true);
        return link;
    }

    private Map<String, double[]> bounds(List<TileLayer> layers) {
        Map<String, double[]> result = new LinkedHashMap<>();
        for (TileLayer layer : layers) {
            double[] b = jdbc.sql("select ST_XMin(e) as w, ST_YMin(e) as s, ST_XMax(e) as e, ST_YMax(e) as n from (select ST_Extent(geom) as e from "
                            + layer.collection().sqlTable() + ") x")
                    .query((rs, n) -> rs.getObject("w") == null ? null
                            : new double[] {rs.getDouble("w"), rs.getDouble("s"), rs.getDouble("e"), rs.getDouble("n")})
                    .optional().orElse(null);
            result.put(layer.id(), b == null ? REGION.clone() : round(b));
        }
        return result;
    }

    private static double[] round(double[] b) {
        double[] r = new double[4];
        for (int i = 0; i < 4; i++) {
            r[i] = Math.round(b[i] * 1e6) / 1e6;
        }
        return r;
    }

    private static double[] union(java.util.Collection<double[]> boxes) {
        double[] u = null;
        for (double[] b : boxes) {
            if (u == null) {
                u = b.clone();
            } else {
                u[0] = Math.min(u[0], b[0]);
                u[1] = Math.min(u[1], b[1]);
                u[2] = Math.max(u[2], b[2]);
                u[3] = Math.max(u[3], b[3]);
            }
        }
        return u == null ? REGION.clone() : u;
    }

    private static Map<String, Object> box(double[] b) {
        Map<String, Object> box = new LinkedHashMap<>();
        box.put("lowerLeft", new double[] {b[0], b[1]});
        box.put("upperRight", new double[] {b[2], b[3]});
        box.put("crs", CRS84);
        return box;
    }
}
