package org.corridorgis.ingest;

import org.corridorgis.database.StartupProblem;

/**
 * Invalid seed data: which file, which feature (if any) and what is wrong with it. The load that raised it was
 * rolled back as a whole, so the database is as it was before. At start-up this is a {@link StartupProblem}:
 * one line, no stack trace wall.
 */
public class GeodataException extends StartupProblem {

    private final String file;
    private final String featureId;
    private final String problem;

    GeodataException(String file, String featureId, String problem, Throwable cause) {
        super(describe(file, featureId, problem),
                "correct " + (file == null ? "the geodata directory" : file)
                        + " (nothing was loaded: the database is as it was), or start with corridor.geodata.enabled=false",
                cause);
        this.file = file;
        this.featureId = featureId;
        this.problem = problem;
    }

    GeodataException(String file, String featureId, String problem) {
        this(file, featureId, problem, null);
    }

    private static String describe(String file, String featureId, String problem) {
        StringBuilder s = new StringBuilder("geodata");
        if (file != null) {
            s.append(' ').append(file);
        }
        if (featureId != null) {
            s.append(", feature '").append(featureId).append('\'');
        }
        return s.append(": ").append(problem).toString();
    }

    /** The file name (e.g. {@code routes.geojson}), or null for a problem not tied to one file. */
    public String file() {
        return file;
    }

    /** The feature id, or null for a problem with the file as a whole. */
    public String featureId() {
        return featureId;
    }

    /** What is wrong, without file and feature. */
    public String problem() {
        return problem;
    }
}
