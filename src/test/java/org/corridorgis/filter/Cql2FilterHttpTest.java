package org.corridorgis.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.corridorgis.catalog.Catalog;
import org.corridorgis.catalog.Collection;
import org.corridorgis.support.PostgisIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * CQL2 through {@code /collections/{id}/items} against the real seed data: every conformance class with features
 * that must and must not match (cross-checked with hand-written SQL where useful), composition with the other
 * query parameters, the discovery resources, and hostile filters.
 */
@PostgisIntegrationTest
class Cql2FilterHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    Cql2Http http() {
        return new Cql2Http(port);
    }

    TreeSet<String> ids(String collection, String filter) {
        return http().ids(collection, filter);
    }

    TreeSet<String> idsJson(String collection, String filterJson) {
        Cql2Http.Answer a = http().itemsJson(collection, filterJson, null);
        assertEquals(200, a.status(), () -> filterJson + ": " + a.body());
        return a.ids();
    }

    /** Ids from SQL written by hand on the collection's table (alias t). */
    TreeSet<String> sql(String table, String where) {
        return new TreeSet<>(jdbc.sql("select t.id from corridor." + table.replace('-', '_') + " t where " + where).query(String.class).list());
    }

    static TreeSet<String> set(String... ids) {
        return new TreeSet<>(Arrays.asList(ids));
    }

    void matches(String collection, String filter, Set<String> mustMatch, Set<String> mustNotMatch) {
        TreeSet<String> got = ids(collection, filter);
        assertTrue(got.containsAll(mustMatch), () -> filter + ": expected to contain " + mustMatch + " but got " + got);
        for (String id : mustNotMatch) {
            assertFalse(got.contains(id), () -> filter + ": must not match " + id + " but got " + got);
        }
    }

    void badRequest(String collection, String filter) {
        Cql2Http.Answer a = http().items(collection, filter, null);
        assertEquals(400, a.status(), () -> filter + ": " + a.body());
        assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
    }

    // ---- Basic CQL2 -------------------------------------------------------------------------------------------

    @Nested
    class BasicCql2 {
        @Test
        void comparisonsAndLogic() {
            assertEquals(sql("checkpoints", "status = 'operating'"), ids("checkpoints", "status = 'operating'"));
            matches("checkpoints", "status = 'operating'", set("agarak-nurduz", "astara-astara", "julfa-jolfa"),
                set("agarak-post", "margara", "sadarak-dilucu"));
            assertEquals(set("baku-nakhchivan-via-aras-corridor-iran"),
                ids("routes", "status <> 'operating' AND A_CONTAINS(via, ('IRN'))"));
            TreeSet<String> notOperating = ids("checkpoints", "NOT (status = 'operating')");
            assertEquals(sql("checkpoints", "status <> 'operating'"), notOperating);
            assertTrue(notOperating.contains("margara") && !notOperating.contains("astara-astara"));
            assertEquals(set("agarak-nurduz", "sadarak-dilucu"),
                ids("checkpoints", "id = 'agarak-nurduz' OR (kind = 'border crossing' AND status = 'unknown')"));
            assertEquals(set("tavush-gazakh-2024:tavush-gazakh"), ids("boundary-lines", "agreed = true"));
            assertEquals(45, ids("boundary-lines", "agreed = false").size()); // 46 lines (5 de facto maps), one agreed
            assertEquals(sql("control-regimes", "customs_control"), ids("control-regimes", "customs_control = TRUE"));
            assertEquals(set("international-transit", "national", "tripp"), ids("control-regimes", "customs_control"));
            assertEquals(set("domestic", "uninspected-transit"), ids("control-regimes", "NOT customs_control"));
        }

        @Test
        void numbersAndDates() {
            TreeSet<String> big2022 = ids("disputed-areas", "area_km2 > 10 AND since >= DATE('2022-01-01')");
            assertEquals(sql("disputed-areas".replace('-', '_'), "area_km2 > 10 and since >= date '2022-01-01'"), big2022);
            assertTrue(big2022.contains("sept-2022-jermuk"), big2022::toString);
            assertFalse(big2022.contains("mar-2023-tegh") || big2022.contains("may-2021-sisian")
                || big2022.contains("nerkin-hand-2022"), big2022::toString); // small, too early, no geometry
            assertEquals(ids("disputed-areas", "since >= '2022-01-01'"), ids("disputed-areas", "since >= DATE('2022-01-01')"));
            assertEquals(sql("disputed_areas", "cited_area_km2 <= 20"), ids("disputed-areas", "cited_area_km2 <= 20"));
        }

        @Test
        void isNull() {
            assertEquals(set("nerkin-hand-2022", "sofulu", "tavush-ararat-1990s"), ids("disputed-areas", "geom IS NULL"));
            TreeSet<String> withGeometry = ids("disputed-areas", "geometry IS NOT NULL");
            assertEquals(14, withGeometry.size());
            assertFalse(withGeometry.contains("sofulu"));
            assertEquals(sql("checkpoints", "valid_from is null"), ids("checkpoints", "valid_from IS NULL"));
            assertFalse(ids("checkpoints", "valid_from IS NULL").contains("margara"));
        }

        @Test
        void jsonFormGivesTheSameFeatures() {
            assertEquals(ids("routes", "status <> 'operating' AND A_CONTAINS(via, ('IRN'))"), idsJson("routes",
                "{\"op\":\"and\",\"args\":[{\"op\":\"<>\",\"args\":[{\"property\":\"status\"},\"operating\"]},"
                    + "{\"op\":\"a_contains\",\"args\":[{\"property\":\"via\"},[\"IRN\"]]}]}"));
            assertEquals(ids("disputed-areas", "area_km2 > 10 AND since >= DATE('2022-01-01')"), idsJson("disputed-areas",
                "{\"op\":\"and\",\"args\":[{\"op\":\">\",\"args\":[{\"property\":\"area_km2\"},10]},"
                    + "{\"op\":\">=\",\"args\":[{\"property\":\"since\"},{\"date\":\"2022-01-01\"}]}]}"));
            assertEquals(set("nerkin-hand-2022", "sofulu", "tavush-ararat-1990s"),
                idsJson("disputed-areas", "{\"op\":\"isNull\",\"args\":[{\"property\":\"geom\"}]}"));
        }
    }

    // ---- Advanced comparison operators -------------------------------------------------------------------------

    @Nested
    class AdvancedComparison {
        @Test
        void like() {
            assertEquals(set("agarak-nurduz", "agarak-post"), ids("checkpoints", "name LIKE 'Agarak%'"));
            assertEquals(set(), ids("checkpoints", "name LIKE 'agarak%'"));
            TreeSet<String> notLike = ids("checkpoints", "name NOT LIKE '%(proposed)'");
            assertEquals(sql("checkpoints", "name not like '%(proposed)'"), notLike);
            assertFalse(notLike.contains("sotk") || notLike.contains("angeghakot"));
            assertEquals(set("agarak-nurduz", "agarak-post"), ids("checkpoints", "name LIKE 'Agara_%'"));
        }

        @Test
        void betweenAndIn() {
            TreeSet<String> between = ids("disputed-areas", "cited_area_km2 BETWEEN 10 AND 50");
            assertEquals(sql("disputed_areas", "cited_area_km2 between 10 and 50"), between);
            assertTrue(between.contains("karki") && !between.contains("mar-2023-tegh"), between::toString);
            assertEquals(sql("disputed_areas", "not (cited_area_km2 between 10 and 50)"),
                ids("disputed-areas", "cited_area_km2 NOT BETWEEN 10 AND 50"));
            assertEquals(set("agarak-post", "angeghakot", "nrnadzor-post", "sadarak-dilucu", "sotk", "yeraskh"),
                ids("checkpoints", "status IN ('proposed', 'unknown')"));
            TreeSet<String> notIn = ids("checkpoints", "status NOT IN ('proposed', 'unknown', 'operating')");
            // as geodata/checkpoints.geojson records them
            assertEquals(set("aghband-kalaleh-bridge", "ijevan-gazakh-rail-crossing", "lachin-corridor-crossing", "margara"), notIn);
        }
    }

    // ---- CASEI / ACCENTI ---------------------------------------------------------------------------------------

    @Nested
    class CaseAndAccentInsensitive {
        @Test
        void casei() {
            assertEquals(set("agarak-nurduz", "agarak-post"), ids("checkpoints", "CASEI(name) LIKE CASEI('%AGARAK%')"));
            assertEquals(set(), ids("checkpoints", "name LIKE '%AGARAK%'"));
            // not only ASCII: the database's locale must not matter
            assertEquals(set("TUR"), ids("countries", "CASEI(name) = CASEI('TÜRKIYE')"));
            assertEquals(set(), ids("countries", "name = 'TÜRKIYE'"));
        }

        @Test
        void accenti() {
            assertEquals(set("TUR"), ids("countries", "ACCENTI(name) = ACCENTI('Turkiye')"));
            assertEquals(set(), ids("countries", "name = 'Turkiye'"));
            assertEquals(set("kars-igdir-dilucu-nakhchivan-rail"), ids("routes", "ACCENTI(name) LIKE ACCENTI('%Iğdir%')"));
            assertEquals(set("kars-igdir-dilucu-nakhchivan-rail"), ids("routes", "ACCENTI(name) LIKE '%Igdir%'"));
            assertEquals(set(), ids("routes", "name LIKE '%Igdir%'"));
            assertEquals(set("TUR"), ids("countries", "CASEI(ACCENTI(name)) = CASEI(ACCENTI('TURKİYE'))"));
        }
    }

    // ---- Basic spatial -----------------------------------------------------------------------------------------

    @Nested
    class BasicSpatial {
        @Test
        void pointsAndBbox() {
            TreeSet<String> box = ids("checkpoints", "S_INTERSECTS(geom, BBOX(46, 38.5, 47, 39.5))");
            assertEquals(sql("checkpoints", "ST_Intersects(t.geom, ST_MakeEnvelope(46, 38.5, 47, 39.5, 4326))"), box);
            assertEquals(set("agarak-nurduz", "agarak-post", "aghband-kalaleh-bridge", "nrnadzor-post"), box);
            assertEquals(set("agarak-nurduz"), ids("checkpoints", "S_INTERSECTS(geometry, POINT(46.19569 38.85239))"));
            assertEquals(set("ARM"), ids("countries", "S_INTERSECTS(geom, POINT(44.5 40.18))"));
            assertEquals(set("agarak-nurduz"), idsJson("checkpoints",
                "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"},{\"type\":\"Point\",\"coordinates\":[46.19569,38.85239]}]}"));
            assertEquals(box, idsJson("checkpoints",
                "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"},{\"bbox\":[46,38.5,47,39.5]}]}"));
        }
    }

    // ---- Spatial functions -------------------------------------------------------------------------------------

    @Nested
    class SpatialFunctions {
        @Test
        void allRelations() {
            assertEquals(set("ARM"), ids("countries", "S_CONTAINS(geom, POINT(44.5 40.18))"));
            TreeSet<String> within = ids("checkpoints", "S_WITHIN(geom, POLYGON((46 38.5, 47 38.5, 47 39.5, 46 39.5, 46 38.5)))");
            assertEquals(set("agarak-nurduz", "agarak-post", "aghband-kalaleh-bridge", "nrnadzor-post"), within);
            TreeSet<String> disjoint = ids("checkpoints", "S_DISJOINT(geom, BBOX(46, 38.5, 47, 39.5))");
            assertEquals(13, disjoint.size()); // 17 checkpoints, 4 within
            assertTrue(disjoint.stream().noneMatch(within::contains));
            assertEquals(set("agarak-nurduz"), ids("checkpoints", "S_EQUALS(geom, POINT(46.19569 38.85239))"));

            String line = "LINESTRING(46.25 38.7, 46.25 39.2)";
            TreeSet<String> crosses = ids("routes", "S_CROSSES(geom, " + line + ")");
            assertEquals(sql("routes", "ST_Crosses(t.geom, ST_GeomFromText('" + line + "', 4326))"), crosses);
            assertTrue(crosses.contains("baku-nakhchivan-via-meghri") && !crosses.contains("kars-igdir-dilucu-nakhchivan-rail"),
                crosses::toString);

            TreeSet<String> overlaps = ids("countries", "S_OVERLAPS(geom, BBOX(44, 39, 46, 41))");
            assertEquals(sql("countries", "ST_Overlaps(t.geom, ST_MakeEnvelope(44, 39, 46, 41, 4326))"), overlaps);
            assertTrue(overlaps.contains("ARM") && !overlaps.contains("RUS"), overlaps::toString);

            // the start point of a route touches that route (it lies on its boundary), not its interior
            Map<String, Object> start = jdbc.sql("select ST_X(ST_StartPoint(geom)) x, ST_Y(ST_StartPoint(geom)) y "
                + "from corridor.routes where id = 'kars-igdir-dilucu-nakhchivan-rail'").query().singleRow();
            String p = "POINT(" + start.get("x") + " " + start.get("y") + ")";
            TreeSet<String> touches = ids("routes", "S_TOUCHES(geom, " + p + ")");
            assertTrue(touches.contains("kars-igdir-dilucu-nakhchivan-rail"), touches::toString);
            assertFalse(touches.contains("baku-nakhchivan-via-meghri"));
            assertEquals(sql("routes", "ST_Touches(t.geom, ST_GeomFromText('" + p + "', 4326))"), touches);
        }

        @Test
        void wktAndGeoJsonLiterals() {
            assertEquals(ids("countries", "S_INTERSECTS(geom, MULTIPOINT((44.5 40.18), (49.87 40.4)))"), set("ARM", "AZE"));
            assertEquals(set("ARM", "AZE"), idsJson("countries", "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"},"
                + "{\"type\":\"MultiPoint\",\"coordinates\":[[44.5,40.18],[49.87,40.4]]}]}"));
            assertEquals(set("IRN"), ids("countries",
                "S_CONTAINS(geom, POLYGON((46.5 38.2, 46.6 38.2, 46.6 38.3, 46.5 38.3, 46.5 38.2)))"));
            assertEquals(set("IRN"), idsJson("countries", "{\"op\":\"s_contains\",\"args\":[{\"property\":\"geom\"},"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[46.5,38.2],[46.6,38.2],[46.6,38.3],[46.5,38.3],[46.5,38.2]]]}]}"));
        }
    }

    // ---- Temporal ----------------------------------------------------------------------------------------------

    @Nested
    class Temporal {
        @Test
        void instantsAndIntervals() {
            assertEquals(set("aghband-kalaleh-bridge", "margara"), ids("checkpoints", "T_AFTER(valid_from, DATE('2025-01-01'))"));
            // the Lachin corridor crossing from 10 Nov 2020, Margara from 1 Mar 2025
            assertEquals(set("lachin-corridor-crossing", "margara"), ids("checkpoints", "T_BEFORE(valid_from, DATE('2025-06-01'))"));
            assertEquals(set("may-2021-sev-lich", "may-2021-sisian", "may-2021-vardenis"),
                ids("disputed-areas", "T_EQUALS(since, DATE('2021-05-12'))"));
            TreeSet<String> during2022 = ids("disputed-areas", "T_DURING(since, INTERVAL('2022-01-01', '2022-12-31'))");
            assertEquals(sql("disputed_areas", "since > date '2022-01-01' and since < date '2022-12-31'"), during2022);
            assertTrue(during2022.contains("nerkin-hand-2022") && !during2022.contains("mar-2023-tegh"));
            TreeSet<String> in2024 = ids("scenarios",
                "T_INTERSECTS(INTERVAL(valid_from, valid_to), INTERVAL('2024-01-01', '2024-12-31'))");
            assertEquals(set("azerbaijan-position-2024", "crossroads-of-peace-2023", "observed", "status-quo-2024",
                "trilateral-statement-2020"), in2024);
            assertEquals(set("tripp-2026"), ids("scenarios", "T_AFTER(INTERVAL(valid_from, valid_to), DATE('2025-01-01'))"));
            assertEquals(set(), ids("checkpoints", "T_BEFORE(recorded_at, TIMESTAMP('2000-01-01T00:00:00Z'))"));
            assertEquals(17, ids("checkpoints", "T_AFTER(recorded_at, TIMESTAMP('2000-01-01T00:00:00Z'))").size()); // every checkpoint
            assertEquals(set("aghband-kalaleh-bridge", "margara"), idsJson("checkpoints",
                "{\"op\":\"t_after\",\"args\":[{\"property\":\"valid_from\"},{\"date\":\"2025-01-01\"}]}"));
            assertEquals(in2024, idsJson("scenarios", "{\"op\":\"t_intersects\",\"args\":[{\"interval\":[{\"property\":"
                + "\"valid_from\"},{\"property\":\"valid_to\"}]},{\"interval\":[\"2024-01-01\",\"2024-12-31\"]}]}"));
        }
    }

    // ---- Arrays ------------------------------------------------------------------------------------------------

    @Nested
    class Arrays_ {
        @Test
        void arrayFunctions() {
            assertEquals(set("baku-nakhchivan-via-aras-corridor-iran", "baku-nakhchivan-via-iran-historic-road"),
                ids("routes", "A_CONTAINS(via, ('IRN'))"));
            // the routes geodata/routes.geojson lists with no transit country
            assertEquals(set("agarak-nurduz-road", "goris-khankendi-lachin-corridor", "horadiz-aghband-rail", "horadiz-aghband-road",
                "kars-igdir-dilucu-nakhchivan-rail", "yerevan-georgia-rail-via-bagratashen-sadakhlo"), ids("routes", "A_EQUALS(via, ())"));
            assertEquals(sql("routes", "via <@ array['IRN','ARM']"), ids("routes", "A_CONTAINEDBY(via, ('IRN', 'ARM'))"));
            assertEquals(set("margara", "sadarak-dilucu"), ids("checkpoints", "A_OVERLAPS(states, ('TUR'))"));
            assertEquals(sql("routes", "checkpoints @> array['julfa-jolfa']"), ids("routes", "A_CONTAINS(checkpoints, ('julfa-jolfa'))"));
            assertEquals(sql("checkpoints", "sources @> array['crossroads-checkpoint-list']"),
                ids("checkpoints", "A_CONTAINS(sources, ('crossroads-checkpoint-list'))"));
            assertEquals(set("baku-nakhchivan-via-aras-corridor-iran", "baku-nakhchivan-via-iran-historic-road"),
                idsJson("routes", "{\"op\":\"a_contains\",\"args\":[{\"property\":\"via\"},[\"IRN\"]]}"));
        }

        @Test
        @DisplayName("CQL2 /req/array-functions/array-predicates: both arrays are sets, order and repeats do not count")
        void arraysCompareAsSets() {
            // the checkpoints shared by Azerbaijan and Iran, by hand: both containments
            TreeSet<String> azeIrn = sql("checkpoints", "states @> array['AZE','IRN'] and states <@ array['AZE','IRN']");
            assertEquals(5, azeIrn.size(), azeIrn::toString);
            for (String f : List.of("A_EQUALS(states, ('AZE','IRN'))", "A_EQUALS(states, ('IRN','AZE'))",
                "A_EQUALS(states, ('IRN','AZE','IRN'))", "A_EQUALS(('AZE','IRN','AZE'), states)")) {
                assertEquals(azeIrn, ids("checkpoints", f), f);
            }
            assertEquals(azeIrn, idsJson("checkpoints", "{\"op\":\"a_equals\",\"args\":[{\"property\":\"states\"},[\"IRN\",\"AZE\"]]}"));
            TreeSet<String> withBoth = sql("checkpoints", "'AZE' = any(states) and 'IRN' = any(states)");
            assertEquals(withBoth, ids("checkpoints", "A_CONTAINS(states, ('IRN','AZE','IRN'))"));
            TreeSet<String> within = sql("checkpoints", "states <@ array['AZE','IRN']");
            assertEquals(within, ids("checkpoints", "A_CONTAINEDBY(states, ('IRN','IRN','AZE'))"));
            assertEquals(sql("checkpoints", "'ARM' = any(states) or 'TUR' = any(states)"),
                ids("checkpoints", "A_OVERLAPS(states, ('TUR','ARM','TUR'))"));
        }

        @Test
        @DisplayName("CQL2 /req/array-functions/array-predicates: the empty array is the empty set")
        void theEmptyArrayIsTheEmptySet() {
            TreeSet<String> all = sql("routes", "true");
            TreeSet<String> noTransit = sql("routes", "cardinality(via) = 0");
            assertEquals(6, noTransit.size(), noTransit::toString); // as geodata/routes.geojson lists them, the Lachin corridor too
            assertEquals(all, ids("routes", "A_CONTAINS(via, ())"), "every set contains the empty set");
            assertEquals(set(), ids("routes", "A_OVERLAPS(via, ())"), "no set shares an element with the empty set");
            assertEquals(noTransit, ids("routes", "A_CONTAINEDBY(via, ())"));
            assertEquals(noTransit, ids("routes", "A_EQUALS(via, ())"));
            assertEquals(noTransit, ids("routes", "A_EQUALS((), via)"));
        }
    }

    // ---- Property-property -------------------------------------------------------------------------------------

    @Nested
    class PropertyProperty {
        @Test
        void comparisonsBetweenProperties() {
            assertEquals(sql("disputed_areas", "cited_area_km2 > area_km2"), ids("disputed-areas", "cited_area_km2 > area_km2"));
            assertEquals(sql("disputed_areas", "since = valid_from"), ids("disputed-areas", "since = valid_from"));
            TreeSet<String> same = ids("checkpoints", "A_EQUALS(states, operating_states)");
            assertEquals(sql("checkpoints", "states @> operating_states and operating_states @> states"), same);
            assertTrue(same.contains("astara-astara") && !same.contains("margara"));
        }
    }

    // ---- Functions ---------------------------------------------------------------------------------------------

    @Nested
    class Functions {
        @Test
        void distanceNearTheMeghriRoute() {
            // a point on the Meghri route next to the Nrnadzor post
            Map<String, Object> p = jdbc.sql("select ST_X(q) x, ST_Y(q) y from (select ST_ClosestPoint(r.geom, c.geom) q "
                + "from corridor.routes r, corridor.checkpoints c where r.id = 'baku-nakhchivan-via-meghri' "
                + "and c.id = 'nrnadzor-post') s").query().singleRow();
            String point = "POINT(" + p.get("x") + " " + p.get("y") + ")";
            String filter = "DISTANCE_M(geom, " + point + ") < 5000 AND A_CONTAINS(states, ('ARM'))";
            TreeSet<String> near = ids("checkpoints", filter);
            assertEquals(sql("checkpoints", "ST_DWithin(t.geom::geography, ST_GeomFromText('" + point
                + "', 4326)::geography, 5000, true) and states @> array['ARM']"), near);
            assertTrue(near.contains("nrnadzor-post"), near::toString);
            assertFalse(near.contains("agarak-nurduz") || near.contains("astara-astara"), near::toString);
            assertEquals(near, ids("checkpoints", "DISTANCE_KM(geom, " + point + ") < 5 AND A_CONTAINS(states, ('ARM'))"));
        }

        @Test
        void lengthsAndAreas() {
            assertEquals(sql("routes", "length_km > 150"), ids("routes", "LENGTH_KM(geom) > 150"));
            assertEquals(sql("disputed_areas", "area_km2 > 20"), ids("disputed-areas", "AREA_KM2(geometry) > 20"));
            badRequest("checkpoints", "NO_SUCH_FUNCTION(geom) > 1");
            badRequest("checkpoints", "DISTANCE_M(geom) > 1");
        }
    }

    // ---- Arithmetic --------------------------------------------------------------------------------------------

    @Nested
    class Arithmetic {
        @Test
        void expressions() {
            assertEquals(sql("disputed_areas", "area_km2 * 2 > 100"), ids("disputed-areas", "area_km2 * 2 > 100"));
            assertEquals(set("sept-2022-jermuk"), ids("disputed-areas", "area_km2 * 2 > 100"));
            assertEquals(sql("disputed_areas", "cited_area_km2 - area_km2 > 0"), ids("disputed-areas", "cited_area_km2 - area_km2 > 0"));
            assertEquals(sql("routes", "length_km / 2 > 100"), ids("routes", "length_km / 2 > 100"));
            assertEquals(sql("routes", "div(length_km, 100) = 1"), ids("routes", "length_km div 100 = 1"));
            assertEquals(sql("disputed_areas", "-cited_area_km2 < -50"), ids("disputed-areas", "-cited_area_km2 < -50"));
            assertEquals(sql("disputed_areas", "(cited_area_km2 + 1) * (cited_area_km2 - 1) >= 400"),
                ids("disputed-areas", "(cited_area_km2 + 1) * (cited_area_km2 - 1) >= 400"));
            assertEquals(set(), ids("disputed-areas", "cited_area_km2 / 0 > 1")); // NULL, not a database error
        }
    }

    // ---- composition ---------------------------------------------------------------------------------------------

    @Nested
    class Composition {
        @Test
        void bboxAndDatetime() {
            Cql2Http h = http();
            TreeSet<String> filtered = ids("checkpoints", "status = 'operating'");
            TreeSet<String> inBox = h.get("/collections/checkpoints/items?limit=1000&bbox=46,38.5,47,39.5").ids();
            TreeSet<String> both = h.items("checkpoints", "status = 'operating'", "&bbox=46,38.5,47,39.5").ids();
            assertEquals(intersection(filtered, inBox), both);
            assertEquals(set("agarak-nurduz"), both);

            TreeSet<String> at2025 = h.get("/collections/checkpoints/items?limit=1000&datetime=2025-06-01").ids();
            TreeSet<String> arm = ids("checkpoints", "A_CONTAINS(states, ('ARM'))");
            TreeSet<String> timeAndFilter = h.items("checkpoints", "A_CONTAINS(states, ('ARM'))", "&datetime=2025-06-01").ids();
            assertEquals(intersection(at2025, arm), timeAndFilter);
            assertTrue(timeAndFilter.contains("margara"));
        }

        @Test
        void sortbyAndProperties() {
            Cql2Http.Answer a = http().items("checkpoints", "status <> 'operating'", "&sortby=-name&properties=name");
            assertEquals(200, a.status(), a.body());
            List<String> names = new ArrayList<>();
            for (JsonNode f : a.json().get("features")) {
                names.add(f.get("properties").get("name").asString());
                assertTrue(f.get("properties").get("status") == null, "properties=name must hide status");
            }
            List<String> sorted = new ArrayList<>(names);
            sorted.sort(java.util.Comparator.reverseOrder());
            assertEquals(sql("checkpoints", "status <> 'operating'").size(), names.size());
            assertEquals(sorted.size(), names.size());
            assertEquals(new HashSet<>(jdbc.sql("select name from corridor.checkpoints where status <> 'operating'")
                .query(String.class).list()), new HashSet<>(names));
            List<String> dbOrder = jdbc.sql("select name from corridor.checkpoints where status <> 'operating' order by name desc, id")
                .query(String.class).list();
            assertEquals(dbOrder, names);
        }

        @Test
        void pagingFollowsNextLinksToTheEnd() {
            Cql2Http h = http();
            for (String[] c : new String[][] {{"checkpoints", "status <> 'operating'", ""},
                {"checkpoints", "S_INTERSECTS(geom, BBOX(44, 38, 50, 42)) AND A_OVERLAPS(states, ('ARM', 'AZE'))", "&sortby=name"},
                {"boundary-lines", "agreed = false", "&sortby=-section"},
                {"disputed-areas", "cited_area_km2 > 1 OR geom IS NULL", ""}}) {
                Map<String, Long> matched = Cql2Http.newCounter();
                List<String> all = h.allPages("/collections/" + c[0] + "/items?limit=2&filter=" + Cql2Http.enc(c[1]) + c[2], matched);
                assertEquals(all.size(), new HashSet<>(all).size(), () -> "duplicates: " + all);
                assertEquals(matched.get("numberMatched").longValue(), all.size(), c[1]);
                assertEquals(ids(c[0], c[1]), new TreeSet<>(all), c[1]);
                assertTrue(all.size() > 2, "needs more than one page: " + c[1]);
            }
        }

        @Test
        void filterCrsAndCrs() {
            Cql2Http h = http();
            String latLon = "&filter-crs=" + Cql2Http.enc("http://www.opengis.net/def/crs/EPSG/0/4326");
            TreeSet<String> lonLat = ids("checkpoints", "S_INTERSECTS(geom, POINT(46.19569 38.85239))");
            assertEquals(set("agarak-nurduz"), lonLat);
            assertEquals(lonLat, h.items("checkpoints", "S_INTERSECTS(geom, POINT(38.85239 46.19569))", latLon).ids());
            assertEquals(ids("checkpoints", "S_INTERSECTS(geom, BBOX(46, 38.5, 47, 39.5))"),
                h.items("checkpoints", "S_INTERSECTS(geom, BBOX(38.5, 46, 39.5, 47))", latLon).ids());
            assertEquals(ids("checkpoints", "DISTANCE_M(geom, POINT(46.2 38.85)) < 20000"),
                h.items("checkpoints", "DISTANCE_M(geom, POINT(38.85 46.2)) < 20000", latLon).ids());
            // the explicit CRS84 URI is the default
            assertEquals(lonLat, h.items("checkpoints", "S_INTERSECTS(geom, POINT(46.19569 38.85239))",
                "&filter-crs=" + Cql2Http.enc("http://www.opengis.net/def/crs/OGC/1.3/CRS84")).ids());
            // lat/lon coordinates read as lon/lat are somewhere else
            assertEquals(set(), ids("checkpoints", "S_INTERSECTS(geom, POINT(38.85239 46.19569))"));
            // a projected output CRS changes the coordinates, not the selection
            Cql2Http.Answer merc = h.items("checkpoints", "S_INTERSECTS(geom, BBOX(46, 38.5, 47, 39.5))",
                "&crs=" + Cql2Http.enc("http://www.opengis.net/def/crs/EPSG/0/3857"));
            assertEquals(ids("checkpoints", "S_INTERSECTS(geom, BBOX(46, 38.5, 47, 39.5))"), merc.ids());
            double x = merc.json().get("features").get(0).get("geometry").get("coordinates").get(0).asDouble();
            assertTrue(x > 5_000_000, "EPSG:3857 metres expected, got " + x);
            Cql2Http.Answer bad = h.items("checkpoints", "S_INTERSECTS(geom, POINT(46 38))", "&filter-crs=EPSG:99999");
            assertEquals(400, bad.status());
        }
    }

    static TreeSet<String> intersection(Set<String> a, Set<String> b) {
        TreeSet<String> r = new TreeSet<>(a);
        r.retainAll(b);
        return r;
    }

    // ---- discovery -------------------------------------------------------------------------------------------

    @Test
    void conformanceQueryablesAndFunctions() {
        Cql2Http h = http();
        JsonNode conformance = h.get("/conformance").json();
        Set<String> classes = new HashSet<>();
        conformance.get("conformsTo").forEach(n -> classes.add(n.asString()));
        for (String c : List.of("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables")) {
            assertTrue(classes.contains(c), c);
        }
        assertTrue(classes.containsAll(Cql2.CONFORMANCE_CLASSES), classes::toString);
        for (String c : List.of("basic-cql2", "advanced-comparison-operators", "case-insensitive-comparison",
            "accent-insensitive-comparison", "basic-spatial-functions", "spatial-functions", "temporal-functions",
            "array-functions", "property-property", "functions", "arithmetic", "cql2-text", "cql2-json")) {
            assertTrue(classes.contains("http://www.opengis.net/spec/cql2/1.0/conf/" + c), c);
        }

        for (Collection c : catalog.collections()) {
            Cql2Http.Answer a = h.get("/collections/" + c.id() + "/queryables");
            assertEquals(200, a.status(), c.id());
            JsonNode props = a.json().get("properties");
            assertTrue(props.has("id"), c.id());
            for (org.corridorgis.catalog.Property p : c.properties()) {
                JsonNode q = props.get(p.name());
                assertTrue(q != null, c.id() + " queryables lack " + p.name());
                if (p.type() == QueryableType.GEOMETRY) {
                    assertTrue(q.has("format") || q.has("$ref"), c.id() + "." + p.name() + ": " + q);
                } else {
                    assertEquals(p.jsonSchemaType(), q.get("type").asString(), c.id() + "." + p.name());
                    // every queryable can be named in a filter
                    String filter = p.name() + " IS NULL";
                    assertEquals(200, h.items(c.id(), filter, "&limit=1").status(), c.id() + ": " + filter);
                }
            }
        }
        JsonNode checkpoint = h.get("/collections/checkpoints/queryables").json().get("properties");
        assertEquals("array", checkpoint.get("states").get("type").asString());
        assertEquals("date", checkpoint.get("valid_from").get("format").asString());
        assertEquals("number", h.get("/collections/disputed-areas/queryables").json().get("properties")
            .get("area_km2").get("type").asString());
        assertEquals("boolean", h.get("/collections/boundary-lines/queryables").json().get("properties")
            .get("agreed").get("type").asString());

        JsonNode functions = h.get("/functions").json().get("functions");
        Set<String> names = new HashSet<>();
        functions.forEach(f -> names.add(f.get("name").asString()));
        assertTrue(names.contains("DISTANCE_M"), names::toString);
    }

    // ---- hostile filters -------------------------------------------------------------------------------------

    /** Eighteen hostile filters: injection attempts, comments, deep nesting, absurd literals, unknown names. */
    static final List<String> SAFETY_CHECK_FILTERS = List.of(
        "name = 'x'' OR 1=1 --'",
        "name = 'x'); DROP TABLE checkpoints; --",
        "\"name\" = 'a' OR \"1\"=\"1\"",
        "name LIKE '%' UNION SELECT version() --",
        "(((((((((((((((((((((((((((((((((((((((((((((((((name = 'a')))))))))))))))))))))))))))))))))))))))))))))))",
        "S_INTERSECTS(geometry, POINT(1e400 1e400))",
        "S_WITHIN(geometry, POLYGON((0 0, 1 1, 0 0)))",
        "T_AFTER(valid_from, TIMESTAMP('2024-13-45T99:99:99Z'))",
        "name IN ()",
        "pg_sleep(5) = 1",
        "name = 'a' AND (SELECT 1) = 1",
        "CASEI(name) LIKE CASEI('%ЕРАСХ%')",
        "A_CONTAINS(sources, ('a','b'))",
        "nosuchprop = 1",
        "\"geom\"::text = 'x'",
        "name = 'a';SELECT 1",
        "/* comment */ name = 'a'",
        "name = $$a$$");

    @Test
    void theSafetyCheckFilters() {
        Cql2Http h = http();
        long before = jdbc.sql("select count(*) from corridor.checkpoints").query(Long.class).single();
        int ok = 0;
        for (String f : SAFETY_CHECK_FILTERS) {
            long t0 = System.nanoTime();
            Cql2Http.Answer a = h.items("checkpoints", f, null);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(a.status() == 200 || a.status() == 400, () -> a.status() + " <- " + f + ": " + a.body());
            if (a.status() == 400) {
                assertTrue(a.contentType().startsWith("application/problem+json"), f);
                Cql2HttpFuzzTest.assertNoDatabaseText(f, a.body());
            } else {
                ok++;
                assertFalse(a.json().get("numberMatched").asLong() > 16, f);
            }
            assertTrue(ms < 4000, f + " took " + ms + " ms (pg_sleep?)");
        }
        assertEquals(18, SAFETY_CHECK_FILTERS.size());
        assertEquals(before, jdbc.sql("select count(*) from corridor.checkpoints").query(Long.class).single());
        // the only harmless ones answer 200: the quoted-string injection, the nested parentheses, A_CONTAINS, the
        // Cyrillic CASEI
        assertEquals(set(), ids("checkpoints", "name = 'x'' OR 1=1 --'"));
        assertTrue(ok >= 3 && ok <= 5, "unexpected number of accepted hostile filters: " + ok);
    }

    // ---- a typical filtered page: its answer checked, its time only printed (targets live in the benchmarks) -------

    @Test
    void typicalFilteredPageSelectsWhatPostgisSelects() {
        Cql2Http h = http();
        String filter = "S_INTERSECTS(geom, BBOX(44, 38, 50, 42)) AND status = 'operating' AND DISTANCE_M(geom, "
            + "POINT(46.2 38.9)) < 300000";
        // the same condition written by hand: geodesic distance on the ellipsoid, under the page's limit of 10
        TreeSet<String> expected = new TreeSet<>(jdbc.sql("select id from corridor.checkpoints where ST_Intersects(geom, "
            + "ST_MakeEnvelope(44, 38, 50, 42, 4326)) and status = 'operating' "
            + "and ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(46.2, 38.9), 4326)::geography) < 300000").query(String.class).list());
        assertTrue(expected.size() >= 3 && expected.size() < 10, () -> "the seed data should give a few matches under the limit: " + expected);
        for (int i = 0; i < 10; i++) {
            Cql2Http.Answer a = h.items("checkpoints", filter, "&limit=10");
            assertEquals(expected, a.ids());
            assertEquals(expected.size(), a.json().get("numberMatched").asInt());
        }
        long[] ms = new long[50];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            Cql2Http.Answer a = h.items("checkpoints", filter, "&limit=10");
            ms[i] = System.nanoTime() - t0;
            assertEquals(expected, a.ids());
        }
        java.util.Arrays.sort(ms);
        System.out.printf("CQL2 timing: typical filtered page (checkpoints, spatial+attribute+DISTANCE_M, limit=10): "
            + "median %.1f ms, p90 %.1f ms, min %.1f ms over %d requests%n", ms[25] / 1e6, ms[45] / 1e6, ms[0] / 1e6, ms.length);
    }
}
