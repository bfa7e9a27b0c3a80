package org.workbench.engine.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tag RUN TAG...}: adds tags to a run, kept in its folder's {@code tags.json} and indexed. */
@Command(name = "tag", header = "Tag a run (kept in its folder's tags.json).",
        description = "Add TAGs to RUN (a run folder, experiment/run-id or a run id); ./workbench runs --where "
                + "\"tag = 'final'\" finds them. Prints the run's tags.")
final class TagCommand extends RetagCommand {
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG", description = "Words of letters, digits and _ . : / + -.")
    List<String> tags;

    TagCommand(CommandContext context) {
        super(context);
    }

    @Override
    List<String> tags() {
        return tags;
    }

    @Override
    boolean adding() {
        return true;
    }
}
