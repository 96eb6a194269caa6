package org.corridorgis.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where absolute links start ({@code corridor.web.*}; see {@link PublicAddress}).
 *
 * @param publicUrl      the URL the service is reached at from outside, when set ({@code CORRIDOR_PUBLIC_URL})
 * @param trustedProxies IP addresses or CIDR blocks whose {@code Forwarded} / {@code X-Forwarded-*} headers are
 *                       believed, comma-separated ({@code CORRIDOR_TRUSTED_PROXIES})
 */
@ConfigurationProperties("corridor.web")
public record WebProperties(String publicUrl, String trustedProxies) {
    public WebProperties {
        publicUrl = publicUrl == null ? "" : publicUrl;
        trustedProxies = trustedProxies == null ? "" : trustedProxies;
    }
}
