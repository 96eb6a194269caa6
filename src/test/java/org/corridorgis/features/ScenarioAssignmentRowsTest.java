package org.corridorgis.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The scenarios' assignments as rows (corridor.scenario_assignment), which feature pages read, stay exactly what
 * the scenarios' JSON says: after the seed load, and through inserts, updates, deletes and a truncate of
 * corridor.scenarios (each in a transaction that is rolled back, so the shared database is left as it was); the
 * object each row keeps for pages follows its control regime through writes to corridor.control_regimes. The
 * expected values are read from the JSON with hand-written SQL, or written by hand.
 */
class ScenarioAssignmentRowsTest extends ServiceTestBase {

    /** Every assignment element of every scenario, straight from the JSON, in the rows' column order. */
    private static final String FROM_JSON = """
            select s.id || '|' || p.part || '|' || e.n || '|' || coalesce(e.a->>'checkpoint_id', e.a->>'route_id') || '|'
                   || coalesce(e.a->>'country', '-') || '|' || coalesce(e.a->>'regime', '-') || '|' || coalesce(e.a->>'open', '-')
                   || '|' || coalesce(e.a->>'valid_from', '-') || '|' || coalesce(e.a->>'valid_to', '-')
              from corridor.scenarios s, unnest(array['segments', 'checkpoints']) p(part),
                   jsonb_array_elements(coalesce(s.assignments->p.part, '[]')) with ordinality e(a, n)
             order by 1""";
    private static final String FROM_ROWS = """
            select scenario_id || '|' || part || '|' || n || '|' || target_id || '|' || coalesce(country, '-') || '|'
                   || coalesce(regime, '-') || '|' || coalesce(open::text, '-') || '|' || coalesce(valid_from::text, '-')
                   || '|' || coalesce(valid_to::text, '-')
              from corridor.scenario_assignment order by 1""";

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theRowsAreTheSeedScenariosAssignments() {
        List<String> json = jdbc.sql(FROM_JSON).query(String.class).list();
        assertThat(json).hasSizeGreaterThan(50);
        assertThat(jdbc.sql(FROM_ROWS).query(String.class).list()).isEqualTo(json);
    }

    @Test
    void writesToTheScenariosChangeTheRowsInTheSameTransaction() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            insertScenario("sync-check", """
                    {"checkpoints": [{"checkpoint_id": "agarak-nurduz", "regime": "CLOSED", "open": false,
                                       "valid_from": "2021-01-01", "valid_to": "2021-12-31"}],
                      "segments": [{"route_id": "agarak-nurduz-road", "country": "ARM", "regime": "DOMESTIC", "open": true},
                                   {"route_id": "agarak-nurduz-road", "country": "IRN", "regime": "INTL-TRANSIT", "open": true}]}""");
            assertThat(rowsOf("sync-check")).containsExactly(
                    "checkpoints|1|agarak-nurduz|-|CLOSED|false|2021-01-01|2021-12-31",
                    "segments|1|agarak-nurduz-road|ARM|DOMESTIC|true|-|-",
                    "segments|2|agarak-nurduz-road|IRN|INTL-TRANSIT|true|-|-");

            jdbc.sql("""
                    update corridor.scenarios set assignments = '{"checkpoints": [{"checkpoint_id": "agarak-nurduz", "regime": "INTL-TRANSIT", "open": true}]}'
                     where id = 'sync-check'""").update();
            assertThat(rowsOf("sync-check")).containsExactly("checkpoints|1|agarak-nurduz|-|INTL-TRANSIT|true|-|-");

            jdbc.sql("delete from corridor.scenarios where id = 'sync-check'").update();
            assertThat(rowsOf("sync-check")).isEmpty();
            assertThat(jdbc.sql(FROM_ROWS).query(String.class).list()).isEqualTo(jdbc.sql(FROM_JSON).query(String.class).list());

            jdbc.sql("truncate corridor.scenarios cascade").update();
            assertThat(jdbc.sql("select count(*) from corridor.scenario_assignment").query(Long.class).single()).isZero();
        });
        // rolled back: the rows are the seed scenarios' again
        assertThat(jdbc.sql(FROM_ROWS).query(String.class).list()).isEqualTo(jdbc.sql(FROM_JSON).query(String.class).list());
    }

    @Test
    void aCheckpointPageGivesEachScenariosRegimeOnTheDayAsTheJsonDoes() {
        for (String day : List.of("2022-06-01", "2025-12-01")) {
            // by hand-written SQL over the JSON: the elements for this checkpoint whose period holds the day
            List<String> expected = jdbc.sql("""
                    select s.id || ':' || (e->>'regime') || ':' || (e->>'open')
                      from corridor.scenarios s, jsonb_array_elements(s.assignments->'checkpoints') e
                     where e->>'checkpoint_id' = 'agarak-nurduz'
                       and (e->>'valid_from' is null or (e->>'valid_from')::date <= cast(:day as date))
                       and (e->>'valid_to' is null or (e->>'valid_to')::date >= cast(:day as date))
                     order by s.id""").param("day", day).query(String.class).list();
            assertThat(expected).isNotEmpty();
            JsonNode page = client.json("/collections/checkpoints/items/agarak-nurduz?datetime=" + day);
            List<String> served = new ArrayList<>();
            for (JsonNode r : page.path("properties").path("scenario_regimes")) {
                served.add(r.path("scenario").asString() + ":" + r.path("regime").asString() + ":" + r.path("open").asBoolean());
            }
            assertThat(served).as("on %s", day).isEqualTo(expected);
        }
    }

    /**
     * The object each row keeps for pages (migration V13), as hand-written SQL builds it from the scenario's JSON
     * element and the control regime of its code: the element's fields, then the regime's controls (null where no
     * regime has the code). Compared as jsonb, so key order is checked apart (below).
     */
    private static final String EXPECTED_CONTROLS = """
            select s.id || '|' || p.part || '|' || e.n || '|'
                   || jsonb_build_object(case p.part when 'checkpoints' then 'scenario' else 'country' end,
                                         case p.part when 'checkpoints' then to_jsonb(s.id) else e.a->'country' end,
                                         'regime', e.a->'regime', 'open', e.a->'open', 'basis', e.a->'basis',
                                         'valid_from', e.a->'valid_from', 'valid_to', e.a->'valid_to',
                                         'passport_control', r.passport_control, 'customs_control', r.customs_control,
                                         'border_control', r.border_control, 'operator', r.operator)::text
              from corridor.scenarios s, unnest(array['segments', 'checkpoints']) p(part),
                   jsonb_array_elements(coalesce(s.assignments->p.part, '[]')) with ordinality e(a, n)
              left join corridor.control_regimes r on r.code = e.a->>'regime'
             order by 1""";
    private static final String STORED_CONTROLS = """
            select scenario_id || '|' || part || '|' || n || '|' || controls::jsonb::text
              from corridor.scenario_assignment order by 1""";

    @Test
    void eachRowKeepsItsObjectWithItsRegimesControls() {
        List<String> expected = jdbc.sql(EXPECTED_CONTROLS).query(String.class).list();
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(jdbc.sql(STORED_CONTROLS).query(String.class).list()).isEqualTo(expected);
        // the keys in the order pages have always given them: the scenario (or the country) first, the operator last
        assertThat(keysOfFirstObservedRow("checkpoints"))
                .isEqualTo("scenario,regime,open,basis,valid_from,valid_to,passport_control,customs_control,border_control,operator");
        assertThat(keysOfFirstObservedRow("segments"))
                .isEqualTo("country,regime,open,basis,valid_from,valid_to,passport_control,customs_control,border_control,operator");
    }

    private String keysOfFirstObservedRow(String part) {
        return jdbc.sql("""
                select string_agg(k, ',') from corridor.scenario_assignment a, json_object_keys(a.controls) k
                 where a.scenario_id = 'observed' and a.part = :part and a.n = 1""")
                .param("part", part).query(String.class).single();
    }

    @Test
    void writesToAControlRegimeRebuildTheObjectsThatNameItInTheSameTransaction() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            // seed values (geodata/control_regimes): INTL-TRANSIT checks passports, customs and the border; DOMESTIC none
            assertThat(controlsOf("INTL-TRANSIT")).containsOnly("true|true|true|national");
            assertThat(controlsOf("DOMESTIC")).containsOnly("false|false|false|national");

            jdbc.sql("update corridor.control_regimes set passport_control = false, operator = 'joint' where code = 'INTL-TRANSIT'").update();
            assertThat(controlsOf("INTL-TRANSIT")).containsOnly("false|true|true|joint");

            // renamed: the rows still naming the old code have no regime of that code any more
            jdbc.sql("update corridor.control_regimes set code = 'INTL-TRANSIT-RENAMED' where code = 'INTL-TRANSIT'").update();
            assertThat(controlsOf("INTL-TRANSIT")).containsOnly("-|-|-|-");

            jdbc.sql("delete from corridor.control_regimes where code = 'DOMESTIC'").update();
            assertThat(controlsOf("DOMESTIC")).containsOnly("-|-|-|-");

            jdbc.sql("""
                    insert into corridor.control_regimes (id, code, name, passport_control, customs_control, border_control,
                                                          operator, description, sources, accuracy)
                    values ('domestic-again', 'DOMESTIC', 'Domestic again', true, false, true, 'none', 'test', '{test}', 'schematic')""")
                    .update();
            assertThat(controlsOf("DOMESTIC")).containsOnly("true|false|true|none");

            jdbc.sql("truncate corridor.control_regimes cascade").update();
            assertThat(controlsOf("DOMESTIC")).containsOnly("-|-|-|-");
            assertThat(controlsOf("CLOSED")).containsOnly("-|-|-|-");
        });
        // rolled back: the objects are the seed's again
        assertThat(jdbc.sql(STORED_CONTROLS).query(String.class).list()).isEqualTo(jdbc.sql(EXPECTED_CONTROLS).query(String.class).list());
    }

    /**
     * Checkpoints whose regimes kept by period (corridor.checkpoint_regime_periods, migration V14) differ, on some
     * day, from the assignment rows in force that day, gathered by hand-written SQL: every checkpoint named by a
     * row, every day from a year before the earliest date a row names to a year after the latest.
     */
    private static final String PERIODS_THAT_DIFFER = """
            with bounds as (
              select least(min(valid_from), min(valid_to)) - 366 as first, greatest(max(valid_from), max(valid_to)) + 366 as last
                from corridor.scenario_assignment where part = 'checkpoints'),
            days as (select d::date as day from bounds, generate_series(bounds.first, bounds.last, interval '1 day') d),
            targets as (select distinct target_id from corridor.scenario_assignment where part = 'checkpoints')
            select g.target_id || ' on ' || d.day
              from targets g, days d
             where coalesce((select p.regimes::text from corridor.checkpoint_regime_periods p
                              where p.target_id = g.target_id and p.during @> d.day), '[]')
                   is distinct from
                   (select coalesce(json_agg(a.controls order by a.scenario_id, a.n), '[]')::text
                      from corridor.scenario_assignment a
                     where a.part = 'checkpoints' and a.target_id = g.target_id
                       and (a.valid_from is null or a.valid_from <= d.day) and (a.valid_to is null or a.valid_to >= d.day))
             order by 1 limit 5""";

    private List<String> periodsThatDiffer() {
        return jdbc.sql(PERIODS_THAT_DIFFER).query(String.class).list();
    }

    private long periodsOf(String checkpoint) {
        return jdbc.sql("select count(*) from corridor.checkpoint_regime_periods where target_id = :c")
                .param("c", checkpoint).query(Long.class).single();
    }

    @Test
    void theRegimesKeptByPeriodAreTheRowsInForceOnEveryDayThroughWrites() {
        assertThat(periodsThatDiffer()).isEmpty();
        // the seed's agarak-nurduz rows: five open-ended, one from 10 Nov 2020 on (geodata/scenarios.geojson)
        assertThat(periodsOf("agarak-nurduz")).isEqualTo(2);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            // a period inside the seed's, one that ends the day before it begins (no day at all), one open at its start
            insertScenario("period-check", """
                    {"checkpoints": [{"checkpoint_id": "agarak-nurduz", "regime": "CLOSED", "open": false,
                                       "valid_from": "2021-01-01", "valid_to": "2021-12-31"},
                                      {"checkpoint_id": "agarak-nurduz", "regime": "DOMESTIC", "open": true,
                                       "valid_from": "2022-03-02", "valid_to": "2022-03-01"},
                                      {"checkpoint_id": "angeghakot", "regime": "INTL-TRANSIT", "open": true,
                                       "valid_to": "2019-06-30"}]}""");
            assertThat(periodsThatDiffer()).isEmpty();
            // (, 2020-11-10), [2020-11-10, 2021-01-01), [2021-01-01, 2022-01-01), [2022-01-01, ): the empty row cuts nothing
            assertThat(periodsOf("agarak-nurduz")).isEqualTo(4);
            assertThat(periodsOf("angeghakot")).isEqualTo(3);

            // the seed's CLOSED regime has operator 'none'
            jdbc.sql("update corridor.control_regimes set operator = 'joint' where code = 'CLOSED'").update();
            assertThat(periodsThatDiffer()).isEmpty();
            assertThat(jdbc.sql("""
                    select e->>'operator' from corridor.checkpoint_regime_periods p, json_array_elements(p.regimes) e
                     where p.target_id = 'agarak-nurduz' and p.during @> date '2021-06-01' and e->>'scenario' = 'period-check'""")
                    .query(String.class).list()).containsExactly("joint");

            jdbc.sql("delete from corridor.scenarios where id = 'period-check'").update();
            assertThat(periodsThatDiffer()).isEmpty();
            assertThat(periodsOf("agarak-nurduz")).isEqualTo(2);

            jdbc.sql("truncate corridor.scenarios cascade").update();
            assertThat(jdbc.sql("select count(*) from corridor.checkpoint_regime_periods").query(Long.class).single()).isZero();
        });
        // rolled back: the seed's periods again
        assertThat(periodsThatDiffer()).isEmpty();
        assertThat(periodsOf("agarak-nurduz")).isEqualTo(2);
    }

    /** The controls in the objects of every row naming a regime code: passport|customs|border|operator, - for null. */
    private List<String> controlsOf(String regime) {
        List<String> controls = jdbc.sql("""
                select coalesce(controls->>'passport_control', '-') || '|' || coalesce(controls->>'customs_control', '-') || '|'
                       || coalesce(controls->>'border_control', '-') || '|' || coalesce(controls->>'operator', '-')
                  from corridor.scenario_assignment where regime = :regime""")
                .param("regime", regime).query(String.class).list();
        assertThat(controls).as("rows naming %s", regime).isNotEmpty();
        return controls;
    }

    /** A scenario of the given assignments (JSON), with the observed scenario's sources and accuracy. */
    private void insertScenario(String id, String assignments) {
        jdbc.sql("""
                insert into corridor.scenarios (id, name, description, sources, accuracy, assignments)
                select :id, :id, 'test', sources, accuracy, cast(:assignments as jsonb)
                  from corridor.scenarios where id = 'observed'""")
                .param("id", id).param("assignments", assignments).update();
    }

    private List<String> rowsOf(String scenario) {
        return jdbc.sql("""
                select part || '|' || n || '|' || target_id || '|' || coalesce(country, '-') || '|' || coalesce(regime, '-')
                       || '|' || coalesce(open::text, '-') || '|' || coalesce(valid_from::text, '-') || '|' || coalesce(valid_to::text, '-')
                  from corridor.scenario_assignment where scenario_id = :s order by part, n""")
                .param("s", scenario).query(String.class).list();
    }
}
