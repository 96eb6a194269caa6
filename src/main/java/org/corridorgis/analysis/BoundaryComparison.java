package org.corridorgis.analysis;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.corridorgis.web.DataVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Candidate map comparison.
 *
 * <p>Method: the pieces of each map's line that the other map does not share (1 mm tolerance) are where the
 * maps disagree. Map b's pieces are pinned exactly onto a's line at their ends, both are noded together and
 * polygonized (ST_Polygonize); an area counts where its outline follows a piece only one map draws (so a
 * ring only one map draws, such as an exclave, counts too). Lines built from polygon edges have gaps where
 * the polygons do not quite meet; gaps in a's line under 3 km are bridged by straight segments so that areas
 * across them still close, which adds at most the sliver between the bridge and the true edge. Comparing a
 * map with itself finds no piece, hence zero area; swapping a and b finds the same areas with the directions
 * swapped.
 *
 * <p>Which state a map assigns an area to: under map a the area belongs to the state on the far side of b's
 * part of its outline (crossing b's line changes nothing under a), found in the reference country polygons
 * (corridor.countries) at a point just outside the outline; likewise for b. An area inside a ring only one
 * map draws belongs, under that map, to the country inside it and, under the other, to the country around
 * it; such a ring counts only when the other map is a whole map (it draws at least half of the sections the
 * first draws), since a map of one section says nothing about rings elsewhere. Areas are geodesic
 * (geography); the Hausdorff distance is measured in UTM 38N (EPSG:32638). Areas under 1 000 m² are
 * numerical slivers and are dropped.
 */
@Component
class BoundaryComparison {

    private static final String FACES = """
            with la as materialized (  -- each map's line as one MultiLineString, contiguous parts merged
                   select coalesce(ST_LineMerge(ST_Collect(d.geom)), 'SRID=4326;MULTILINESTRING EMPTY'::geometry) as g
                     from corridor.boundary_lines l cross join lateral ST_Dump(l.geom) d
                    where l.map_id = :a and (cast(:section as text) is null or l.section = :section)),
                 lb as materialized (
                   select coalesce(ST_LineMerge(ST_Collect(d.geom)), 'SRID=4326;MULTILINESTRING EMPTY'::geometry) as g
                     from corridor.boundary_lines l cross join lateral ST_Dump(l.geom) d
                    where l.map_id = :b and (cast(:section as text) is null or l.section = :section)),
                 -- the pieces of each map's line that the other does not share (1 mm tolerance)
                 only_b as materialized (
                   select (ST_Dump(ST_LineMerge(ST_Difference(lb.g, ST_Buffer(la.g, 1e-8, 'quad_segs=1'))))).geom as p from la, lb),
                 only_a as materialized (
                   select (ST_Dump(ST_LineMerge(ST_Difference(la.g, ST_Buffer(lb.g, 1e-8, 'quad_segs=1'))))).geom as p from la, lb),
                 -- b's pieces end within a millimetre of a's line, not on it: put their ends exactly on it
                 pinned as materialized (
                   select case when ST_IsClosed(o.p) or ST_IsEmpty(la.g) then o.p
                               else ST_SetPoint(ST_SetPoint(o.p, 0, ST_ClosestPoint(la.g, ST_StartPoint(o.p))),
                                                ST_NPoints(o.p) - 1, ST_ClosestPoint(la.g, ST_EndPoint(o.p))) end as p
                     from only_b o, la),
                 a_pinned as materialized (
                   select coalesce(ST_Snap(la.g, x.pts, 1e-6), la.g) as g
                     from la, (select ST_Collect(ST_Collect(ST_StartPoint(p), ST_EndPoint(p))) as pts
                                 from pinned where not ST_IsClosed(p)) x),
                 -- a line drawn from polygon edges can have gaps; gaps under 3 km are bridged by straight segments
                 -- (between two parts, or the two ends of one part that nearly closes on itself: a ring drawn from
                 -- polygon edges, such as an exclave's, that is open where the polygons part, at least 5 times as long
                 -- as its gap)
                 a_ends as materialized (
                   select d.path[1] as n, ST_StartPoint(d.geom) as e, ST_Length(d.geom::geography) as len
                     from a_pinned, ST_Dump(a_pinned.g) d where not ST_IsClosed(d.geom)
                   union all
                   select d.path[1], ST_EndPoint(d.geom), ST_Length(d.geom::geography)
                     from a_pinned, ST_Dump(a_pinned.g) d where not ST_IsClosed(d.geom)),
                 bridges as materialized (
                   select ST_MakeLine(x.e, y.e) as g from a_ends x
                   cross join lateral (select e from a_ends y
                                        where (y.n <> x.n or (not ST_Equals(y.e, x.e) and y.len > 5 * ST_Distance(x.e::geography, y.e::geography)))
                                          and y.e && ST_Expand(x.e, 0.05)
                                        order by ST_Distance(x.e::geography, y.e::geography) limit 1) y
                    where ST_DWithin(x.e::geography, y.e::geography, 3000)),
                 faces as materialized (
                   select (ST_Dump(ST_Polygonize(ST_Node(ST_CollectionExtract(ST_Collect(ARRAY[a_pinned.g,
                            (select ST_Collect(p) from pinned), (select ST_Collect(g) from bridges)]), 2))))).geom as f
                     from a_pinned),
                 -- an area counts where its outline follows a piece only one map draws
                 outlined as materialized (
                   select f, ST_Boundary(f) as edge,
                          (select ST_Collect(p) from pinned where ST_DWithin(ST_Boundary(f), ST_PointOnSurface(p), 1e-7)) as b_only,
                          (select ST_Collect(p) from only_a where ST_DWithin(ST_Boundary(f), ST_PointOnSurface(p), 1e-7)) as a_only,
                          ST_Area(f::geography) as m2
                     from faces),
                 kept as materialized (
                   select f, m2, b_only is null as ring_of_a,
                          b_only is not null and ST_Length(ST_Difference(edge, ST_Buffer(b_only, 1e-7, 'quad_segs=1'))) < 0.1 * ST_Length(edge) as ring_of_b,
                          corridor.point_beside(b_only, f) as beyond_b,  -- just outside the outline, by b's part of it
                          corridor.point_beside(case when b_only is null then edge
                                                     else ST_Difference(edge, ST_Buffer(b_only, 1e-7, 'quad_segs=1')) end, f) as beyond_a,
                          coalesce(b_only, a_only) as own_part
                     from outlined
                    where m2 >= 1000
                      and (b_only is not null
                           -- a ring only a draws counts when b is a whole map, not a partial one that says nothing there:
                           -- b draws at least half of the sections a draws
                           -- (its outline may cross a bridged gap, for under a tenth of its length)
                           or (a_only is not null
                               and ST_IsEmpty(ST_Difference(edge, ST_Buffer(ST_Collect(a_only, (select ST_Collect(g) from bridges)), 1e-7, 'quad_segs=1')))
                               and ST_Length(ST_Difference(edge, ST_Buffer(a_only, 1e-7, 'quad_segs=1'))) < 0.1 * ST_Length(edge)
                               and 2 * (select count(distinct section) from corridor.boundary_lines where map_id = :b)
                                     >= (select count(distinct section) from corridor.boundary_lines where map_id = :a))))
            select ST_AsGeoJSON(ST_ForcePolygonCCW(k.f), 6) as geometry, k.m2 / 1e6 as area_km2,
                   case when k.ring_of_a then corridor.country_at(ST_PointOnSurface(k.f)) else corridor.country_at(k.beyond_b) end as state_a,
                   case when k.ring_of_b then corridor.country_at(ST_PointOnSurface(k.f))
                        when k.ring_of_a then corridor.country_at(k.beyond_a)
                        else corridor.country_at(k.beyond_a) end as state_b,
                   (select array_agg(distinct l.section order by l.section) from corridor.boundary_lines l
                     where l.map_id in (:a, :b) and (cast(:section as text) is null or l.section = :section)
                       and l.geom && ST_Expand(k.f, 1e-6) and ST_DWithin(l.geom, ST_PointOnSurface(k.own_part), 1e-6)) as sections,
                   (select array_agg(distinct l.id order by l.id) from corridor.boundary_lines l
                     where l.map_id in (:a, :b) and (cast(:section as text) is null or l.section = :section)
                       and l.geom && ST_Expand(k.f, 1e-6) and ST_Length(ST_Intersection(l.geom, ST_Buffer(ST_Boundary(k.f), 1e-7, 'quad_segs=1'))) > 1e-4) as line_ids,
                   (select array_agg(distinct p.name) from (
                       select c.name || coalesce(' (' || c.place || ')', '') as name, c.geom from corridor.checkpoints c
                       union all select d.name || coalesce(' (' || d.place || ')', ''), ST_PointOnSurface(d.geom) from corridor.disputed_areas d where d.geom is not null
                       union all select r.origin || ' (start of ' || r.id || ')', ST_StartPoint(r.geom) from corridor.routes r
                       union all select r.destination || ' (end of ' || r.id || ')', ST_EndPoint(r.geom) from corridor.routes r) p
                     where p.geom && k.f and ST_Within(p.geom, k.f)) as places
              from kept k
             order by area_km2 desc
            """;



    private static final String SECTIONS = """
            with l as (select map_id, section, ST_Union(geom) as g, array_agg(id order by id) as ids
                         from corridor.boundary_lines where map_id in (:map_a, :map_b) and (cast(:section as text) is null or section = :section)
                        group by map_id, section)
            select coalesce(x.section, y.section) as section, x.ids as ids_a, y.ids as ids_b,
                   ST_Length(x.g::geography) / 1000 as length_a_km, ST_Length(y.g::geography) / 1000 as length_b_km,
                   case when x.g is not null and y.g is not null
                        then ST_HausdorffDistance(ST_Transform(x.g, 32638), ST_Transform(y.g, 32638)) end as hausdorff_m,
                   case when x.g is not null and y.g is not null then ST_Intersects(x.g, y.g) end as lines_meet
              from (select * from l where map_id = :map_a) x full join (select * from l where map_id = :map_b) y on x.section = y.section
            """;

    /**
     * The exclaves (disputed areas of kind exclave, or named so), each with the maps of this comparison that draw
     * its outline (over half its perimeter within a metre of the map's lines) and the numbers of the areas between
     * the lines that hold it ({@code numbered}, in {@link #COMPARISON}). An exclave no map draws (Karki: the
     * OSM-derived reference polygons do not separate it) is listed with its own stored shape and accuracy, never
     * counted in the areas.
     */
    private static final String EXCLAVES = """
            select d.id, d.name, d.claimed_by, d.controlled_by, d.since, d.accuracy, d.area_km2, d.cited_area_km2, d.note,
                   d.sources, case when d.geom is not null then ST_AsGeoJSON(d.geom, 6) end as geometry,
                   (select array_agg(distinct m order by m) from unnest(array[cast(:a as text), cast(:b as text)]) m
                     where d.geom is not null
                       and (select coalesce(sum(ST_Length(ST_Intersection(l.geom, ST_Buffer(ST_Boundary(d.geom), 1e-5, 'quad_segs=1'))::geography)), 0)
                              from corridor.boundary_lines l
                             where l.map_id = m and (cast(:section as text) is null or l.section = :section)
                               and l.geom && ST_Expand(d.geom, 1e-4)) > 0.5 * ST_Perimeter(d.geom::geography)) as drawn_by,
                   (select array_agg(f.n order by f.n) from numbered f
                     where d.geom is not null
                       and ST_Intersects(ST_SetSRID(ST_GeomFromGeoJSON(f.geometry), 4326), ST_PointOnSurface(d.geom))) as face_numbers
              from corridor.disputed_areas d
             where d.kind = 'exclave' or d.name like '%exclave%'
            """;

    /**
     * The comparison's rows in one statement: the areas between the lines ({@link #FACES}: {@code :a} and {@code :b}
     * are the base map first), numbered by size, the sections of the two maps in the order asked ({@code :map_a},
     * {@code :map_b}) and the exclaves with the numbers of the areas that hold them.
     */
    private static final String COMPARISON = """
            with faces as (%s),
                 numbered as (select row_number() over (order by area_km2 desc) as n, f.* from faces f)
            select (select json_agg(f order by f.n) from numbered f) as faces,
                   (select json_agg(s order by s.section) from (%s) s) as sections,
                   (select json_agg(x order by x.id) from (%s) x) as exclaves
            """.formatted(FACES.strip().replaceFirst("(?s)\\s+order by area_km2 desc$", ""), SECTIONS.strip(), EXCLAVES.strip());

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

    /**
     * What the comparison needs to know of the two maps, read in one statement: each map's record, whether it
     * draws any line and how long its lines are (the longer is the base), the sources of its lines, and whether
     * the section asked for exists. A map id that is not stored has no entry.
     */
    Maps maps(String a, String b, String section) {
        Map<String, MapFacts> byId = new LinkedHashMap<>();
        boolean[] sectionKnown = {section == null};
        DataVersion.Snapshot[] version = {null};
        List<Citation> citations = new ArrayList<>();
        jdbc.sql("""
                select m.id, m.title, m.proposed_by, m.status, m.accuracy, m.sources,
                       coalesce((select sum(ST_Length(l.geom::geography)) from corridor.boundary_lines l where l.map_id = m.id), 0) as length_m,
                       exists (select 1 from corridor.boundary_lines l where l.map_id = m.id) as has_lines,
                       (select array_agg(distinct s order by s) from corridor.boundary_lines l, unnest(l.sources) s where l.map_id = m.id) as line_sources,
                       (cast(:section as text) is null or exists (select 1 from corridor.boundary_lines l where l.section = :section)) as section_known,
                       v.v as data_version, v.at as data_changed_at,
                       (select json_agg(json_build_object('id', s.id, 'title', s.title, 'publisher', s.publisher, 'reference', s.reference)
                                        order by s.id)
                          from corridor.sources s
                         where s.id in (select unnest(x.sources) from corridor.boundary_maps x where x.id in (:a, :b)
                                        union select unnest(l.sources) from corridor.boundary_lines l where l.map_id in (:a, :b))) as citations
                  from corridor.boundary_maps m cross join (%s) v where m.id in (:a, :b)""".formatted(DataVersion.CURRENT_SQL))
                .param("a", a).param("b", b).param("section", section).query(rs -> {
                    MapComparison.BoundaryMap map = new MapComparison.BoundaryMap(rs.getString("id"), rs.getString("title"),
                            rs.getString("proposed_by"), rs.getString("status"), rs.getString("accuracy"), Sources.array(rs, "sources"));
                    List<String> lineSources = Sources.array(rs, "line_sources");
                    byId.put(map.id(), new MapFacts(map, rs.getBoolean("has_lines"), rs.getDouble("length_m"),
                            lineSources == null ? List.of() : lineSources));
                    sectionKnown[0] = rs.getBoolean("section_known");
                    version[0] = new DataVersion.Snapshot(rs.getLong("data_version"), rs.getObject("data_changed_at", OffsetDateTime.class));
                    citations.clear();
                    citations.addAll(Citation.rows(rs, "citations"));
                });
        return new Maps(byId, sectionKnown[0], version[0], citations);
    }

    /** A map's record as the answer shows it, and the facts of its lines the comparison uses. */
    record MapFacts(MapComparison.BoundaryMap map, boolean hasLines, double lengthM, List<String> lineSources) {
    }

    /**
     * The maps found by {@link #maps}, by id, whether the section asked for (if any) exists, the data version they
     * were read at (null when neither map exists) and the citations of every source of the maps and their lines.
     */
    record Maps(Map<String, MapFacts> byId, boolean sectionKnown, DataVersion.Snapshot version, List<Citation> citations) {

        /** The citations of these sources, in id order. */
        List<Citation> cite(Set<String> sourceIds) {
            return citations.stream().filter(c -> sourceIds.contains(c.id())).toList();
        }

        boolean has(String id) {
            return byId.containsKey(id);
        }
    }

    /**
     * Each exclave with its status (who claims it, who controls it), whether the maps compared draw it and, if so,
     * the areas between the lines that hold it; one drawn by neither map gets a note and stays out of the totals.
     */
    private List<MapComparison.Exclave> exclaves(String rowsJson, List<MapComparison.Face> faces, List<String> notes,
            Set<String> sourceIds) {
        List<MapComparison.Exclave> exclaves = new ArrayList<>();
        for (JsonNode row : rowsJson == null ? List.<JsonNode>of() : json.readTree(rowsJson)) {
            String name = Sources.text(row, "name");
            List<String> drawnBy = Sources.texts(row, "drawn_by");
            List<String> inFaces = null;
            if (row.hasNonNull("face_numbers")) {
                inFaces = new ArrayList<>();
                for (JsonNode n : row.get("face_numbers")) {
                    // the faces are numbered in the order the answer lists them (face-1 the largest)
                    inFaces.add(faces.get(n.asInt() - 1).label());
                }
            }
            String status = "claimed by " + Sources.text(row, "claimed_by") + ", controlled by " + Sources.text(row, "controlled_by") + "; ";
            if (Sources.text(row, "geometry") == null) {
                status += "no polygon (" + Sources.text(row, "note") + ")";
            } else if (inFaces != null) {
                status += "between the lines: " + String.join(", ", inFaces);
            } else if (drawnBy != null) {
                status += "drawn by " + String.join(" and ", drawnBy) + ", no area between the lines holds it";
            } else {
                status += "drawn by neither map; shown from disputed-areas/" + Sources.text(row, "id") + " ("
                        + Sources.text(row, "accuracy") + ": " + Sources.text(row, "note") + "), not counted in the areas";
                notes.add(name + ": " + status);
            }
            List<String> src = Sources.texts(row, "sources");
            if (src != null) {
                sourceIds.addAll(src);
            }
            exclaves.add(new MapComparison.Exclave(Sources.text(row, "id"), name, Sources.text(row, "claimed_by"),
                    Sources.text(row, "controlled_by"), Sources.text(row, "since"), Sources.text(row, "accuracy"),
                    Sources.number(row, "area_km2"), Sources.number(row, "cited_area_km2"), drawnBy == null ? List.of() : drawnBy,
                    inFaces == null ? List.of() : inFaces, inFaces != null, status,
                    Sources.text(row, "geometry") == null ? null : json.readTree(Sources.text(row, "geometry"))));
        }
        return exclaves;
    }

    /** Whether map x's line is the better base for the comparison than y's: longer, then by id. */
    private static boolean baseFirst(MapFacts x, MapFacts y) {
        return x.lengthM() > y.lengthM() || (x.lengthM() == y.lengthM() && x.map().id().compareTo(y.map().id()) < 0);
    }

    static final String DIRECTION_MEANING = "'X→Y': area map a assigns to X and map b assigns to Y";
    static final String METHOD = "areas enclosed between the pieces of line the maps do not share (and rings only one map draws); "
            + "geodesic area; each map's side from the reference country polygons just across the other map's part of "
            + "the outline; Hausdorff distance in EPSG:32638";

    /** The comparison of maps a and b (both in {@code maps}), in one section or all, with the citations of every source used. */
    MapComparison compare(Maps maps, String a, String b, String section) {
        MapFacts factsA = maps.byId().get(a), factsB = maps.byId().get(b);
        Set<String> sourceIds = new LinkedHashSet<>();
        sourceIds.addAll(factsA.map().sources());
        sourceIds.addAll(factsB.map().sources());
        // a map that publishes no line (a stated map basis) cannot be compared: say so rather than report 0 km²
        List<String> lineless = java.util.stream.Stream.of(factsA, factsB).filter(f -> !f.hasLines())
                .map(f -> f.map().id()).distinct().sorted().toList();
        if (!lineless.isEmpty()) {
            String reason = "not comparable: " + String.join(" and ", lineless) + " publishes no line (a map basis is stated, no line is drawn)";
            return new MapComparison(factsA.map(), factsB.map(), section, false, MapComparison.Totals.notComparable(), null, null, null,
                    List.of(reason), null, List.of(), maps.cite(sourceIds));
        }
        // The areas are computed with the longer line as the base (its gaps are bridged), so that a and b in
        // either order give the same areas, with the directions swapped.
        boolean swap = !a.equals(b) && baseFirst(factsB, factsA);
        String first = swap ? b : a, second = swap ? a : b;
        String stateA = swap ? "state_b" : "state_a", stateB = swap ? "state_a" : "state_b";
        String[] rows = jdbc.sql(COMPARISON).param("a", first).param("b", second).param("map_a", a).param("map_b", b)
                .param("section", section)
                .query((rs, n) -> new String[] {rs.getString("faces"), rs.getString("sections"), rs.getString("exclaves")}).single();
        List<MapComparison.Face> faces = new ArrayList<>();
        Map<String, Double> directions = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<MapComparison.PlaceOnSides> placesDiffering = new ArrayList<>();
        double total = 0;
        for (JsonNode row : rows[0] == null ? List.<JsonNode>of() : json.readTree(rows[0])) {
            String id = "face-" + (faces.size() + 1);
            double area = Sources.round(row.get("area_km2").asDouble(), 3);
            String underA = Sources.text(row, stateA), underB = Sources.text(row, stateB);
            List<String> places = Sources.texts(row, "places");
            String direction;
            if (underA != null && underA.equals(underB)) {
                notes.add(id + " (" + area + " km²): both maps appear to assign it to " + underA
                        + " (side undetermined by the reference polygons); left out of the totals");
                direction = "undetermined";
            } else {
                direction = underA + "→" + underB;
                directions.merge(direction, area, Double::sum);
                total += area;
                if (places != null) {
                    for (String place : places) {
                        placesDiffering.add(new MapComparison.PlaceOnSides(place, underA, underB, id));
                    }
                }
            }
            faces.add(new MapComparison.Face(id, json.readTree(Sources.text(row, "geometry")), new MapComparison.FaceProperties(area,
                    underA, underB, direction, Sources.texts(row, "sections"), Sources.texts(row, "line_ids"), places)));
        }
        directions.replaceAll((key, v) -> Sources.round(v, 3));
        List<MapComparison.Section> sections = new ArrayList<>();
        for (JsonNode row : rows[1] == null ? List.<JsonNode>of() : json.readTree(rows[1])) {
            MapComparison.Section s = new MapComparison.Section(Sources.text(row, "section"), Sources.texts(row, "ids_a"),
                    Sources.texts(row, "ids_b"), Sources.round(Sources.number(row, "length_a_km"), 3),
                    Sources.round(Sources.number(row, "length_b_km"), 3), Sources.round(Sources.number(row, "hausdorff_m"), 1),
                    Sources.bool(row, "lines_meet"));
            if (s.linesA() == null) {
                notes.add("section " + s.section() + ": map " + a + " has no line there; the maps do not overlap in this section");
            } else if (s.linesB() == null) {
                notes.add("section " + s.section() + ": map " + b + " has no line there; the maps do not overlap in this section");
            } else if (Boolean.FALSE.equals(s.linesMeet())) {
                notes.add("section " + s.section() + ": the two lines do not meet, so no area between them can be closed");
            }
            sections.add(s);
        }
        if (sections.isEmpty()) {
            notes.add("neither map has a line" + (section == null ? "" : " in section " + section) + "; nothing to compare");
        }
        sourceIds.addAll(factsA.lineSources());
        sourceIds.addAll(factsB.lineSources());
        MapComparison.Totals totals = new MapComparison.Totals(Sources.round(total, 3), directions, DIRECTION_MEANING, null);
        List<MapComparison.Exclave> exclaves = exclaves(rows[2], faces, notes, sourceIds);
        return new MapComparison(factsA.map(), factsB.map(), section, true, totals, sections, placesDiffering, exclaves, notes, METHOD,
                faces, maps.cite(sourceIds));
    }
}
