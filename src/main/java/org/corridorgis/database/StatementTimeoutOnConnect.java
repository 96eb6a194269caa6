package org.corridorgis.database;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;

/**
 * Sets the statement timeout that guards every query once, when the pool opens a connection, instead of in a
 * statement of its own before every query: a feature page then costs one round trip. The limit is the request
 * budget ({@code corridor.features.request-budget}) or the statement timeout
 * ({@code corridor.features.statement-timeout}), whichever is shorter.
 * <p>
 * The server enforces it, not the driver: a JDBC query timeout makes the driver send a cancel request to the
 * server's postmaster from one timer thread shared by all connections, and against a frozen server those cancel
 * requests block that thread, and the requests waiting for their cancel, past the socket timeout. Work that may
 * legitimately run longer (migrations, the seed data load) lifts the limit for itself. Runs before anything takes
 * a connection from the pool (see {@link DatabaseProbe}).
 */
final class StatementTimeoutOnConnect implements BeanPostProcessor, PriorityOrdered {

    static final String PROPERTY = "corridor.features.statement-timeout";
    static final Duration DEFAULT = Duration.ofSeconds(30);
    static final String BUDGET_PROPERTY = "corridor.features.request-budget";
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(5);

    private final Environment environment;

    StatementTimeoutOnConnect(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            Binder binder = Binder.get(environment);
            long millis = Math.min(binder.bind(PROPERTY, Duration.class).orElse(DEFAULT).toMillis(),
                    binder.bind(BUDGET_PROPERTY, Duration.class).orElse(DEFAULT_BUDGET).toMillis());
            String init = pool.getConnectionInitSql();
            String timeout = "SET statement_timeout = " + Math.max(1, millis);
            pool.setConnectionInitSql(init == null || init.isBlank() ? timeout : init.strip().replaceAll(";$", "") + "; " + timeout);
        }
        return bean;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10; // after the pool's properties are bound
    }
}
