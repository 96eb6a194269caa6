package org.corridorgis.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refused bearer tokens per client, counted in the database ({@code corridor.auth_failure}, per minute), so
 * that every instance behind a load balancer applies the same limit. A client over the limit is refused before
 * its token is even checked, until a minute has passed since it sent too many (the current and the previous minute count).
 */
@Component
class FailedAttempts {

    private final JdbcClient jdbc;
    private final int maxPerMinute;

    FailedAttempts(JdbcClient jdbc, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.maxPerMinute = properties.maxFailuresPerMinute();
    }

    boolean blocked(String client) {
        Integer failures = jdbc.sql("select coalesce(sum(failures), 0)::int from corridor.auth_failure "
                        + "where client = :client and minute >= date_trunc('minute', now()) - interval '1 minute'")
                .param("client", client).query(Integer.class).single();
        return failures >= maxPerMinute;
    }

    void record(String client) {
        jdbc.sql("""
                with expired as (delete from corridor.auth_failure where minute < now() - interval '1 hour')
                insert into corridor.auth_failure as f (client, minute, failures) values (:client, date_trunc('minute', now()), 1)
                on conflict (client, minute) do update set failures = f.failures + 1
                """).param("client", client).update();
    }
}
