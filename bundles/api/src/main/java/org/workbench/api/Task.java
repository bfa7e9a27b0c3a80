package org.workbench.api;

import org.osgi.annotation.versioning.ConsumerType;

/** One run of an experiment: reads its components from the context and writes results and plots to it. */
@ConsumerType
public interface Task {
    /**
     * Runs the task once. Everything the run produces goes through {@code context}; a task writes no
     * files of its own outside {@link TaskContext#artifact(String)}.
     *
     * @throws Exception when the run fails; the engine reports it and leaves no result folder
     */
    void run(TaskContext context) throws Exception;
}
