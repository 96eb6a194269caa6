package org.corridorgis.security;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.corridorgis.web.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Who may do what over HTTP. Reading (GET, HEAD, OPTIONS, and the read-only POST of {@code /search}) is open
 * to anyone unless {@code corridor.security.read=authenticated}; anything else needs a valid bearer token
 * (see {@link BearerAuthentication}); which role a write needs is decided by the code that does it. No
 * sessions, no cookies, so no CSRF to defend against: each request carries its token.
 *
 * <p>Every refusal is a problem body like the service's other errors, with {@code WWW-Authenticate: Bearer};
 * security headers and CORS stay with the service's own filters.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    static final String REALM = "corridor-gis";

    /**
     * No observation per security filter, authentication and authorization: about fifteen a request, which cost a
     * sixth of the service's CPU on a feature page, and the service exports no traces that would show them. The
     * request itself is still observed once ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, BearerAuthentication bearer) throws Exception {
        AuthenticationEntryPoint entryPoint = SecurityConfiguration::refuse;
        AccessDeniedHandler denied = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\"");
            ProblemResponses.write(response, request, HttpStatus.FORBIDDEN, "Not allowed", "this request needs another role");
        };
        http.csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(bearer)
                        .authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .authorizeHttpRequests(a -> {
                    a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                    // open whatever CORRIDOR_READ says: the probes, the viewer's own files (code, not data), the API
                    // definition and conformance classes (they describe the service and its security, hold no data),
                    // and who the caller is (an anonymous caller learns that it is one)
                    a.requestMatchers("/actuator/health", "/actuator/health/**", "/viewer", "/viewer/**", "/error").permitAll();
                    a.requestMatchers(HttpMethod.GET, "/api", "/conformance", "/auth/me").permitAll();
                    a.requestMatchers(HttpMethod.HEAD, "/api", "/conformance", "/auth/me").permitAll();
                    read(a.requestMatchers(HttpMethod.GET), properties);
                    read(a.requestMatchers(HttpMethod.HEAD), properties);
                    a.requestMatchers(HttpMethod.OPTIONS).permitAll();
                    read(a.requestMatchers(HttpMethod.POST, "/collections/*/search"), properties);
                    a.anyRequest().authenticated();
                });
        return http.build();
    }

    private static void read(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url, SecurityProperties properties) {
        if (properties.publicRead()) {
            url.permitAll();
        } else {
            url.authenticated();
        }
    }

    /** A 401 (or 429, 503) problem body saying why, never Spring Security's empty default. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof BearerAuthentication.TooManyFailures) {
            response.setHeader("Retry-After", "60");
            ProblemResponses.write(response, request, HttpStatus.TOO_MANY_REQUESTS, "Too many invalid tokens", e.getMessage());
            return;
        }
        if (e instanceof BearerAuthentication.CannotCheck) {
            response.setHeader("Retry-After", "2");
            ProblemResponses.write(response, request, HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", e.getMessage());
            return;
        }
        boolean tokenSent = request.getHeader("Authorization") != null;
        if (tokenSent || e instanceof InvalidBearerTokenException) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
            ProblemResponses.write(response, request, HttpStatus.UNAUTHORIZED, "Invalid token",
                    e instanceof InvalidBearerTokenException ? e.getMessage()
                            : "the Authorization header must be 'Bearer <token>' with an API token of this service or a JWT of its OpenID Connect provider");
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
        ProblemResponses.write(response, request, HttpStatus.UNAUTHORIZED, "Authentication required",
                request.getMethod() + " " + request.getRequestURI() + " needs a bearer token (Authorization: Bearer <token>): "
                        + "an API token (./corridor token create) or a JWT of the configured OpenID Connect provider");
    }
}
