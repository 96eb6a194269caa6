package org.corridorgis.database;

import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A database whose migration history does not fit this version of the service (a migration changed or
 * missing, one that failed) is reported as one line, with what to do, rather than a stack trace.
 */
class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<FlywayException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FlywayException cause) {
        String first = String.valueOf(cause.getMessage()).lines().map(String::trim).filter(l -> !l.isEmpty())
                .reduce((a, b) -> a + "; " + b).orElse("unknown migration problem");
        return new FailureAnalysis("corridor-gis cannot start: the database schema does not match this version's migrations ("
                + first + ")",
                "Fix: start on an empty database (for the embedded one, move var/postgis aside or set CORRIDOR_DATA_DIR), "
                        + "or repair the database's flyway_schema_history", null);
    }
}
