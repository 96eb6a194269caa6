package org.corridorgis.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a shared cache (a CDN, the load balancer) may keep a versioned response (feature pages, tiles,
 * analyses) without asking, and how long after that it may keep serving it while it revalidates in the
 * background. Both bound how stale a cached copy can be; the strong ETag makes revalidation cheap (304).
 */
@ConfigurationProperties("corridor.http.cache")
public record CachingProperties(Duration maxAge, Duration staleWhileRevalidate) {

    public CachingProperties {
        // the defaults are in application.yml, the one place for them
        Settings.require("corridor.http.cache.max-age", maxAge);
        Settings.require("corridor.http.cache.stale-while-revalidate", staleWhileRevalidate);
    }

    String cacheControl() {
        return "public, max-age=" + maxAge.toSeconds() + ", stale-while-revalidate=" + staleWhileRevalidate.toSeconds();
    }
}
