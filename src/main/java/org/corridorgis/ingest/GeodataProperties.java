package org.corridorgis.ingest;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the seed data comes from.
 *
 * @param dir     the geodata directory ({@code CORRIDOR_GEODATA_DIR}, default {@code geodata}, relative to the
 *                working directory); a missing directory is reported with one warning and nothing is loaded
 * @param enabled whether the service loads it at start-up ({@code CORRIDOR_GEODATA_ENABLED}, default true)
 */
@ConfigurationProperties("corridor.geodata")
public record GeodataProperties(Path dir, Boolean enabled) {

    public GeodataProperties {
        // the defaults are in application.yml, the one place for them
        enabled = Boolean.TRUE.equals(enabled);
    }
}
