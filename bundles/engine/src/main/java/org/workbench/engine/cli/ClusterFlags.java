package org.workbench.engine.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.workbench.engine.service.ClusterOptions;

/**
 * The command-line options of executors, workers and resumes as picocli reads them, for {@code run},
 * {@code all} and {@code worker}: {@code --executor NAME}, {@code --with KEY=VALUE} (a parameter of the
 * executor, repeatable) and {@code --resume}. The short options an executor declares
 * ({@code --join}, {@code --cluster}, {@code --secret-file}... of {@code hazelcast}) are rewritten to
 * {@code --with} before parsing ({@link ExecutorAliases}), so nothing here knows an executor's parameters.
 */
final class ClusterFlags {
    @picocli.CommandLine.Option(names = ExecutorAliases.EXECUTOR, paramLabel = "NAME",
            description = "Where points run: local (default) or an executor with members, e.g. hazelcast.")
    String executor;

    @picocli.CommandLine.Option(names = ExecutorAliases.WITH, paramLabel = "KEY=VALUE",
            description = "A parameter of the executor (repeatable; describe executor/NAME lists them); the short "
                    + "options the executor declares work too (hazelcast: --cluster NAME, --join HOST:PORT,...).")
    Map<String, String> with = new LinkedHashMap<>();

    @picocli.CommandLine.Option(names = "--resume", description = "Finish the interrupted or partial run of the same descriptor.")
    boolean resume;

    ClusterOptions options() {
        return new ClusterOptions(executor, Map.copyOf(with), resume);
    }
}
