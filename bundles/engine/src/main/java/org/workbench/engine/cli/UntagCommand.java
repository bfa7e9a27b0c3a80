package org.workbench.engine.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code untag RUN TAG...}: removes tags from a run. */
@Command(name = "untag", header = "Remove tags from a run.",
        description = "Remove TAGs from RUN (a run folder, experiment/run-id or a run id). Prints the run's tags.")
final class UntagCommand extends RetagCommand {
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG", description = "Tags to remove.")
    List<String> tags;

    UntagCommand(CommandContext context) {
        super(context);
    }

    @Override
    List<String> tags() {
        return tags;
    }

    @Override
    boolean adding() {
        return false;
    }
}
