package org.corridorgis.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Turns the bearer token of a request into an {@link Author}: an API token of the service's own
 * ({@code cgis_...}) is checked against {@code corridor.api_token}, anything else is taken for a JWT of the
 * configured OpenID Connect provider (signature from its JWKS, issuer, audience, expiry), whose roles come
 * from a configurable claim.
 *
 * <p>A refused token is counted against the client and logged without the token; a client with too many
 * refusals is refused at once (429). This runs in the security filter, before the read router has chosen a
 * replica, so the token and the refusals are always read on the primary: a revocation holds at once.
 */
@Component
class BearerAuthentication implements AuthenticationManagerResolver<HttpServletRequest> {

    private static final Logger log = LoggerFactory.getLogger(BearerAuthentication.class);

    private final ApiTokens tokens;
    private final FailedAttempts attempts;
    private final SecurityProperties.Oidc oidc;
    private final NimbusJwtDecoder jwtDecoder;

    BearerAuthentication(ApiTokens tokens, FailedAttempts attempts, SecurityProperties properties) {
        this.tokens = tokens;
        this.attempts = attempts;
        this.oidc = properties.oidc();
        this.jwtDecoder = oidc.configured() ? decoder(oidc) : null;
    }

    /** Too many refused tokens from this client lately. */
    static final class TooManyFailures extends AuthenticationException {
        TooManyFailures() {
            super("too many invalid bearer tokens from this address; try again in a minute");
        }
    }

    /** The database that holds the tokens could not be asked. */
    static final class CannotCheck extends AuthenticationException {
        CannotCheck(Throwable cause) {
            super("the token could not be checked: the database is not answering; try again shortly", cause);
        }
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        return authentication -> authenticate((BearerTokenAuthenticationToken) authentication, request);
    }

    private Authentication authenticate(BearerTokenAuthenticationToken bearer, HttpServletRequest request) {
        String client = request.getRemoteAddr();
        try {
            if (attempts.blocked(client)) {
                log.warn("Refused a bearer token from {} on {} {}: too many invalid tokens from this address", client,
                        request.getMethod(), request.getRequestURI());
                throw new TooManyFailures();
            }
            String token = bearer.getToken();
            String why;
            Optional<Author> author;
            if (ApiTokens.looksLikeApiToken(token)) {
                author = tokens.verify(token);
                why = "unknown, revoked or expired API token";
            } else if (jwtDecoder != null) {
                author = Optional.empty();
                why = "not a valid JWT of the configured provider";
                try {
                    author = Optional.of(author(jwtDecoder.decode(token)));
                } catch (JwtException e) {
                    why = "JWT refused (" + e.getClass().getSimpleName() + ")";
                }
            } else {
                author = Optional.empty();
                why = "not an API token of this service, and no OpenID Connect provider is configured";
            }
            if (author.isEmpty()) {
                attempts.record(client);
                log.warn("Refused a bearer token from {} on {} {}: {}", client, request.getMethod(), request.getRequestURI(), why);
                throw new InvalidBearerTokenException("the bearer token is not valid: " + why);
            }
            return new AuthorAuthentication(author.get());
        } catch (DataAccessException e) {
            log.warn("Could not check a bearer token on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMostSpecificCause().getMessage());
            throw new CannotCheck(e);
        }
    }

    private Author author(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : roleNames(claim(jwt.getClaims(), oidc.rolesClaim()))) {
            String n = name.startsWith(oidc.rolePrefix()) ? name.substring(oidc.rolePrefix().length()) : name;
            Role.parse(n).ifPresent(roles::add);
        }
        Object name = jwt.getClaims().get(oidc.nameClaim());
        String author = name instanceof String s && !s.isBlank() ? s : jwt.getSubject();
        if (author == null || author.isBlank()) {
            throw new JwtException("the token names nobody (no " + oidc.nameClaim() + ", no sub)");
        }
        return new Author(author, roles, "oidc");
    }

    /** A claim by its dotted path ({@code realm_access.roles}). */
    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private static List<String> roleNames(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(v -> names.add(String.valueOf(v)));
        } else if (value instanceof String s) {
            for (String part : s.split("[\\s,]+")) {
                if (!part.isBlank()) {
                    names.add(part);
                }
            }
        }
        return names;
    }

    private static NimbusJwtDecoder decoder(SecurityProperties.Oidc oidc) {
        NimbusJwtDecoder decoder = oidc.jwkSetUri().isBlank()
                ? NimbusJwtDecoder.withIssuerLocation(oidc.issuerUri()).build()
                : NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator(oidc.clockSkew() == null ? Duration.ofSeconds(60) : oidc.clockSkew()));
        if (!oidc.issuerUri().isBlank()) {
            validators.add(new JwtIssuerValidator(oidc.issuerUri()));
        }
        if (!oidc.audience().isBlank()) {
            validators.add(new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(oidc.audience())));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }
}
