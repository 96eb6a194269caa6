package org.corridorgis.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What one load did.
 *
 * @param dir           the directory loaded
 * @param files         one entry per collection of the catalogue that has a file, in catalogue order
 * @param routeSegments route segments after {@code corridor.rebuild_route_segments()}, or -1 if nothing changed
 *                      and they were not rebuilt
 * @param millis        wall time of the whole load
 */
public record LoadReport(Path dir, List<FileLoad> files, int routeSegments, long millis) {

    public enum Status { LOADED, UNCHANGED, ABSENT }

    /**
     * One file.
     *
     * @param file       its name, e.g. {@code routes.geojson}
     * @param collection the collection id it loads
     * @param status     loaded (its checksum changed), unchanged (skipped) or absent
     * @param features   features in the file (for unchanged files: as recorded when last loaded)
     * @param added      rows that did not exist before
     * @param changed    rows inserted or changed (a new version each; includes {@code added})
     * @param removed    rows deleted because their id is gone from the file (kept in history)
     * @param millis     time spent on the file
     */
    public record FileLoad(String file, String collection, Status status, int features, int added, int changed,
                           int removed, long millis) {
    }

    public static LoadReport nothing(Path dir) {
        return new LoadReport(dir, List.of(), -1, 0);
    }

    public Optional<FileLoad> file(String name) {
        return files.stream().filter(f -> f.file().equals(name)).findFirst();
    }

    /** Rows inserted, changed or removed over all files. */
    public int totalChanges() {
        return files.stream().mapToInt(f -> f.changed() + f.removed()).sum();
    }
}
