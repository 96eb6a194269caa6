package org.corridorgis.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link StartupProblem} anywhere in the cause chain into Spring Boot's short failure report. */
class StartupProblemFailureAnalyzer extends AbstractFailureAnalyzer<StartupProblem> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupProblem cause) {
        return new FailureAnalysis("corridor-gis cannot start: " + cause.getMessage(), "Fix: " + cause.fix(), null);
    }
}
