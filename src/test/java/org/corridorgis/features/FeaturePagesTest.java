package org.corridorgis.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.Test;

/** A feature's HTML page for readers: headed by its name, its map shows where it lies, and it opens in the viewer. */
class FeaturePagesTest extends ServiceTestBase {

    @Test
    void aCheckpointPageIsHeadedByItsNameAndShowsTheCountriesAroundIt() {
        HttpResponse<String> r = client.get("/collections/checkpoints/items/yeraskh?f=html");
        assertThat(r.statusCode()).isEqualTo(200);
        String name = jdbc.sql("select name from corridor.checkpoints where id = 'yeraskh'").query(String.class).single();
        assertThat(r.body()).contains("<h1>" + name + "</h1>").contains("href=\"/viewer/#sel=checkpoints%2Fyeraskh\"")
                .contains("<link rel=\"icon\" href=\"/favicon.svg\"");
        // the countries within 0.6° of the point (a box 1.2° across), each drawn in grey under it
        long countries = jdbc.sql("""
                select count(*) from corridor.countries co, corridor.checkpoints c
                 where c.id = 'yeraskh' and ST_Intersects(co.geom, ST_MakeEnvelope(ST_X(c.geom) - 0.6, ST_Y(c.geom) - 0.6, ST_X(c.geom) + 0.6, ST_Y(c.geom) + 0.6, 4326))""")
                .query(Long.class).single();
        assertThat(countries).as("Yeraskh lies where Armenia meets Nakhchivan").isGreaterThanOrEqualTo(2);
        Matcher grey = Pattern.compile("stroke=\"#9aa9b8\"").matcher(r.body());
        long drawn = grey.results().count();
        assertThat(drawn).isEqualTo(countries);
        assertThat(client.get("/favicon.svg").statusCode()).isEqualTo(200);
    }

    @Test
    void nestedValuesAreReadableNotJson() {
        HttpResponse<String> r = client.get("/collections/scenarios/items/tripp-2026?f=html");
        assertThat(r.statusCode()).isEqualTo(200);
        // the assignments are tables of their fields, not a JSON dump
        assertThat(r.body()).contains("<table class=\"nested\">").doesNotContain("\"checkpoint_id\"");
        assertThat(r.body()).contains("<h1>" + jdbc.sql("select name from corridor.scenarios where id = 'tripp-2026'").query(String.class).single() + "</h1>");
    }
}
