package org.corridorgis.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.corridorgis.CorridorApplication;
import org.corridorgis.support.ServiceClient;
import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * numberMatched is exact whenever it is given, on every instance of the service, however the data changes: a
 * second instance (its own Spring context and pool, the same database) must agree with this one and with
 * count(*) written here by hand, after inserts, updates and deletes, with and without conditions. With
 * conditions, more matches than the count budget (10 000 by default) leave numberMatched out.
 */
class NumberMatchedTest extends ServiceTestBase {

    static final String COLLECTION = "matched-test";
    static final String TABLE = "matched_test";
    static final int ROWS = 12_000;
    static final int BUDGET = 10_000;

    static ConfigurableApplicationContext secondInstance;
    static ServiceClient second;

    /** Requests and the hand-written SQL condition each stands for. */
    static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("", "true");
        QUERIES.put("kind=even", "kind = 'even'");
        QUERIES.put("bbox=40,38,40.505,38.305", "ST_X(geom) between 40 and 40.505 and ST_Y(geom) between 38 and 38.305");
        QUERIES.put("filter=" + enc("value < 300 AND kind = 'odd'"), "value < 300 and kind = 'odd'");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void createCollectionAndSecondInstance(@Autowired JdbcClient jdbc, @Autowired DataSource dataSource) {
        jdbc.sql("drop table if exists corridor." + TABLE).update();
        jdbc.sql("""
            create table corridor.matched_test (
              id text primary key, geom geometry(Point, 4326) not null, kind text not null, value numeric not null,
              sources text[] not null, accuracy text not null, valid_from date, valid_to date)""").update();
        // a 100 x 120 grid, 0.01 degrees apart, from 40 E 38 N
        jdbc.sql("""
            insert into corridor.matched_test (id, geom, kind, value, sources, accuracy)
            select i::text, ST_SetSRID(ST_MakePoint(40 + (i % 100) * 0.01, 38 + (i / 100) * 0.01), 4326),
                   case when i % 2 = 0 then 'even' else 'odd' end, i % 1000, '{test}', 'schematic'
              from generate_series(0, ? - 1) i""").param(ROWS).update();
        jdbc.sql("create index on corridor.matched_test using gist (geom)").update();
        jdbc.sql("insert into corridor.collection (id, table_name, title, description, geometry_type, sort_order) "
                + "values (?, ?, 'numberMatched (test)', 'a grid of points', 'Point', 9998)").params(COLLECTION, TABLE).update();
        jdbc.sql("select corridor.track_changes(?)").param(TABLE).query().singleValue();

        HikariDataSource pool = (HikariDataSource) dataSource;
        secondInstance = new SpringApplicationBuilder(CorridorApplication.class).properties(
                "spring.datasource.url=" + pool.getJdbcUrl(),
                "spring.datasource.username=" + pool.getUsername(),
                "spring.datasource.password=" + (pool.getPassword() == null ? "" : pool.getPassword()),
                "server.port=0", "server.address=127.0.0.1", "corridor.geodata.enabled=false").run();
        second = new ServiceClient(Integer.parseInt(secondInstance.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    static void dropCollection(@Autowired JdbcClient jdbc) {
        if (secondInstance != null) {
            secondInstance.close();
        }
        jdbc.sql("delete from corridor.collection where id = ?").param(COLLECTION).update();
        jdbc.sql("drop table if exists corridor." + TABLE).update();
        jdbc.sql("delete from corridor.table_version where table_name = ?").param(TABLE).update();
    }

    private long count(String condition) {
        return jdbc.sql("select count(*) from corridor.matched_test where " + condition).query(Long.class).single();
    }

    private static JsonNode page(ServiceClient instance, String query) {
        return instance.json("/collections/" + COLLECTION + "/items?limit=5" + (query.isEmpty() ? "" : "&" + query));
    }

    /** Both instances, asked twice each (the second answer may come from what the instance remembers). */
    private void bothInstancesAgreeWithCount() {
        for (Map.Entry<String, String> q : QUERIES.entrySet()) {
            long expected = count(q.getValue());
            assertThat(expected).as("keep the test's conditions within the budget").isLessThanOrEqualTo(q.getKey().isEmpty() ? ROWS + 10 : BUDGET);
            for (ServiceClient instance : List.of(client, second, client, second)) {
                JsonNode page = page(instance, q.getKey());
                assertThat(page.path("numberMatched").isNumber()).as(q.getKey()).isTrue();
                assertThat(page.path("numberMatched").asLong()).as(q.getKey()).isEqualTo(expected);
            }
        }
    }

    @Test
    void numberMatchedFollowsInsertsUpdatesAndDeletesOnTwoInstances() {
        bothInstancesAgreeWithCount();
        long before = count("true");
        String etagBefore = client.get("/collections/" + COLLECTION + "/items?limit=5&kind=even").headers().firstValue("ETag").orElseThrow();

        jdbc.sql("""
            insert into corridor.matched_test (id, geom, kind, value, sources, accuracy) values
              ('new-1', ST_SetSRID(ST_MakePoint(40.1, 38.1), 4326), 'even', 5, '{test}', 'schematic'),
              ('new-2', ST_SetSRID(ST_MakePoint(40.2, 38.2), 4326), 'odd', 7, '{test}', 'schematic'),
              ('new-3', ST_SetSRID(ST_MakePoint(41.5, 39.5), 4326), 'even', 900, '{test}', 'schematic')""").update();
        assertThat(count("true")).isEqualTo(before + 3);
        bothInstancesAgreeWithCount();
        assertThat(second.get("/collections/" + COLLECTION + "/items?limit=5&kind=even").headers().firstValue("ETag"))
                .isPresent().get().isNotEqualTo(etagBefore);

        // odd rows below 300 become even, and 50 rows move out of the bbox
        int changed = jdbc.sql("update corridor.matched_test set kind = 'even' where kind = 'odd' and value < 100").update();
        assertThat(changed).isGreaterThan(0);
        assertThat(jdbc.sql("update corridor.matched_test set geom = ST_Translate(geom, 5, 0) where id in "
                + "(select id from corridor.matched_test where ST_X(geom) < 40.3 and ST_Y(geom) < 38.3 order by id limit 50)").update())
                .isEqualTo(50);
        bothInstancesAgreeWithCount();

        assertThat(jdbc.sql("delete from corridor.matched_test where value between 200 and 260").update()).isGreaterThan(0);
        bothInstancesAgreeWithCount();
        // every page of a query states the same count
        JsonNode firstPage = page(second, "kind=even");
        String next = null;
        for (JsonNode l : firstPage.path("links")) {
            if (l.path("rel").asString().equals("next")) {
                next = l.path("href").asString();
            }
        }
        assertThat(next).isNotNull();
        assertThat(second.json(next.substring(next.indexOf("/collections/"))).path("numberMatched").asLong())
                .isEqualTo(count("kind = 'even'"));
    }

    @Test
    void withConditionsMoreMatchesThanTheBudgetLeaveNumberMatchedOut() {
        String all = "filter=" + enc("value >= 0");
        long matching = count("value >= 0");
        assertThat(matching).isGreaterThan(BUDGET);
        for (ServiceClient instance : List.of(client, second)) {
            JsonNode page = page(instance, all);
            assertThat(page.has("numberMatched")).isFalse();
            assertThat(page.path("numberReturned").asInt()).isEqualTo(5);
            assertThat(page.path("features").size()).isEqualTo(5);
            assertThat(page.toString()).contains("\"rel\":\"next\"");
            assertThat(page(instance, all + "&f=json").has("numberMatched")).isFalse();
            String html = instance.get("/collections/" + COLLECTION + "/items?limit=5&f=html&" + all).body();
            assertThat(html).contains("more match than are counted").doesNotContain(" of " + matching);
        }
        // no conditions: the collection's size, however large
        long size = count("true");
        assertThat(size).isGreaterThan(BUDGET);
        assertThat(page(client, "").path("numberMatched").asLong()).isEqualTo(size);
        assertThat(client.get("/collections/" + COLLECTION + "/items?limit=5&f=html").body()).contains("5 of " + size + " features");
        // exactly the budget: counted; one more: left out (ids are unique, so "id <= x" matches as many as chosen)
        String atBudget = jdbc.sql("select id from corridor.matched_test order by id offset ? limit 1").param(BUDGET - 1).query(String.class).single();
        String overBudget = jdbc.sql("select id from corridor.matched_test order by id offset ? limit 1").param(BUDGET).query(String.class).single();
        assertThat(count("id <= '" + atBudget + "'")).isEqualTo(BUDGET);
        assertThat(count("id <= '" + overBudget + "'")).isEqualTo(BUDGET + 1);
        for (ServiceClient instance : List.of(client, second)) {
            assertThat(page(instance, "filter=" + enc("id <= '" + atBudget + "'")).path("numberMatched").asLong()).isEqualTo(BUDGET);
            assertThat(page(instance, "filter=" + enc("id <= '" + overBudget + "'")).has("numberMatched")).isFalse();
        }
    }
}
