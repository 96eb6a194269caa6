package org.corridorgis.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Chooses the database. An explicit URL ({@code CORRIDOR_DB_URL} or {@code spring.datasource.url}) is used as
 * it is, through Spring Boot's own DataSource; Docker users get one through docker compose (and the tests
 * through Testcontainers), which also arrives as an explicit URL. Otherwise the service starts its embedded
 * PostGIS cluster and connects to that.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** No close method here: zonky stops the server in a JVM shutdown hook, after the pool has let go. */
    @Bean(destroyMethod = "")
    @Conditional(NoExplicitDatabase.class)
    EmbeddedPostgis embeddedPostgis(EmbeddedDatabaseProperties properties) {
        return EmbeddedPostgisInstances.obtain(properties);
    }

    /** The pool settings under spring.datasource.hikari apply here as they do to an explicit database. */
    @Bean
    @Conditional(NoExplicitDatabase.class)
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgis embedded) {
        HikariDataSource pool = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(embedded.jdbcUrl())
                .username(EmbeddedPostgis.USER)
                .password("")
                .build();
        pool.setPoolName("corridor-embedded");
        return pool;
    }

    @Bean
    static StatementTimeoutOnConnect statementTimeoutOnConnect(org.springframework.core.env.Environment environment) {
        return new StatementTimeoutOnConnect(environment);
    }

    /**
     * Migrations run on connections of their own, outside the pool: the pool's connections carry the request
     * statement timeout and socket timeout (which bounds a request on a frozen database, and would cut a long
     * migration statement), and a migration is no request (nor may its session settings stay behind in the pool).
     */
    @Bean
    org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer migrationsOutsideThePool(DataSource dataSource) {
        return flyway -> {
            HikariDataSource pool = primaryPool(dataSource);
            if (pool != null) {
                flyway.dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword() == null ? "" : pool.getPassword());
            }
        };
    }

    /** The primary's pool, also behind the replicas' routing DataSource (which unwraps to it). */
    private static HikariDataSource primaryPool(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource pool) {
            return pool;
        }
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (java.sql.SQLException e) {
            return null;
        }
    }

    @Bean
    static DatabaseProbe databaseProbe() {
        return new DatabaseProbe();
    }

    static final class NoExplicitDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url", "");
            return url.isBlank();
        }
    }

    /** The DataSource bean, for the probe's messages. */
    static String describe(DataSource dataSource) {
        return dataSource instanceof HikariDataSource hikari ? hikari.getJdbcUrl() : dataSource.getClass().getSimpleName();
    }
}
