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
