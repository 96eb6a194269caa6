package org.corridorgis.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded default database: a private PostgreSQL + PostGIS cluster started by the service on the
 * machine's own PostgreSQL binaries, used when no explicit database URL is configured.
 *
 * @param dataDir    where the cluster lives; persists across restarts
 * @param ephemeral  a throw-away cluster in a temporary directory (tests)
 * @param port       the cluster's TCP port on 127.0.0.1; 0 picks a free one
 * @param pgBin      the PostgreSQL bin directory; empty finds the newest /usr/lib/postgresql/N/bin
 * @param startupWait how long to wait for the cluster to accept connections
 * @param restartAfter how long after the cluster's server has died the service starts it again
 */
@ConfigurationProperties("corridor.database.embedded")
public record EmbeddedDatabaseProperties(Path dataDir, boolean ephemeral, int port, String pgBin, Duration startupWait,
                                         Duration restartAfter) {

    public EmbeddedDatabaseProperties {
        // the defaults are in application.yml, the one place for them
        pgBin = pgBin == null ? "" : pgBin;
    }
}
