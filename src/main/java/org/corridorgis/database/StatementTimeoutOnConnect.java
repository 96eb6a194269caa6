package org.corridorgis.database;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;

/**
 * Sets the statement timeout that guards every query ({@code corridor.features.statement-timeout}) once, when
 * the pool opens a connection, instead of in a statement of its own before every query: a feature page then
 * costs one round trip. Work that may legitimately run longer (migrations, the seed data load) lifts the
 * limit for itself. Runs before anything takes a connection from the pool (see {@link DatabaseProbe}).
 */
final class StatementTimeoutOnConnect implements BeanPostProcessor, PriorityOrdered {

    static final String PROPERTY = "corridor.features.statement-timeout";
    static final Duration DEFAULT = Duration.ofSeconds(30);

    private final Environment environment;

    StatementTimeoutOnConnect(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            long millis = Binder.get(environment).bind(PROPERTY, Duration.class).orElse(DEFAULT).toMillis();
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
