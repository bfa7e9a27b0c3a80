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

/** {@code tag RUN TAG...}: adds tags to a run, kept in its folder's {@code tags.json} and indexed. */
@Command(name = "tag", header = "Tag a run (kept in its folder's tags.json).",
        description = "Add TAGs to RUN (a run folder, experiment/run-id or a run id); ./workbench runs --where "
                + "\"tag = 'final'\" finds them. Prints the run's tags.")
final class TagCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(index = "0", paramLabel = "RUN", description = "A run folder, experiment/run-id or a run id.")
    String run;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG", description = "Words of letters, digits and _ . : / + -.")
    List<String> tags;

    TagCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InvalidInputException, IOException {
        Path folder = RunFolders.find(store.out, run);
        List<String> now = RunAnnotations.retag(folder, tags, List.of());
        store.record(context, folder);
        context.out().println(folder + ": " + String.join(" ", now));
        return Workbench.OK;
    }
}
