package org.corridorgis.features;

import static org.corridorgis.web.JsonObjects.object;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.corridorgis.catalog.Collection;
import org.corridorgis.crs.SupportedCrs;
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
        // Every collection answers crs= (features without geometry have none in any CRS), so every one says so.
        d.put("crs", SupportedCrs.uris());
        d.put("storageCrs", SupportedCrs.STORAGE.uri());
        Extent e = extent(c);
        Map<String, Object> extent = new LinkedHashMap<>();
        if (e.bbox() != null) {
            extent.put("spatial", object("bbox", List.of(publishedBox(e.bbox())), "crs", SupportedCrs.CRS84.uri()));
        }
        if (e.hasTime() && (e.start() != null || e.end() != null)) {
            List<String> interval = new ArrayList<>();
            interval.add(e.start() == null ? null : e.start().toString());
            interval.add(e.end() == null ? null : e.end().toString());
            extent.put("temporal", object("interval", List.of(interval), "trs", TRS));
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
        links.add(Link.of(RequestUrls.href(request, path + "/schema", Map.of()), "describedby", "application/schema+json",
                "Schema of " + c.title()));
        links.add(Link.of(RequestUrls.href(request, path + "/schema", Map.of()), "http://www.opengis.net/def/rel/ogc/1.0/schema",
                "application/schema+json", "Schema of " + c.title()));
        // The schema of the GeoJSON encoding, under the relation spelled as GDAL's OAPIF driver looks for it
        // (relation names compare case-insensitively, RFC 8288, so this is one more describedby link).
        links.add(Link.of(RequestUrls.href(request, path + "/feature-schema", Map.of()), "describedBy", "application/schema+json",
                "Schema of " + c.title() + " as GeoJSON features"));
        links.add(Link.of(RequestUrls.href(request, path + "/sortables", Map.of()),
                "http://www.opengis.net/def/rel/ogc/1.0/sortables", "application/schema+json", "Sortables of " + c.title()));
        d.put("links", links);
        return d;
    }

    /**
     * The box published as the collection's extent: the data's box, widened just enough that, for every projected
     * CRS the service offers, the box between its two corners converted to that CRS still holds all of the data.
     * A client that turns the extent into a bbox-crs query that way (as OGC's test suite does) then selects
     * every feature, not the data minus a corner cut off by the projection's curvature. Rounded outwards to
     * four decimals (about 10 m).
     */
    private List<Double> publishedBox(double[] data) {
        List<String> projected = java.util.Arrays.stream(SupportedCrs.values()).filter(crs -> !crs.geographic())
                .map(crs -> "(" + crs.srid() + ")").toList();
        String sql = """
                with data(x0, y0, x1, y1) as (values (cast(:x0 as float8), cast(:y0 as float8), cast(:x1 as float8), cast(:y1 as float8))),
                     pads(pad) as (values (0.0001), (0.001), (0.01), (0.02), (0.05), (0.1), (0.2), (0.5), (1.0), (2.0)),
                     boxes as (
                       select pad, greatest(-180, floor((x0 - pad) * 1e4) / 1e4) as x0, greatest(-85, floor((y0 - pad) * 1e4) / 1e4) as y0,
                              least(180, ceil((x1 + pad) * 1e4) / 1e4) as x1, least(85, ceil((y1 + pad) * 1e4) / 1e4) as y1
                         from data, pads),
                     projected(srid) as (values %s)
                select b.x0, b.y0, b.x1, b.y1
                  from boxes b, data d
                 where not exists (
                         select 1 from projected p
                          cross join lateral (
                            select ST_Transform(ST_SetSRID(ST_MakePoint(b.x0, b.y0), 4326), p.srid) as lo,
                                   ST_Transform(ST_SetSRID(ST_MakePoint(b.x1, b.y1), 4326), p.srid) as hi) corners
                          where not ST_Covers(
                                  ST_Transform(ST_Segmentize(ST_MakeEnvelope(ST_X(lo), ST_Y(lo), ST_X(hi), ST_Y(hi), p.srid),
                                                             greatest(ST_X(hi) - ST_X(lo), ST_Y(hi) - ST_Y(lo)) / 64), 4326),
                                  ST_Segmentize(ST_MakeEnvelope(d.x0, d.y0, d.x1, d.y1, 4326), 0.01)))
                 order by b.pad
                 limit 1
                """.formatted(String.join(", ", projected));
        return jdbc.sql(sql).param("x0", data[0]).param("y0", data[1]).param("x1", data[2]).param("y1", data[3])
                .query((rs, n) -> List.of(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)))
                .optional()
                .orElseGet(() -> List.of(Math.floor(data[0] * 1e4) / 1e4, Math.floor(data[1] * 1e4) / 1e4,
                        Math.ceil(data[2] * 1e4) / 1e4, Math.ceil(data[3] * 1e4) / 1e4));
    }
}
