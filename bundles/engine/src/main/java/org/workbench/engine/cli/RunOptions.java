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

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results");

    @Option(names = "--threads", paramLabel = "N", description = "Threads for sweep points (default: the available cores).")
    Integer threads;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

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
