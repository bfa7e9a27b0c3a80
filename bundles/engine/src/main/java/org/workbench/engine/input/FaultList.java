package org.workbench.engine.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the faults of independent checks so that a descriptor's mistakes are reported together
 * (up to {@link InvalidInputException#LIMIT}), not one per attempt.
 */
public final class FaultList {
    /** A check that may find a fault. */
    @FunctionalInterface
    public interface Step<T> {
        T run() throws InvalidInputException;
    }

    private final List<InvalidInputException> faults = new ArrayList<>();

    /** The step's value, or {@code fallback} when it found a fault (kept for {@link #throwIfAny()}). */
    public <T> T attempt(Step<T> step, T fallback) {
        try {
            return step.run();
        } catch (InvalidInputException e) {
            faults.add(e);
            return fallback;
        }
    }

    /** Whether a fault was found. */
    public boolean any() {
        return !faults.isEmpty();
    }

    /** Throws one exception reporting every fault found, if any. */
    public void throwIfAny() throws InvalidInputException {
        if (!faults.isEmpty()) {
            throw InvalidInputException.all(faults);
        }
    }
}
