package org.corridorgis.bulkhead;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Sizes the bulkhead from the pool's own setting (spring.datasource.hikari.maximum-pool-size), read in one place. */
@Configuration(proxyBeanMethods = false)
class BulkheadConfiguration implements WebMvcConfigurer {

    private final ExpensiveRequests expensive;

    BulkheadConfiguration(BulkheadProperties properties, Environment environment) {
        int pool = environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 10);
        this.expensive = new ExpensiveRequests(Math.max(1, (int) Math.floor(pool * properties.expensiveShare())), properties);
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
