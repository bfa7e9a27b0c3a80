package org.workbench.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Everything a task reads and writes during one run. */
@ProviderType
public interface TaskContext extends ComponentContext {
    /** The task's own validated parameters (the descriptor's {@code task.with}). */
    Parameters parameters();

    /** The component filling a {@link Role.Cardinality#ONE} role. */
    <C> C component(String role, Class<C> type);

    /** The components filling a {@link Role.Cardinality#LIST} role, in descriptor order. */
    <C> List<C> components(String role, Class<C> type);

    /**
     * The component filling a {@link Role.Cardinality#ONE} role (or an optional role with a default
     * provider), typed as the role declares.
     *
     * @since 1.2
     */
    default <C> C component(Role<C> role) {
        return component(role.name(), role.type());
    }

    /**
     * The component filling an optional role, or empty when the descriptor leaves it out.
     *
     * @since 1.2
     */
    default <C> Optional<C> optionalComponent(Role<C> role) {
        return hasPeer(role.name()) ? Optional.of(component(role)) : Optional.empty();
    }

    /**
     * The components filling a {@link Role.Cardinality#LIST} role, in descriptor order.
     *
     * @since 1.2
     */
    default <C> List<C> components(Role<C> role) {
        return components(role.name(), role.type());
    }

    /** Where the task puts its numbers; becomes {@code results} in {@code result.json}. */
    ResultTree results();

    /** Renders a plot as {@code <name>.png} and {@code <name>.svg} in the result folder. */
    void plot(Plot plot);

    /**
     * A file in the (not yet published) result folder for an artifact the task writes itself,
     * recorded under {@code artifacts}.
     */
    Path artifact(String fileName);

    /**
     * A file for a checkpoint that the task saves now (a network's weights after an epoch, say), in the
     * result folder and recorded under {@code artifacts} like {@link #artifact(String)}. Write it under
     * a temporary name and rename it to this path, so that it is whole whenever it exists: the engine
     * keeps the checkpoints of a run that is interrupted, and {@link #keptCheckpoints()} hands them back
     * when {@code --resume} continues that run.
     *
     * @since 1.4
     */
    default Path checkpoint(String fileName) {
        return artifact(fileName);
    }

    /**
     * The checkpoints that an interrupted attempt of this very run (the same effective descriptor and
     * sweep point) saved and left whole, in the order they were first saved, when {@code --resume}
     * continues it; empty for a fresh run. A task resumes from the newest it can read.
     *
     * @since 1.4
     */
    default List<Path> keptCheckpoints() {
        return List.of();
    }

    /** A progress reporter for a long loop of {@code total} steps; close it when done. */
    Progress progress(String label, long total);

    /**
     * A hot swap at a safe point. When the descriptor allows it ({@code "hotSwap": true}) and a
     * newer version of the provider of {@code role}, inside the descriptor's version range, has been
     * registered since the run resolved it, creates a component from that provider (same parameters,
     * same seed), records the swap in the result's provenance and returns it; otherwise returns
     * empty. Long-running tasks call this between epochs or chunks and carry over the state they
     * need (see {@link Stateful}); a run never changes components silently.
     *
     * @since 1.1
     */
    default <C> Optional<C> newerComponent(String role, Class<C> type) {
        return Optional.empty();
    }

    /**
     * {@link #newerComponent(String, Class)} at a named safe point such as {@code "epoch 3"}: the
     * engine records it with the swap in provenance and tells the user which versions were swapped
     * and where ({@code optimizer: momentum 1.0.0 -> 1.1.0 at epoch 3}).
     *
     * @since 1.2
     */
    default <C> Optional<C> newerComponent(String role, Class<C> type, String at) {
        return newerComponent(role, type);
    }

    /**
     * {@link #newerComponent(String, Class)} for a typed role.
     *
     * @since 1.2
     */
    default <C> Optional<C> newerComponent(Role<C> role) {
        return newerComponent(role.name(), role.type());
    }

    /**
     * {@link #newerComponent(String, Class, String)} for a typed role.
     *
     * @since 1.2
     */
    default <C> Optional<C> newerComponent(Role<C> role, String at) {
        return newerComponent(role.name(), role.type(), at);
    }

    /**
     * Runs {@code count} independent units of {@code work} and returns their results in unit order.
     * The engine decides where they run (this machine's cores, or the members of a cluster), keeps
     * each finished unit so that an interrupted run resumes without redoing it, and gives the same
     * results wherever they run. The task must be a {@link FanOutTask} whose
     * {@link FanOutTask#unitWork(String) unitWork(name)} returns the same work, so that a unit can be
     * rebuilt elsewhere from the pinned descriptor. The default runs the units here, one after another.
     *
     * @param name  names the fan-out within the run (a plain word such as {@code study})
     * @param count the number of units
     * @throws Exception the first unit's failure, when a unit fails
     * @since 1.2
     */
    default List<ResultTree> fanOut(String name, int count, UnitWork work) throws Exception {
        List<ResultTree> out = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(work.run(this, i));
        }
        return out;
    }
}
