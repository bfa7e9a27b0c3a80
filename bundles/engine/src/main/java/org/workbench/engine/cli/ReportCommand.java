package org.workbench.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.workbench.api.Workbench;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.output.ReportWriter;
import org.workbench.engine.run.IncompleteFolders;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report}: one HTML page with the latest result of every experiment. */
@Command(name = "report", header = "Write results/report.html from the latest results.",
        description = "Write DIR/report.html from the latest result of every experiment in DIR.")
final class ReportCommand implements Callable<Integer> {
    private final CommandContext context;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results");

    ReportCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (out.toString().isBlank()) {
            throw new InvalidInputException(null, null, "--out needs a folder, got an empty value (the default is results)");
        }
        for (Path stale : IncompleteFolders.removeStale(out)) {
            context.err().println("removed " + stale + ": the unfinished folder of a run whose process is gone");
        }
        context.out().println(new ReportWriter().write(out));
        return Workbench.OK;
    }
}
