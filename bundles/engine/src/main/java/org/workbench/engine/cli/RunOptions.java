package org.workbench.engine.cli;

import java.nio.file.Path;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options of the commands that run descriptors ({@code run}, {@code all}). A new run option is one
 * field here, read where the run is set up ({@link DescriptorRuns}).
 */
final class RunOptions {
    @Mixin
    DescriptorOptions descriptor = new DescriptorOptions();

    @Mixin
    ClusterFlags cluster = new ClusterFlags();

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results");

    @Option(names = "--threads", paramLabel = "N", description = "Threads for sweep points (default: the available cores).")
    Integer threads;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Option(names = "--install-missing", description = "First install from the configured repositories the providers "
            + "the descriptors name that are not installed (docs/plugin-repository.md).")
    boolean installMissing;

    @Option(names = "--json", description = "At the end, one JSON document on standard output instead of the "
            + "result paths (docs/run-store.md gives its shape).")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "End each run that takes longer (exit 1, "
            + "nothing written); a descriptor's own timeout applies when shorter.")
    String timeout;

    @Option(names = "--isolate", description = "Run each descriptor in a child JVM that the workbench can always "
            + "kill: a plugin that hangs or crashes its JVM fails that run alone (also: \"isolate\": true in a descriptor).")
    boolean isolate;

    /**
     * These options as a child JVM's {@code run} takes them for an isolated run ({@link IsolatedRun}):
     * all but {@code --isolate} and {@code --timeout}, which the parent enforces by ending the child.
     */
    java.util.List<String> childArguments() {
        java.util.List<String> args = new java.util.ArrayList<>();
        for (String set : descriptor.sets) {
            args.addAll(java.util.List.of("--set", set));
        }
        for (String sweep : descriptor.sweeps) {
            args.addAll(java.util.List.of("--sweep", sweep.substring(
                    org.workbench.engine.descriptor.Overrides.SWEEP_PREFIX.length())));
        }
        valued(args, org.workbench.engine.run.SweepSize.FLAG, descriptor.maxPoints);
        valued(args, "--executor", cluster.executor);
        cluster.with.forEach((key, value) -> args.addAll(java.util.List.of(ExecutorAliases.WITH, key + "=" + value)));
        if (cluster.resume) {
            args.add("--resume");
        }
        valued(args, "--out", out.toString());
        valued(args, "--threads", threads == null ? null : threads.toString());
        if (quiet) {
            args.add("--quiet");
        }
        return args;
    }

    private static void valued(java.util.List<String> args, String name, String value) {
        if (value != null) {
            args.add(name + "=" + value);
        }
    }

    /** The {@code --timeout} limit, or {@code null} for none. */
    java.time.Duration timeout() throws org.workbench.engine.input.InvalidInputException {
        return timeout == null ? null : LimitOptions.seconds(timeout);
    }

    /** The results folder; an empty {@code --out} is refused rather than read as the current folder. */
    Path out() throws org.workbench.engine.input.InvalidInputException {
        if (out.toString().isBlank()) {
            throw new org.workbench.engine.input.InvalidInputException(null, null,
                    "--out needs a folder, got an empty value (the default is results)");
        }
        return out;
    }

    int threads() throws org.workbench.engine.input.InvalidInputException {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw new org.workbench.engine.input.InvalidInputException(null, null,
                    "--threads needs a positive whole number, got " + threads);
        }
        return threads;
    }
}
