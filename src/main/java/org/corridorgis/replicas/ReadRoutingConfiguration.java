package org.corridorgis.replicas;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.HandlerExceptionResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * With replicas configured, the primary's pool (whichever way it was made: embedded, explicit URL, Docker) is
 * wrapped in a {@link RoutingDataSource}; without them nothing changes and every statement goes to the primary.
 */
@Configuration(proxyBeanMethods = false)
class ReadRoutingConfiguration {

    @Bean
    static RoutingPostProcessor readRoutingPostProcessor(Environment environment) {
        ReplicaProperties properties = Binder.get(environment)
                .bind("corridor.database.replicas", ReplicaProperties.class)
                .orElseGet(() -> new ReplicaProperties(null, null, null, null, null));
        return new RoutingPostProcessor(new ReadReplicas(properties));
    }

    @Bean
    ReadReplicas readReplicas(RoutingPostProcessor routing) {
        return routing.replicas;
    }

    @Bean
    ReadRoutingFilter readRoutingFilter(ReadReplicas replicas, JsonMapper json) {
        return new ReadRoutingFilter(replicas, json);
    }

    @Bean
    HandlerExceptionResolver replicaFailureResolver() {
        return new ReplicaFailureResolver();
    }

    static final class RoutingPostProcessor implements BeanPostProcessor, Ordered {

        private final ReadReplicas replicas;

        RoutingPostProcessor(ReadReplicas replicas) {
            this.replicas = replicas;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (replicas.configured() && bean instanceof HikariDataSource primary && "dataSource".equals(beanName)) {
                replicas.start(primary);
                return new RoutingDataSource(primary, replicas);
            }
            return bean;
        }
    }
}
