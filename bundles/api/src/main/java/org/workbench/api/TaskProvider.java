package org.workbench.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/** A provider of tasks, which also says which component roles its runs need. */
@ConsumerType
public interface TaskProvider extends Provider<Task> {
    /** The roles that a descriptor fills under {@code components}, in the order they are created. */
    List<Role> roles();

    @Override
    default Class<Task> type() {
        return Task.class;
    }
}
