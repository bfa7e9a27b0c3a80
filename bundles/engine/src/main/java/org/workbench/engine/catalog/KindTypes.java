package org.workbench.engine.catalog;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.workbench.api.DataSource;
import org.workbench.api.Kinds;
import org.workbench.api.Task;
import org.workbench.api.bayes.Likelihood;
import org.workbench.api.bayes.Prior;
import org.workbench.api.execution.Executor;
import org.workbench.api.linear.MapSolver;
import org.workbench.api.linear.PosteriorSampler;
import org.workbench.api.nn.Backend;
import org.workbench.api.nn.GradientOptimizer;
import org.workbench.api.nn.Layer;
import org.workbench.api.nn.Loss;

/**
 * The API types that the components of each kind are: a provider's {@code kind} service property and
 * the type argument of its {@code Provider<T>} must agree, so a provider registered as a prior that
 * creates losses is refused when it is first fetched, naming both, instead of failing in a run.
 */
final class KindTypes {
    private static final Map<String, List<Class<?>>> TYPES = Map.of(
            Kinds.TASK, List.of(Task.class),
            Kinds.DATA, List.of(DataSource.class),
            Kinds.PRIOR, List.of(Prior.class),
            Kinds.LIKELIHOOD, List.of(Likelihood.class),
            Kinds.OPTIMIZER, List.of(GradientOptimizer.class, MapSolver.class),
            Kinds.SAMPLER, List.of(PosteriorSampler.class),
            Kinds.LAYER, List.of(Layer.class),
            Kinds.LOSS, List.of(Loss.class),
            Kinds.BACKEND, List.of(Backend.class),
            Kinds.EXECUTOR, List.of(Executor.class));

    private KindTypes() {
    }

    /** The types a component of {@code kind} may be (one of them, or a subtype); empty for a kind not in {@link Kinds}. */
    static List<Class<?>> of(String kind) {
        return TYPES.getOrDefault(kind, List.of());
    }

    /**
     * Why a provider of {@code kind} that creates {@code type} disagrees with its kind, or {@code null}
     * when it agrees (or the kind is not one of {@link Kinds}, which the engine never asks for).
     */
    static String mismatch(String kind, Class<?> type) {
        List<Class<?>> allowed = of(kind);
        if (allowed.isEmpty() || allowed.stream().anyMatch(a -> a.isAssignableFrom(type))) {
            return null;
        }
        return "it is registered as kind '" + kind + "' but creates " + TypeWords.of(type) + ", and a " + kind
                + " is " + allowed.stream().map(TypeWords::of).collect(Collectors.joining(" or "))
                + ": make the kind in @WorkbenchProvider and the type argument of Provider<T> agree";
    }
}
