package org.workbench.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
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

    @Option(names = "--experiments", paramLabel = "DIR", description = "The descriptors' folder, whose homework "
            + "index orders the report (default: ${DEFAULT-VALUE}).")
    Path experiments = Path.of("experiments");

    ReportCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InvalidInputException, IOException {
        write(context, out, experiments);
        return Workbench.OK;
    }

    /**
     * Removes unfinished folders of runs whose process is gone, writes the report, warns about
     * results it could not read, and prints the report's path.
     */
    static void write(CommandContext context, Path out, Path experiments) throws InvalidInputException, IOException {
        if (out.toString().isBlank()) {
            throw new InvalidInputException(null, null, "--out needs a folder, got an empty value (the default is results)");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new InvalidInputException(null, null, "--out " + out + " is a file; report reads and writes "
                    + "a results folder (default results)");
        }
        for (Path stale : IncompleteFolders.removeStale(out)) {
            context.err().println("removed " + stale + ": the unfinished folder of a run whose process is gone");
        }
        ReportWriter writer = new ReportWriter();
        Path report = writer.write(out, experiments);
        writer.unreadable().forEach(u -> context.err().println("warning: skipped " + u));
        context.out().println(report);
    }
}
