package org.corridorgis.features;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.corridorgis.catalog.Collection;
import org.corridorgis.catalog.Property;
import org.corridorgis.crs.SupportedCrs;
import org.corridorgis.filter.QueryableType;
import org.corridorgis.web.Link;
import org.corridorgis.web.RequestUrls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The JSON descriptions of collections (OGC API – Features /collections) and their queryables. */
@Component
class CollectionDescriptions {

    static final String TRS = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";

    private final JdbcClient jdbc;

    CollectionDescriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Extent(double[] bbox, LocalDate start, LocalDate end, boolean hasTime) {
    }

    Extent extent(Collection c) {
        String time = c.temporal() ? "min(valid_from), max(valid_to), bool_or(valid_to is null)" : "null::date, null::date, true";
        String space = c.spatial()
                ? "ST_XMin(ST_Extent(geom)), ST_YMin(ST_Extent(geom)), ST_XMax(ST_Extent(geom)), ST_YMax(ST_Extent(geom))"
                : "null::float8, null::float8, null::float8, null::float8";
        return jdbc.sql("select " + space + ", " + time + " from " + c.sqlTable()).query((rs, n) -> {
            double[] bbox = null;
            if (rs.getObject(1) != null) {
                bbox = new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
            }
            LocalDate start = rs.getObject(5, LocalDate.class);
            LocalDate end = rs.getBoolean(7) ? null : rs.getObject(6, LocalDate.class);
            return new Extent(bbox, start, end, c.temporal());
        }).single();
    }

    Map<String, Object> describe(Collection c, HttpServletRequest request) {
        String path = "/collections/" + RequestUrls.encode(c.id());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", c.id());
        d.put("title", c.title());
        d.put("description", c.description());
        d.put("itemType", "feature");
        if (c.spatial()) {
            d.put("crs", SupportedCrs.uris());
            d.put("storageCrs", SupportedCrs.STORAGE.uri());
        }
        Extent e = extent(c);
        Map<String, Object> extent = new LinkedHashMap<>();
        if (e.bbox() != null) {
            extent.put("spatial", Map.of("bbox", List.of(round(e.bbox())), "crs", SupportedCrs.CRS84.uri()));
        }
        if (e.hasTime() && (e.start() != null || e.end() != null)) {
            List<String> interval = new ArrayList<>();
            interval.add(e.start() == null ? null : e.start().toString());
            interval.add(e.end() == null ? null : e.end().toString());
            extent.put("temporal", Map.of("interval", List.of(interval), "trs", TRS));
        }
        if (!extent.isEmpty()) {
            d.put("extent", extent);
        }
        List<Link> links = new ArrayList<>();
        links.add(Link.of(RequestUrls.href(request, path, Map.of("f", "json")), "self", "application/json", c.title()));
        links.add(Link.of(RequestUrls.href(request, path, Map.of("f", "html")), "alternate", "text/html", c.title() + " as HTML"));
        links.add(Link.of(RequestUrls.href(request, path + "/items", Map.of("f", "json")), "items", ItemsService.GEOJSON,
                c.title() + " as GeoJSON"));
        links.add(Link.of(RequestUrls.href(request, path + "/items", Map.of("f", "html")), "items", "text/html", c.title() + " as HTML"));
        links.add(Link.of(RequestUrls.href(request, path + "/queryables", Map.of()),
                "http://www.opengis.net/def/rel/ogc/1.0/queryables", "application/schema+json", "Queryables of " + c.title()));
        d.put("links", links);
        return d;
    }

    Map<String, Object> queryables(Collection c, HttpServletRequest request) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", RequestUrls.href(request, "/collections/" + RequestUrls.encode(c.id()) + "/queryables", Map.of()));
        schema.put("type", "object");
        schema.put("title", c.title());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", Map.of("title", "id", "type", "string"));
        for (Property p : c.properties()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("title", p.name());
            if (p.type() == QueryableType.GEOMETRY) {
                s.put("format", "geometry-" + c.geometryType().toLowerCase());
                s.put("x-ogc-role", "primary-geometry");
            } else {
                s.put("type", p.jsonSchemaType());
                if (p.jsonSchemaFormat() != null) {
                    s.put("format", p.jsonSchemaFormat());
                }
                if (p.type() == QueryableType.STRING_ARRAY) {
                    s.put("items", Map.of("type", "string"));
                }
            }
            properties.put(p.name(), s);
        }
        schema.put("properties", properties);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static List<Double> round(double[] bbox) {
        List<Double> out = new ArrayList<>();
        for (double v : bbox) {
            out.add(Math.round(v * 1e6) / 1e6);
        }
        return out;
    }
}
