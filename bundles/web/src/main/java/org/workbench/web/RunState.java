package org.workbench.web;

/**
 * How a live run reads on the page: {@code running}, {@code done → result} (with the result folder),
 * {@code cancelled}, {@code failed: reason} or {@code refused: reason} (invalid input, nothing ran).
 *
 * @param name   {@code running}, {@code done}, {@code cancelled}, {@code failed} or {@code refused}
 * @param reason why it failed or was refused ({@code null} otherwise)
 * @param run    the result folder {@code experiment/runId} when one was published ({@code null} otherwise)
 */
record RunState(String name, String reason, String run) {
    static final RunState RUNNING = new RunState("running", null, null);

    /**
     * The state of an ended run from its exit status, published folder and error line.
     *
     * @param cancelRequested whether someone pressed Cancel (a cancelled run ends with status 1 and no folder)
     */
    static RunState ended(int status, String run, String error, boolean cancelRequested) {
        if (status == 0) {
            return new RunState("done", null, run);
        }
        if (status == 2) {
            return new RunState("refused", strip(error), null);
        }
        if (run == null && (cancelRequested || (error != null && error.matches("(?s).*\\bcancelled\\b.*")))) {
            return new RunState("cancelled", null, null);
        }
        return new RunState("failed", strip(error), run);
    }

    /** The words shown: {@code failed: reason}; the result link of a done run is added by the page. */
    String text() {
        return switch (name) {
            case "done" -> "done →";
            case "failed", "refused" -> name + ": " + (reason == null || reason.isBlank() ? "no reason given" : reason);
            default -> name;
        };
    }

    /** The error line without the command line's prefix ({@code error: }, {@code run failed: }). */
    private static String strip(String error) {
        if (error == null) {
            return null;
        }
        return error.replaceFirst("^(error|run failed|run partial): ", "").strip();
    }
}
