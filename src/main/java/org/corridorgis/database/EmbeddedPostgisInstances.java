package org.corridorgis.database;

/**
 * One throw-away cluster per JVM: the test suite builds several Spring contexts, and they all share it.
 * A persistent cluster belongs to the one service process that started it.
 */
final class EmbeddedPostgisInstances {

    private static EmbeddedPostgis shared;

    private EmbeddedPostgisInstances() {
    }

    static synchronized EmbeddedPostgis obtain(EmbeddedDatabaseProperties properties) {
        if (!properties.ephemeral()) {
            return EmbeddedPostgis.start(properties);
        }
        if (shared == null) {
            shared = EmbeddedPostgis.start(properties);
        }
        return shared;
    }
}
