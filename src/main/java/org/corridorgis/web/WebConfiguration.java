package org.corridorgis.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/** CORS: any web page may read the data (GET and HEAD, and POST to a search), and see the headers that matter to GIS clients. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Tomcat's own error pages become problem+json too (see {@link ProblemErrorReportValve}). */
    @Bean
    TomcatContextCustomizer problemErrorReports() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        };
    }

    /**
     * CORS for every path, answered before Spring MVC: a preflight is answered here entirely, and one that is
     * refused (a method other than GET or HEAD, or POST to a search) gets a problem body saying why, like every other 4xx.
     */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of("*"));
        cors.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS"));
        cors.setAllowedHeaders(List.of("*"));
        cors.setExposedHeaders(List.of("ETag", "Content-Crs", "Link", "Content-Length", DataVersion.HEADER));
        cors.setMaxAge(86400L);
        // a search reads too (its CQL2 filter comes as a body, hence POST): any page may send one
        CorsConfiguration search = new CorsConfiguration(cors);
        search.setAllowedMethods(List.of("GET", "HEAD", "POST", "OPTIONS"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/collections/*/search", search); // the first pattern that matches applies
        source.registerCorsConfiguration("/**", cors);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor());
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    static final class ProblemCorsProcessor extends DefaultCorsProcessor {
        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
            response.getBody().write(("{\"type\":\"about:blank\",\"title\":\"CORS request refused\",\"status\":403,"
                    + "\"detail\":\"cross-origin requests may use GET, HEAD and OPTIONS only\"}").getBytes(StandardCharsets.UTF_8));
            response.flush();
        }
    }
}
