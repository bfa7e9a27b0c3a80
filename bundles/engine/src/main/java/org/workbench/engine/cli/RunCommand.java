package org.workbench.engine.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code run FILE...}: runs descriptors and prints the path of each {@code result.json}. */
@Command(name = "run", header = "Run experiment descriptors; prints each result.json path.",
        description = "Run experiment descriptors; prints the path of each result.json, the last "
        + "line being the last written.")
final class RunCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Descriptor files (JSON).")
    List<Path> files;

    @Mixin
    RunOptions options = new RunOptions();

    RunCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        return new DescriptorRuns(context).run(files, options);
    }
}
