package org.workbench.engine.service;

import java.util.List;
import java.util.Map;


/**
 * The command-line options of executors, workers and resumes: {@code --executor NAME}, {@code --with KEY=VALUE}
 * (a parameter of the executor; the short options an executor declares, such as {@code --join}, arrive as these)
 * and {@code --resume}. Values given here override the descriptor's {@code executor.with}.
 *
 * @param executor the executor named on the command line, or {@code null}
 * @param with     executor parameters given as options, by parameter name
 * @param resume   whether to resume an interrupted or partial run
 */
public record ClusterOptions(String executor, Map<String, String> with, boolean resume) {
    /** The options this record reads, for messages. */
    public static final List<String> OPTIONS = List.of("--executor", "--with", "--resume");

    public static ClusterOptions none() {
        return new ClusterOptions(null, Map.of(), false);
    }
}
