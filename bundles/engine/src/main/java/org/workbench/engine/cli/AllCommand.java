package org.workbench.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.output.ChromiumPdf;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code all}: runs every descriptor of the experiments folder (every .json file but the homework
 * index {@value #HOMEWORK_INDEX}), then writes the report and the hand-in.
 */
@Command(name = "all", header = "Run every descriptor under experiments/, then write the report and the hand-in.",
        description = "Run every descriptor under the experiments folder, then write the report (report.html) and the "
                + "hand-in (handin.html and handin.pdf) into the results folder.")
final class AllCommand implements Callable<Integer> {
    /** The experiments folder's index of the homework's problems and questions (not a descriptor). */
    static final String HOMEWORK_INDEX = "homework.json";

    private final CommandContext context;

    @Option(names = "--experiments", paramLabel = "DIR", description = "Folder of descriptors (default: ${DEFAULT-VALUE}).")
    Path experiments = Path.of("experiments");

    @Mixin
    RunOptions options = new RunOptions();

    AllCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(experiments)) {
            throw new InvalidInputException(experiments, null, "no such folder of experiment descriptors");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(experiments)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")
                    && !p.getFileName().toString().equals(HOMEWORK_INDEX))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
        // the kernels are not measured first: measuring costs 30-60 s of JIT compiles, and on the Zen 5
        // where it was measured it kept the built-in kernel, the best other set 5% at most ahead (docs/kernels.md)
        int status = new DescriptorRuns(context).run(files, options);
        ReportCommand.write(context, options.out(), experiments);
        HandinCommand.write(context, options.out(), experiments, ChromiumPdf.Paper.LETTER,
                "./workbench all" + HandinCommand.options(options.out(), experiments));
        return status;
    }
}
