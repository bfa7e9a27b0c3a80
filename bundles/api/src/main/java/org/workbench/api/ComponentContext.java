package org.workbench.api;

import java.nio.file.Path;
import java.util.SplittableRandom;

import org.osgi.annotation.versioning.ProviderType;

/** What the engine tells a component about the run it belongs to. */
@ProviderType
public interface ComponentContext {
    /** The role this component fills, e.g. {@code prior} or {@code network[2]}. */
    String role();

    /** This component's seed, derived from the run's seed and its role; recorded in provenance. */
    long seed();

    /**
     * A seed shared by the points of a sweep that differ only in the named parameters of this
     * component, for common random numbers: a data source that draws the first n values of one
     * sequence from it gives nested samples along a sweep over n. It is the seed this component gets
     * at the sweep's first value of those parameters (other sweep values as at this point), so it
     * equals {@link #seed()} when the run does not sweep them. The engine records the seed a
     * component actually used in the run's provenance.
     *
     * @param parameters names of this component's parameters, e.g. {@code "n"}
     * @since 1.2
     */
    default long seedAcross(String... parameters) {
        return seed();
    }

    /** A fresh random stream seeded with {@link #seed()}; every call returns a new, identical stream. */
    default SplittableRandom random() {
        return new SplittableRandom(seed());
    }

    /** Resolves a path written in the descriptor against the descriptor's own folder. */
    Path resolve(Path path);

    /**
     * Another component of the same run, created on first request; for example the
     * {@code linear-gaussian} data source draws its weights from the run's {@code prior}.
     *
     * @throws IllegalArgumentException when the run has no such role or its component has another type
     */
    <C> C peer(String role, Class<C> type);

    /** Whether the run has a component in {@code role}. */
    boolean hasPeer(String role);
}
