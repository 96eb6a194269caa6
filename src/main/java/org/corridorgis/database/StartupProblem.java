package org.corridorgis.database;

/**
 * A start-up failure that the operator can fix: what went wrong and how to fix it, reported as one line by
 * {@link StartupProblemFailureAnalyzer} instead of a wall of stack traces.
 */
public class StartupProblem extends RuntimeException {

    private final String fix;

    public StartupProblem(String problem, String fix) {
        super(problem);
        this.fix = fix;
    }

    public StartupProblem(String problem, String fix, Throwable cause) {
        super(problem, cause);
        this.fix = fix;
    }

    public String fix() {
        return fix;
    }
}
