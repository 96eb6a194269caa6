package org.corridorgis.support;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Which PostGIS the tests run against, in the service's own order: an explicit database URL as given; else a
 * Testcontainers PostGIS when a Docker daemon answers; else the embedded cluster, in a throw-away directory.
 * One database serves the whole test run.
 */
public final class TestDatabaseSelection implements EnvironmentPostProcessor {

    private static PostgreSQLContainer container;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("corridor.database.embedded.ephemeral", "true");
        properties.put("corridor.database.embedded.port", "0");
        // Tests add collections of their own and expect to see them at once.
        properties.put("corridor.catalog.refresh", "0s");
        // JWTs of a provider the tests play themselves (a key pair made for the run, its JWKS on 127.0.0.1)
        properties.put("corridor.security.oidc.jwk-set-uri", TestOidcProvider.get().jwksUrl());
        properties.put("corridor.security.oidc.issuer-uri", TestOidcProvider.ISSUER);
        properties.put("corridor.security.oidc.audience", TestOidcProvider.AUDIENCE);
        properties.put("corridor.security.oidc.roles-claim", TestOidcProvider.ROLES_CLAIM);
        properties.put("corridor.security.oidc.role-prefix", TestOidcProvider.ROLE_PREFIX);
        if (environment.getProperty("spring.datasource.url", "").isBlank() && dockerAnswers()) {
            PostgreSQLContainer db = container();
            properties.put("spring.datasource.url", db.getJdbcUrl());
            properties.put("spring.datasource.username", db.getUsername());
            properties.put("spring.datasource.password", db.getPassword());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("corridor-test-database", properties));
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static synchronized PostgreSQLContainer container() {
        if (container == null) {
            container = new PostgreSQLContainer(DockerImageName.parse("postgis/postgis:15-3.4")
                    .asCompatibleSubstituteFor("postgres"))
                    // as the embedded cluster: statement statistics, which the statement-count tests read
                    .withCommand("postgres", "-c", "fsync=off", "-c", "shared_preload_libraries=pg_stat_statements");
            container.start();
        }
        return container;
    }
}
