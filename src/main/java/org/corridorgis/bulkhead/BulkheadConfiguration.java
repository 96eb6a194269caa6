package org.corridorgis.bulkhead;

import org.corridorgis.catalog.Catalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Sizes the bulkhead from the pool's own setting (spring.datasource.hikari.maximum-pool-size), read in one place, and
 * the processors the JVM may use.
 */
@Configuration(proxyBeanMethods = false)
class BulkheadConfiguration implements WebMvcConfigurer {

    private final ExpensiveRequests expensive;

    BulkheadConfiguration(BulkheadProperties properties, Environment environment, Catalog catalog) {
        int pool = environment.getRequiredProperty("spring.datasource.hikari.maximum-pool-size", Integer.class);
        this.expensive = new ExpensiveRequests(properties.capacity(pool, Runtime.getRuntime().availableProcessors()), properties, catalog);
    }

    @Bean
    ExpensiveRequests expensiveRequests() {
        return expensive;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(expensive);
    }
}
