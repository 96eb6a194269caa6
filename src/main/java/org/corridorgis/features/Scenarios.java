package org.corridorgis.features;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which scenarios exist, for checking a {@code scenario} parameter before it is used. */
@Component
class Scenarios {

    private final JdbcClient jdbc;

    Scenarios(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String id) {
        return jdbc.sql("select exists (select 1 from corridor.scenarios where id = ?)").param(id).query(Boolean.class).single();
    }
}
