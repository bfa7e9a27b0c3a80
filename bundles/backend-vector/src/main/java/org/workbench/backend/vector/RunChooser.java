package org.workbench.backend.vector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.workbench.backend.vector.cache.RunChoice;

/**
 * Chooses the set of plans a run uses from the sets' timings on a run's sequence: the built-in set
 * unless another set's estimated whole run (its epochs' products and its kernels' compiles) is faster by
 * at least {@link #MARGIN} of the built-in's. So a machine that measured never runs a set that measured
 * slower than what an unmeasured machine runs, and a set within the noise of a loaded machine's timing
 * does not displace the built-in kernel.
 */
final class RunChooser {
    /** How much faster than the built-in set's run, as a fraction of it, another set's must be to be chosen. */
    static final double MARGIN = 0.05;

    private RunChooser() {
    }

    /**
     * The choice among {@code timed}, which must hold the set named {@link RunChoice#BUILT_IN}; the candidates
     * fastest first.
     */
    static RunChoice choose(List<RunChoice.Candidate> timed, double margin, String measuredAt) {
        List<RunChoice.Candidate> sorted = new ArrayList<>(timed);
        sorted.sort(Comparator.comparingDouble(RunChoice.Candidate::runMillis));
        RunChoice.Candidate builtIn = sorted.stream().filter(c -> c.name().equals(RunChoice.BUILT_IN)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the built-in set was not timed"));
        RunChoice.Candidate best = sorted.stream().filter(c -> !c.name().equals(RunChoice.BUILT_IN)).findFirst().orElse(null);
        boolean beats = best != null && best.runMillis() <= (1 - margin) * builtIn.runMillis();
        return new RunChoice(beats ? best.name() : RunChoice.BUILT_IN, measuredAt, margin, sorted);
    }
}
