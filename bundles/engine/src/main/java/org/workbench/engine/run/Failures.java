package org.workbench.engine.run;

/** One line that says why a unit failed. */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable e) {
        if (e instanceof ComponentFailure c) {
            return c.label() + ": " + c.getMessage();
        }
        if (e instanceof RunFailure || e instanceof org.workbench.api.execution.MissingBundleException) {
            return e.getMessage();
        }
        return e.toString();
    }
}
