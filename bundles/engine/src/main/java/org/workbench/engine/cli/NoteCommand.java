package org.workbench.engine.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.workbench.api.Workbench;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.store.RunAnnotations;
import org.workbench.engine.store.RunFolders;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code note RUN TEXT}: sets a run's notes, kept in its folder's {@code notes.md} and indexed. */
@Command(name = "note", header = "Write a run's notes (kept in its folder's notes.md).",
        description = "Replace the notes of RUN (a run folder, experiment/run-id or a run id) with TEXT; an empty "
                + "TEXT removes them. ./workbench runs --where \"note ~ 'word'\" finds them.")
final class NoteCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(index = "0", paramLabel = "RUN", description = "A run folder, experiment/run-id or a run id.")
    String run;

    @Parameters(index = "1", paramLabel = "TEXT", description = "The notes (markdown).")
    String text;

    NoteCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InvalidInputException, IOException {
        Path folder = RunFolders.find(store.out, run);
        RunAnnotations.note(folder, text);
        store.record(context, folder);
        context.out().println(folder.resolve(RunAnnotations.NOTES));
        return Workbench.OK;
    }
}
