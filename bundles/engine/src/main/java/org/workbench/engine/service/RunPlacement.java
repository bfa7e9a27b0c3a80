package org.workbench.engine.service;

import org.workbench.engine.run.Plan;

/**
 * Where a planned run goes: this JVM, or somewhere its front end arranges (the command line's
 * {@code --isolate} runs it in a child JVM that can always be killed).
 */
public interface RunPlacement {
    /** Every run in this JVM. */
    RunPlacement HERE = new RunPlacement() {
        @Override
        public RunOutcome elsewhere(Plan plan) {
            return null;
        }

        @Override
        public void startingHere() {
            // nothing to tell
        }
    };

    /**
     * Runs the plan somewhere else and says how it ended, or returns {@code null} to run it in this JVM.
     * A run elsewhere reports its own output; its outcome carries the status alone.
     */
    RunOutcome elsewhere(Plan plan);

    /** Hears that the run starts in this JVM, once its executor is chosen. */
    void startingHere();
}
