package org.workbench.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/** A provider of tasks, which also says which component roles its runs need. */
@ConsumerType
public interface TaskProvider extends Provider<Task> {
    /**
     * The roles that a descriptor fills under {@code components}, in the order they are created;
     * typed ({@link Role#one(String, String, Class)} and siblings), so that the engine refuses a
     * provider of the wrong type before a run starts.
     */
    List<Role<?>> roles();

    /**
     * The result keys its task writes, so that the engine can refuse a descriptor's plot key that names
     * none of them before a run starts, and {@code describe} can list them. Empty (the default) means
     * undeclared: such a task's plot keys are not checked.
     *
     * <p>Each entry is a pattern of dotted segments, as a plot names a result ({@code posterior.mean},
     * {@code study.testMse.map.mean}):
     * <ul>
     * <li>a segment ending in {@code []} is a list of objects whose fields follow:
     * {@code epochs[].trainLoss} is the field a curve plot names with x {@code epochs.epoch} and y
     * {@code epochs.trainLoss} (or {@code trainLoss});</li>
     * <li>{@code *} as the last segment stands for any key below: {@code gradients.*} matches
     * {@code gradients.W1} and {@code gradients.batch.x}, not {@code gradients} itself.</li>
     * </ul>
     * A key whose value may be undefined implies its {@code KEYReason} sibling, which need not be listed.
     */
    default List<String> resultKeys() {
        return List.of();
    }

    /**
     * One line of text for each result key its task writes, by the key as {@link #resultKeys()} writes it
     * ({@code epochs[].trainLoss}, {@code posterior.mean}), for {@code describe}; keys without an entry are
     * listed undescribed. Empty (the default) when the task documents none.
     *
     * @since 1.4
     */
    default java.util.Map<String, String> resultKeyDescriptions() {
        return java.util.Map.of();
    }

    /**
     * How its results are shown: the charts, tables and kept draws that any reader of {@code result.json}
     * (the web pages, the report) renders without knowing the task. The engine writes it into every
     * {@code result.json} of the task under {@link org.workbench.api.result.ResultLayout#KEY}; the keys it
     * names should be among {@link #resultKeys()}. {@link org.workbench.api.result.ResultLayout#NONE} (the
     * default) when the task declares none: its results are then shown as keys and values.
     *
     * @since 1.4
     */
    default org.workbench.api.result.ResultLayout layout() {
        return org.workbench.api.result.ResultLayout.NONE;
    }

    @Override
    default Class<Task> type() {
        return Task.class;
    }
}
