package org.workbench.api;

import java.util.List;

/** The kinds of component that a descriptor can name, as used in {@link Provider#KIND}. */
public final class Kinds {
    public static final String DATA = "data";
    public static final String PRIOR = "prior";
    public static final String LIKELIHOOD = "likelihood";
    public static final String OPTIMIZER = "optimizer";
    public static final String SAMPLER = "sampler";
    public static final String LAYER = "layer";
    public static final String LOSS = "loss";
    public static final String TASK = "task";
    public static final String BACKEND = "backend";
    /** Where a run's units (sweep points, fanned-out units) execute: {@code local}, {@code hazelcast}. @since 1.2 */
    public static final String EXECUTOR = "executor";

    /** Every kind, in the order that {@code list} prints them. */
    public static final List<String> ALL =
            List.of(TASK, DATA, PRIOR, LIKELIHOOD, OPTIMIZER, SAMPLER, LAYER, LOSS, BACKEND, EXECUTOR);

    private Kinds() {
    }
}
