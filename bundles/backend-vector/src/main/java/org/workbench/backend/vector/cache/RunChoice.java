package org.workbench.backend.vector.cache;

import java.util.List;
import java.util.Map;

/**
 * The kernels a backend of some thread count runs on one machine, chosen by timing whole sets of plans
 * on a run's sequence of products (problem 4's, in training order) with the JIT's compile of each distinct
 * kernel counted, and the timings it was chosen by.
 *
 * @param chosen     the name of the set chosen, {@link #BUILT_IN} when the built-in kernel was kept
 * @param measuredAt when, ISO-8601 UTC
 * @param margin     how much faster than the built-in set, as a fraction of its time, another set had to be
 * @param candidates every set timed, fastest estimated run first
 */
public record RunChoice(String chosen, String measuredAt, double margin, List<Candidate> candidates) {
    /** The name of the set of built-in plans (what a machine that measured nothing runs). */
    public static final String BUILT_IN = "built-in";

    public RunChoice {
        candidates = List.copyOf(candidates);
    }

    /** The chosen set, or null when it is not among the candidates (a hand-edited file). */
    public Candidate chosenSet() {
        return candidates.stream().filter(c -> c.name().equals(chosen)).findFirst().orElse(null);
    }

    /** The set of built-in plans' timings, or null when it was not timed. */
    public Candidate builtIn() {
        return candidates.stream().filter(c -> c.name().equals(BUILT_IN)).findFirst().orElse(null);
    }

    /**
     * One set of plans timed on the run's sequence.
     *
     * @param name          e.g. {@code built-in}, {@code fastest per class}, {@code 512b-8x3}
     * @param plans         the plan per shape class (empty for the built-in set: the built-in rule for every product)
     * @param kernels       the distinct micro-kernels the sequence ran under this set, e.g. {@code 512b-12x2}
     * @param epochMillis   the products of one epoch: the best time of each segment of the sequence, times its count in an epoch
     * @param compileMillis the JIT's compile of the kernels beyond the first, in CPU time
     * @param runMillis     the estimate for a whole run: its epochs' products and the compiles
     */
    public record Candidate(String name, Map<String, String> plans, List<String> kernels, double epochMillis,
            double compileMillis, double runMillis) {
        public Candidate {
            plans = Map.copyOf(plans);
            kernels = List.copyOf(kernels);
        }
    }
}
