package org.workbench.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.workbench.api.Workbench;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.output.ChromiumPdf;
import org.workbench.engine.output.HandinWriter;
import org.workbench.engine.run.IncompleteFolders;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code handin}: the problem set answered as a student hands it in, {@code handin.html} and {@code handin.pdf}. */
@Command(name = "handin", header = "Write the hand-in: results/handin.pdf and a self-contained results/handin.html.",
        description = { "Write DIR/handin.html (one self-contained page: style, fonts, math and plots inlined, with a "
                + "print style sheet) and DIR/handin.pdf (that page printed by headless Chromium) from the latest homework "
                + "run of every experiment in DIR: per question the answer, derivation, notes on the printed solution, "
                + "numbers and plot; Problem 4's code; an appendix with versions, seeds and the command that reproduces it.",
                "Without Chromium the page is still written and the command fails (exit 1) naming what to install." },
        footer = { "", "Examples:", "  ./workbench all                 runs every experiment, then writes the report and the hand-in",
                "  ./workbench handin              the hand-in from the runs already in results/",
                "  ./workbench handin --paper a4   printed on A4 instead of Letter" })
final class HandinCommand implements Callable<Integer> {
    private final CommandContext context;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder: the runs are read there and the hand-in "
            + "written there (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results");

    @Option(names = "--experiments", paramLabel = "DIR", description = "The descriptors' folder with their answers and "
            + "homework index (default: ${DEFAULT-VALUE}).")
    Path experiments = Path.of("experiments");

    @Option(names = "--paper", paramLabel = "SIZE", completionCandidates = Papers.class,
            description = "Paper of the PDF: letter or a4 (default: ${DEFAULT-VALUE}).")
    String paper = "letter";

    /** The values of {@code --paper}, for completion. */
    static final class Papers implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(ChromiumPdf.Paper.values()).map(p -> p.name().toLowerCase(java.util.Locale.ROOT))
                    .iterator();
        }
    }

    HandinCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InvalidInputException, IOException {
        ChromiumPdf.Paper size;
        try {
            size = ChromiumPdf.paper(paper);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(null, null, "--paper must be letter or a4, got '" + paper + "'");
        }
        write(context, out, experiments, size, "./workbench all" + options(out, experiments));
        return Workbench.OK;
    }

    /**
     * Writes {@code handin.html}, then prints it to {@code handin.pdf}; prints both paths (the PDF's
     * last). Without Chromium the page is left and an {@link IOException} names what to install.
     *
     * @param command the command the appendix names as the one that reproduces the hand-in
     */
    static void write(CommandContext context, Path out, Path experiments, ChromiumPdf.Paper paper, String command)
            throws InvalidInputException, IOException {
        if (out.toString().isBlank()) {
            throw new InvalidInputException(null, null, "--out needs a folder, got an empty value (the default is results)");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new InvalidInputException(null, null, "--out " + out + " is a file; handin reads and writes a results "
                    + "folder (default results)");
        }
        if (!Files.isDirectory(experiments)) {
            throw new InvalidInputException(experiments, null, "no such folder of experiment descriptors and answers "
                    + "(--experiments, default experiments)");
        }
        for (Path stale : IncompleteFolders.removeStale(out)) {
            context.err().println("removed " + stale + ": the unfinished folder of a run whose process is gone");
        }
        Path html = new HandinWriter().write(out, experiments, out, versions(context.versions()), command);
        context.out().println(html);
        ChromiumPdf chromium = ChromiumPdf.find(System.getenv()).orElseThrow(() -> new IOException(
                "handin.pdf needs Chromium, which was not found (" + ChromiumPdf.ENVIRONMENT + " or chromium on the PATH); "
                        + html + " is written. Install it with: apt-get install chromium (./workbench all installs it)"));
        Path pdf = html.resolveSibling("handin.pdf");
        chromium.print(html, pdf, paper);
        context.out().println(pdf);
    }

    /** What the appendix lists as the versions that made the hand-in. */
    static Map<String, String> versions(Versions v) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Workbench", v.workbench());
        out.put("Workbench API", v.apiVersion());
        out.put("OSGi framework", v.framework());
        out.put("Java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        out.put("Operating system", System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")");
        return out;
    }

    /** The options that name other folders than the defaults, as they would be written after {@code ./workbench all}. */
    static String options(Path out, Path experiments) {
        String s = "";
        if (!out.normalize().equals(Path.of("results"))) {
            s += " --out " + out.normalize();
        }
        if (!experiments.normalize().equals(Path.of("experiments"))) {
            s += " --experiments " + experiments.normalize();
        }
        return s;
    }
}
