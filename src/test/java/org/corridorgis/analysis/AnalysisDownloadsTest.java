package org.corridorgis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.corridorgis.support.ServiceClient;
import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The analyses as files: route comparisons as CSV with a column per country and as GeoJSON with the compared
 * routes' geometry; map comparisons as CSV with the areas' outlines. Figures checked against PostGIS by hand.
 */
class AnalysisDownloadsTest extends ServiceTestBase {

    private static final String MEGHRI = "baku-nakhchivan-via-meghri";
    private static final String ARAS = "baku-nakhchivan-via-aras-corridor-iran";

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    }

    private BigDecimal countryKm(String route, String country) {
        return jdbc.sql("select round((sum(ST_Length(geom::geography)) / 1000)::numeric, 3) from corridor.route_segments"
                + " where route_id = ? and country = ?").param(route).param(country).query(BigDecimal.class).single();
    }

    @Test
    void routeComparisonCsvHasAColumnPerCountry() throws IOException {
        HttpResponse<String> r = client.get("/analysis/routes/compare?routes=" + MEGHRI + "," + ARAS + "&scenario=tripp-2026&f=csv");
        assertThat(r.statusCode()).isEqualTo(200);
        List<CSVRecord> rows = parse(r.body());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getParser().getHeaderNames()).contains("length_km_ARM", "length_km_AZE", "length_km_IRN")
                .doesNotContain("length_by_country_km");
        CSVRecord meghri = rows.stream().filter(x -> x.get("route").equals(MEGHRI)).findFirst().orElseThrow();
        assertThat(new BigDecimal(meghri.get("length_km_ARM"))).isEqualByComparingTo(countryKm(MEGHRI, "ARM"));
        assertThat(new BigDecimal(meghri.get("length_km_AZE"))).isEqualByComparingTo(countryKm(MEGHRI, "AZE"));
        assertThat(meghri.get("length_km_IRN")).isEmpty();
        assertThat(r.body()).doesNotContain("{AZE=");
    }

    @Test
    void routeComparisonGeoJsonCarriesTheComparedRoutes() {
        HttpResponse<String> r = client.get("/analysis/routes/compare?routes=" + MEGHRI + "," + ARAS + "&f=geojson");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
        JsonNode fc = ServiceClient.parse(r.body());
        assertThat(fc.get("features").size()).isEqualTo(2);
        for (JsonNode f : fc.get("features")) {
            String id = f.get("id").asString();
            boolean same = jdbc.sql("select ST_Equals(ST_GeomFromGeoJSON(?), ST_GeomFromGeoJSON(ST_AsGeoJSON(geom, 6))) from corridor.routes where id = ?")
                    .param(f.get("geometry").toString()).param(id).query(Boolean.class).single();
            assertThat(same).as(id).isTrue();
            assertThat(f.get("properties").get("length_by_country_km").get("AZE").decimalValue()).isEqualByComparingTo(countryKm(id, "AZE"));
        }
    }

    @Test
    void mapComparisonCsvHasTheAreasWithTheirOutlines() throws IOException {
        String a = "reference-osm-2017", b = "de-facto-2024";
        JsonNode geojson = client.json("/analysis/boundaries/compare?a=" + a + "&b=" + b);
        HttpResponse<String> r = client.get("/analysis/boundaries/compare?a=" + a + "&b=" + b + "&f=csv");
        assertThat(r.statusCode()).isEqualTo(200);
        List<CSVRecord> rows = parse(r.body());
        assertThat(rows).hasSize(geojson.get("features").size()).isNotEmpty();
        assertThat(rows.get(0).getParser().getHeaderNames()).startsWith("id", "under_" + a, "under_" + b, "area_km2");
        for (int i = 0; i < rows.size(); i++) {
            JsonNode f = geojson.get("features").get(i);
            CSVRecord row = rows.get(i);
            assertThat(row.get("under_" + a)).isEqualTo(f.get("properties").get("state_a").asString());
            assertThat(row.get("under_" + b)).isEqualTo(f.get("properties").get("state_b").asString());
            assertThat(new BigDecimal(row.get("area_km2"))).isEqualByComparingTo(f.get("properties").get("area_km2").decimalValue());
            // the outline is the GeoJSON polygon's, point for point, as PostGIS reads both
            boolean same = jdbc.sql("select ST_Equals(ST_GeomFromText(?, 4326), ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))")
                    .param(row.get("geometry")).param(f.get("geometry").toString()).query(Boolean.class).single();
            assertThat(same).as(row.get("id")).isTrue();
        }
    }

    @Test
    void csvOnlyWhereOffered() {
        HttpResponse<String> r = client.get("/analysis/territory?f=csv");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }
}
