package org.workbench.engine.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.workbench.api.Workbench;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.store.RunAnnotations;
import org.workbench.engine.store.RunFolders;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code untag RUN TAG...}: removes tags from a run. */
@Command(name = "untag", header = "Remove tags from a run.",
        description = "Remove TAGs from RUN (a run folder, experiment/run-id or a run id). Prints the run's tags.")
final class UntagCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(index = "0", paramLabel = "RUN", description = "A run folder, experiment/run-id or a run id.")
    String run;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG", description = "Tags to remove.")
    List<String> tags;

    UntagCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InvalidInputException, IOException {
        Path folder = RunFolders.find(store.out, run);
        List<String> now = RunAnnotations.retag(folder, List.of(), tags);
        store.record(context, folder);
        context.out().println(folder + ": " + String.join(" ", now));
        return Workbench.OK;
    }
}
