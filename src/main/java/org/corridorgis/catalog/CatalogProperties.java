package org.corridorgis.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the catalogue follows the database ({@code corridor.catalog.*}).
 *
 * @param refresh how long a reading of the collections is kept before the database is asked again: a collection
 *                added by a migration appears on every instance within this time;
 *                zero reads the collections for every request (tests that add collections of their own)
 */
@ConfigurationProperties("corridor.catalog")
public record CatalogProperties(Duration refresh) {
    public CatalogProperties {
        if (refresh == null || refresh.isNegative()) {
            throw new IllegalArgumentException("corridor.catalog.refresh must be zero (read every time) or more, not " + refresh);
        }
    }
}
