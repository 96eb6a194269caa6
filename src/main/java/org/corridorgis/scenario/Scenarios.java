package org.corridorgis.scenario;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The scenarios: which exist and which one a request without {@code scenario=} means. A scenario's regimes on a day
 * come from one SQL function, {@code corridor.assignments_at(day)} (migration V11): the assignments in force that day
 * (null: today), one row each ({@code scenario_id, part, n, target_id, country, regime, open, basis, valid_from,
 * valid_to}). Feature pages, download columns, tiles and route analyses all read it. A checkpoint page under every
 * scenario reads the same rows kept by period instead ({@code corridor.checkpoint_regime_periods}, migration V14),
 * which its test compares with the rows in force day by day.
 */
@Component
public class Scenarios {

    private final JdbcClient jdbc;
    private final String defaultId;

    Scenarios(JdbcClient jdbc, ScenarioProperties properties) {
        this.jdbc = jdbc;
        this.defaultId = properties.defaultId();
    }

    /** The scenario a request that names none is answered under. */
    public String defaultId() {
        return defaultId;
    }

    public boolean exists(String id) {
        return jdbc.sql("select exists (select 1 from corridor.scenarios where id = :id)").param("id", id).query(Boolean.class).single();
    }

    public List<String> ids() {
        return jdbc.sql("select id from corridor.scenarios order by id").query(String.class).list();
    }
}
