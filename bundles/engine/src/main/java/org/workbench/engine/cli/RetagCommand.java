package org.workbench.engine.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.workbench.api.Workbench;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.store.RunAnnotations;
import org.workbench.engine.store.RunFolders;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * What {@code tag} and {@code untag} share: find the run, change its {@code tags.json}, index it and
 * print the run's tags. A subclass declares its {@code TAG} parameters and whether it adds or removes them.
 */
abstract class RetagCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(index = "0", paramLabel = "RUN", description = "A run folder, experiment/run-id or a run id.")
    String run;

    RetagCommand(CommandContext context) {
        this.context = context;
    }

    /** The tags the command line names. */
    abstract List<String> tags();

    /** Whether the tags are added (else removed). */
    abstract boolean adding();

    @Override
    public Integer call() throws InvalidInputException, IOException {
        Path folder = RunFolders.find(store.out, run);
        List<String> now = adding() ? RunAnnotations.retag(folder, tags(), List.of())
                : RunAnnotations.retag(folder, List.of(), tags());
        store.record(context, folder);
        context.out().println(folder + ": " + String.join(" ", now));
        return Workbench.OK;
    }
}
