package org.corridorgis.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read and how writers prove who they are ({@code corridor.security.*}).
 *
 * @param read                 {@code public} (anyone reads, the default) or {@code authenticated} (reads need a token too)
 * @param maxFailuresPerMinute refused bearer tokens a client may send in a minute before it is refused outright (429)
 * @param bcryptCost           the cost of the bcrypt hash of new API tokens (2^cost rounds)
 * @param oidc                 an OpenID Connect provider whose JWTs are accepted as bearer tokens
 */
@ConfigurationProperties("corridor.security")
public record SecurityProperties(String read, int maxFailuresPerMinute,
                                 int bcryptCost, Oidc oidc) {

    public SecurityProperties {
        // the defaults are in application.yml, the one place for them
        if (!read.equals("public") && !read.equals("authenticated")) {
            throw new IllegalArgumentException("corridor.security.read (CORRIDOR_READ) must be 'public' or 'authenticated', got '" + read + "'");
        }
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException("corridor.security.bcrypt-cost must be between 4 and 31");
        }
    }

    public boolean publicRead() {
        return read.equals("public");
    }

    /**
     * @param issuerUri   the provider's issuer ({@code iss} of its tokens); its JWKS is found by discovery unless jwkSetUri is given
     * @param jwkSetUri   the provider's JSON Web Key Set
     * @param audience    when set, a token's {@code aud} must contain it
     * @param rolesClaim  the claim that lists the roles, dotted for nested claims (Keycloak: {@code realm_access.roles})
     * @param nameClaim   the claim history records as the author (falls back to {@code sub})
     * @param rolePrefix  a prefix the provider's role names carry (e.g. {@code corridor-}), removed before matching
     * @param clockSkew   the clock difference tolerated on {@code exp} and {@code nbf}
     */
    public record Oidc(String issuerUri, String jwkSetUri, String audience,
                       String rolesClaim, String nameClaim,
                       String rolePrefix, Duration clockSkew) {

        public boolean configured() {
            return !issuerUri.isBlank() || !jwkSetUri.isBlank();
        }
    }
}
