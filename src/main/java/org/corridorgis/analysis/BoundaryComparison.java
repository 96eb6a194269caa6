package org.corridorgis.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Candidate map comparison.
 *
 * <p>Method: the lines of both maps (all sections, or the one asked for) are unioned, which nodes them, and
 * polygonized (ST_Polygonize). A face whose whole boundary lies on both lines is not a disagreement (comparing a
 * map with itself therefore gives no face); every other face lies between the lines, or is a ring only one map
 * draws (an exclave). Which state a map assigns a face to: the face is on the same side of map a's line as the
 * ground just across the face's edges that belong only to map b, so map a's state is the country (reference
 * polygons, corridor.countries) covering most of a 150 m strip outside those edges; likewise for b. A face drawn
 * by one map only goes, under the other map, to the country around it, and under its own map to the country
 * covering most of it. Faces under 100 m² are numerical slivers of the noding and are dropped. Areas are geodesic
 * (geography); the Hausdorff distance is measured in UTM 38N (EPSG:32638). Limitation: a face only forms where
 * the two lines meet exactly; where they come near without touching no polygon is produced.
 */
@Component
class BoundaryComparison {

    private static final String FACES = """
            with la as (select id, section, geom as g, sources from corridor.boundary_lines
                         where map_id = :a and (cast(:section as text) is null or section = :section)),
                 lb as (select id, section, geom as g, sources from corridor.boundary_lines
                         where map_id = :b and (cast(:section as text) is null or section = :section)),
                 ua as (select coalesce(ST_Union(g), 'SRID=4326;MULTILINESTRING EMPTY'::geometry) as g from la),
                 ub as (select coalesce(ST_Union(g), 'SRID=4326;MULTILINESTRING EMPTY'::geometry) as g from lb),
                 faces as (select (ST_Dump(ST_Polygonize(ST_Union(ua.g, ub.g)))).geom as f from ua, ub),
                 kept as (select f, ST_Difference(ST_Boundary(f), ua.g) as b_edges, ST_Difference(ST_Boundary(f), ub.g) as a_edges
                            from faces, ua, ub where ST_Area(f::geography) >= 100),
                 kept2 as (select k.*, ST_Length(b_edges::geography) > 1 as has_b, ST_Length(a_edges::geography) > 1 as has_a
                             from kept k),
                 strips as (select k.*,
                       case when has_b then ST_Difference(ST_Buffer(b_edges::geography, 150)::geometry, f)
                            else ST_Difference(ST_Buffer(ST_Boundary(f)::geography, 150)::geometry, f) end as ref_a,
                       case when has_a then ST_Difference(ST_Buffer(a_edges::geography, 150)::geometry, f)
                            else ST_Difference(ST_Buffer(ST_Boundary(f)::geography, 150)::geometry, f) end as ref_b
                     from kept2 k where has_a or has_b)
            select ST_AsGeoJSON(s.f, 6) as geometry, ST_Area(s.f::geography) / 1e6 as area_km2,
                   (select c.id from corridor.countries c
                     where c.geom && (case when s.has_b then s.ref_a else s.f end)
                     order by ST_Area(ST_Intersection(ST_ClipByBox2D(c.geom, ST_Envelope(case when s.has_b then s.ref_a else s.f end)),
                                                      case when s.has_b then s.ref_a else s.f end)) desc limit 1) as state_a,
                   (select c.id from corridor.countries c
                     where c.geom && (case when s.has_a then s.ref_b else s.f end)
                     order by ST_Area(ST_Intersection(ST_ClipByBox2D(c.geom, ST_Envelope(case when s.has_a then s.ref_b else s.f end)),
                                                      case when s.has_a then s.ref_b else s.f end)) desc limit 1) as state_b,
                   (select array_agg(distinct l.section) from (select * from la union all select * from lb) l
                     where ST_Length(ST_Intersection(ST_Boundary(s.f), l.g)::geography) > 1) as sections,
                   (select array_agg(distinct l.id) from (select * from la union all select * from lb) l
                     where ST_Length(ST_Intersection(ST_Boundary(s.f), l.g)::geography) > 1) as line_ids,
                   (select array_agg(distinct p.name) from (
                       select c.name || coalesce(' (' || c.place || ')', '') as name, c.geom from corridor.checkpoints c
                       union all select d.name || coalesce(' (' || d.place || ')', ''), ST_PointOnSurface(d.geom) from corridor.disputed_areas d where d.geom is not null
                       union all select r.origin || ' (start of ' || r.id || ')', ST_StartPoint(r.geom) from corridor.routes r
                       union all select r.destination || ' (end of ' || r.id || ')', ST_EndPoint(r.geom) from corridor.routes r) p
                     where ST_Within(p.geom, s.f)) as places
              from strips s
             order by area_km2 desc
            """;

    private static final String SECTIONS = """
            with l as (select map_id, section, ST_Union(geom) as g, array_agg(id order by id) as ids
                         from corridor.boundary_lines where map_id in (:a, :b) and (cast(:section as text) is null or section = :section)
                        group by map_id, section)
            select coalesce(x.section, y.section) as section, x.ids as ids_a, y.ids as ids_b,
                   ST_Length(x.g::geography) / 1000 as length_a_km, ST_Length(y.g::geography) / 1000 as length_b_km,
                   case when x.g is not null and y.g is not null
                        then ST_HausdorffDistance(ST_Transform(x.g, 32638), ST_Transform(y.g, 32638)) end as hausdorff_m,
                   case when x.g is not null and y.g is not null then ST_Intersects(x.g, y.g) end as lines_meet
              from (select * from l where map_id = :a) x full join (select * from l where map_id = :b) y on x.section = y.section
             order by 1
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BoundaryComparison(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<String> knownMaps() {
        return jdbc.sql("select id from corridor.boundary_maps order by id").query(String.class).list();
    }

    List<String> knownSections() {
        return jdbc.sql("select distinct section from corridor.boundary_lines order by 1").query(String.class).list();
    }

    Map<String, Object> map(String id) {
        return jdbc.sql("select id, title, proposed_by, status, accuracy, sources from corridor.boundary_maps where id = :id")
                .param("id", id).query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getString("id"));
                    m.put("title", rs.getString("title"));
                    m.put("proposed_by", rs.getString("proposed_by"));
                    m.put("status", rs.getString("status"));
                    m.put("accuracy", rs.getString("accuracy"));
                    m.put("sources", Sources.array(rs, "sources"));
                    return m;
                }).single();
    }

    Map<String, Object> compare(String a, String b, String section, Set<String> sourceIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "FeatureCollection");
        Map<String, Object> mapA = map(a);
        Map<String, Object> mapB = map(b);
        @SuppressWarnings("unchecked")
        List<String> sa = (List<String>) mapA.get("sources");
        @SuppressWarnings("unchecked")
        List<String> sb = (List<String>) mapB.get("sources");
        sourceIds.addAll(sa);
        sourceIds.addAll(sb);
        body.put("a", mapA);
        body.put("b", mapB);
        if (section != null) {
            body.put("section", section);
        }
        List<Map<String, Object>> features = new ArrayList<>();
        Map<String, Double> directions = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<Map<String, Object>> placesDiffering = new ArrayList<>();
        double total = 0;
        int[] k = {0};
        for (Map<String, Object> f : jdbc.sql(FACES).param("a", a).param("b", b).param("section", section).query((rs, n) -> {
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("id", "face-" + (++k[0]));
            feature.put("geometry", json.readTree(rs.getString("geometry")));
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("area_km2", Sources.round(rs.getDouble("area_km2"), 3));
            p.put("state_a", rs.getString("state_a"));
            p.put("state_b", rs.getString("state_b"));
            p.put("direction", rs.getString("state_a") + "→" + rs.getString("state_b"));
            p.put("sections", Sources.array(rs, "sections"));
            p.put("lines", Sources.array(rs, "line_ids"));
            p.put("places", Sources.array(rs, "places"));
            feature.put("properties", p);
            return feature;
        }).list()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) f.get("properties");
            double area = (Double) p.get("area_km2");
            if (p.get("state_a") != null && p.get("state_a").equals(p.get("state_b"))) {
                notes.add(f.get("id") + " (" + area + " km²): both maps appear to assign it to " + p.get("state_a")
                        + " (side undetermined by the reference polygons); left out of the totals");
                p.put("direction", "undetermined");
            } else {
                directions.merge((String) p.get("direction"), area, Double::sum);
                total += area;
                @SuppressWarnings("unchecked")
                List<String> places = (List<String>) p.get("places");
                if (places != null) {
                    for (String place : places) {
                        Map<String, Object> pl = new LinkedHashMap<>();
                        pl.put("place", place);
                        pl.put("side_a", p.get("state_a"));
                        pl.put("side_b", p.get("state_b"));
                        pl.put("face", f.get("id"));
                        placesDiffering.add(pl);
                    }
                }
            }
            features.add(f);
        }
        directions.replaceAll((key, v) -> Sources.round(v, 3));
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Map<String, Object> s : jdbc.sql(SECTIONS).param("a", a).param("b", b).param("section", section).query((rs, n) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("section", rs.getString("section"));
            m.put("lines_a", Sources.array(rs, "ids_a"));
            m.put("lines_b", Sources.array(rs, "ids_b"));
            m.put("length_a_km", Sources.round(Sources.dbl(rs, "length_a_km"), 3));
            m.put("length_b_km", Sources.round(Sources.dbl(rs, "length_b_km"), 3));
            m.put("hausdorff_m", Sources.round(Sources.dbl(rs, "hausdorff_m"), 1));
            m.put("lines_meet", Sources.bool(rs, "lines_meet"));
            return m;
        }).list()) {
            if (s.get("lines_a") == null) {
                notes.add("section " + s.get("section") + ": map " + a + " has no line there; the maps do not overlap in this section");
            } else if (s.get("lines_b") == null) {
                notes.add("section " + s.get("section") + ": map " + b + " has no line there; the maps do not overlap in this section");
            } else if (Boolean.FALSE.equals(s.get("lines_meet"))) {
                notes.add("section " + s.get("section") + ": the two lines do not meet, so no area between them can be closed");
            }
            sections.add(s);
        }
        if (sections.isEmpty()) {
            notes.add("neither map has a line" + (section == null ? "" : " in section " + section) + "; nothing to compare");
        }
        jdbc.sql("select distinct unnest(sources) from corridor.boundary_lines where map_id in (:a, :b)")
                .param("a", a).param("b", b).query(String.class).list().forEach(sourceIds::add);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("area_km2", Sources.round(total, 3));
        totals.put("directions", directions);
        totals.put("meaning", "'X→Y': area map a assigns to X and map b assigns to Y");
        body.put("totals", totals);
        body.put("sections", sections);
        body.put("places_on_different_sides", placesDiffering);
        body.put("notes", notes);
        body.put("method", "faces of ST_Polygonize over the union of both maps' lines; geodesic area; sides from the reference "
                + "country polygons across each map's edges; Hausdorff distance in EPSG:32638");
        body.put("features", features);
        return body;
    }
}
