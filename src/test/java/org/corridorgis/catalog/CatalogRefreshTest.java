package org.corridorgis.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.corridorgis.support.PostgisIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalogue is read again once when its reading grows old, however many requests find it old at the same
 * moment; the readings are counted by PostgreSQL itself (pg_stat_statements).
 */
@PostgisIntegrationTest
class CatalogRefreshTest {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void statementStatistics() {
        jdbc.sql("create extension if not exists pg_stat_statements").update();
    }

    /** How often the catalogue's collection query has run since the statistics were reset. */
    private long readings() {
        return jdbc.sql("""
                select coalesce(sum(calls), 0) from pg_stat_statements
                 where dbid = (select oid from pg_database where datname = current_database())
                   and query like '%from corridor.collection c%join pg_class k%'""").query(Long.class).single();
    }

    @Test
    void thirtyTwoRequestsThatFindTheReadingOldReadItAgainOnce() throws Exception {
        Catalog catalog = new Catalog(jdbc, new CatalogProperties(Duration.ofSeconds(2)));
        int collections = jdbc.sql("select count(*) from corridor.collection").query(Integer.class).single();
        assertThat(catalog.collections()).hasSize(collections);
        Thread.sleep(2100); // the reading is old now
        jdbc.sql("select pg_stat_statements_reset()").query().listOfRows();
        ExecutorService requests = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                answers.add(requests.submit(() -> {
                    start.await();
                    return catalog.collections().size();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(collections);
            }
        } finally {
            requests.shutdownNow();
        }
        assertThat(readings()).isEqualTo(1);
    }

    @Test
    void aRefreshTimeOfZeroReadsOnEveryCall() {
        Catalog catalog = new Catalog(jdbc, new CatalogProperties(Duration.ZERO));
        jdbc.sql("select pg_stat_statements_reset()").query().listOfRows();
        catalog.collections();
        catalog.collections();
        catalog.collections();
        assertThat(readings()).isEqualTo(3);
    }
}
