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

    @Override
    default Class<Task> type() {
        return Task.class;
    }
}
