package org.workbench.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.workbench.api.InvalidParameterException;
import org.workbench.api.Workbench;
import org.workbench.api.execution.Executor;
import org.workbench.engine.catalog.ProviderResolver;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.descriptor.Descriptor;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.output.ReportWriter;
import org.workbench.engine.run.ActiveRuns;
import org.workbench.engine.run.ComponentFailure;
import org.workbench.engine.run.IncompleteFolders;
import org.workbench.engine.run.Plan;
import org.workbench.engine.run.Planner;
import org.workbench.engine.run.PlotRenderer;
import org.workbench.engine.run.ProgressFactory;
import org.workbench.engine.run.BundleJars;
import org.workbench.engine.run.PartialRun;
import org.workbench.engine.run.RunFailure;
import org.workbench.engine.run.RunOptions;
import org.workbench.engine.run.Runner;
import org.workbench.engine.run.Shadowing;

/**
 * Executes one command line against the providers available now. User faults end with exit
 * status 2 and one line naming the file and JSON path; run faults with status 1 and no result
 * folder. The path of each {@code result.json} written is printed on standard output, the last
 * line being the last one written.
 */
public final class Commands {
    private final ProviderSource providers;
    private final PlotRenderer renderer;
    private final Map<String, String> environment;
    private final boolean terminal;
    private final Supplier<List<String>> plugins;
    private final BundleJars jars;
    private final ActiveRuns active = new ActiveRuns();

    /**
     * @param plugins one line per jar of the watched plugins folder, for {@code list}
     */
    public Commands(ProviderSource providers, PlotRenderer renderer, Map<String, String> environment, boolean terminal,
            Supplier<List<String>> plugins) {
        this(providers, renderer, environment, terminal, plugins, BundleJars.NONE);
    }

    /**
     * @param jars the jars behind providers, for units that run on cluster members
     */
    public Commands(ProviderSource providers, PlotRenderer renderer, Map<String, String> environment, boolean terminal,
            Supplier<List<String>> plugins, BundleJars jars) {
        this.jars = jars;
        this.providers = providers;
        this.plugins = plugins;
        this.renderer = renderer;
        this.environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
        this.terminal = terminal;
    }

    /** The runs in progress, to cancel them all (Ctrl-C in the shell). */
    public ActiveRuns activeRuns() {
        return active;
    }

    public int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (InvalidInputException e) {
            err.println("error: " + e.report());
            return Workbench.INVALID;
        }
        try {
            return switch (line.command()) {
                case "run" -> run(line, files(line), out, err);
                case "validate" -> validate(line, out, err);
                case "list" -> new ListCommand(providers, plugins).print(out);
                case "describe" -> new DescribeCommand(providers, line.experiments().resolve("README.md"))
                        .describe(line.arguments(), out);
                case "schema" -> new SchemaCommand(providers).write(line.arguments(), out);
                case "report" -> report(line, out, err);
                case "all" -> all(line, out, err);
                case "worker" -> new WorkerCommand(providers, renderer, jars).run(line, out, err);
                case "shell" -> throw new InvalidInputException(null, null,
                        "the shell is started by the launcher: ./workbench shell (inside it, use wb:run, wb:list, ...)");
                default -> help(out);
            };
        } catch (InvalidInputException e) {
            err.println("error: " + e.report());
            return Workbench.INVALID;
        } catch (IOException e) {
            err.println("failed: " + e);
            return Workbench.FAILED;
        }
    }

    private static List<Path> files(CommandLine line) throws InvalidInputException {
        if (line.arguments().isEmpty()) {
            throw new InvalidInputException(null, null, line.command() + " needs at least one descriptor file, e.g. "
                    + "./workbench " + line.command() + " experiments/p1-1-posterior.json");
        }
        return line.arguments().stream().map(Path::of).toList();
    }

    private int run(CommandLine line, List<Path> files, PrintStream out, PrintStream err) {
        int status = Workbench.OK;
        ProgressFactory progress = line.quiet() ? ProgressFactory.SILENT : new TerminalProgress(err, terminal);
        Runner runner = new Runner(renderer, progress, Clock.systemUTC(), line.threads(), providers)
                .limitedTo(line.limits().timeout(), active);
        for (Path file : files) {
            status = Math.max(status, runOne(file, line, runner, out, err));
        }
        return status;
    }

    private int runOne(Path file, CommandLine line, Runner runner, PrintStream out, PrintStream err) {
        Plan plan;
        try {
            plan = plan(file, line);
        } catch (InvalidInputException e) {
            err.println("error: " + e.report());
            return Workbench.INVALID;
        }
        Map<String, String> facts = environment;
        List<String> shadowing = Shadowing.notes(plan, providers);
        if (!shadowing.isEmpty()) {
            shadowing.forEach(n -> err.println("note: " + file + ": " + n));
            facts = new java.util.LinkedHashMap<>(environment);
            facts.put(Shadowing.KEY, String.join("; ", shadowing));
        }
        RunOptions options;
        try {
            options = new ExecutorSelection(providers, jars).choose(plan, line);
        } catch (InvalidInputException e) {
            err.println("error: " + e.report());
            return Workbench.INVALID;
        }
        try (Executor executor = options.executor()) {
            Path result = runner.run(plan, line.out(), facts, options);
            out.println(result);
            return Workbench.OK;
        } catch (PartialRun e) {
            err.println("run partial: " + file + ": " + e.getMessage() + "; ./workbench run " + file
                    + " --resume runs what is missing");
            out.println(e.result());
            return Workbench.FAILED;
        } catch (InvalidInputException e) {
            err.println("error: " + e.report());
            return Workbench.INVALID;
        } catch (InvalidParameterException e) {
            err.println("error: " + file + ": " + e.getMessage() + (e.parameter() == null ? "" : " (parameter '"
                    + e.parameter() + "')"));
            return Workbench.INVALID;
        } catch (ComponentFailure e) {
            err.println("run failed: " + file + ": " + e.label() + ": " + e.getMessage());
            printCause(e.getCause(), err);
            return Workbench.FAILED;
        } catch (RunFailure e) {
            err.println("run failed: " + file + ": " + e.getMessage());
            printCause(e.getCause(), err);
            return Workbench.FAILED;
        } catch (RuntimeException e) {
            err.println("run failed: " + file + ": " + e);
            printCause(e, err);
            return Workbench.FAILED;
        } catch (LinkageError e) {
            err.println("run failed: " + file + ": a component's classes could not be loaded (is a bundle missing "
                    + "or stale?): " + e);
            printCause(e, err);
            return Workbench.FAILED;
        }
    }

    private static void printCause(Throwable cause, PrintStream err) {
        if (cause != null && !(cause instanceof IOException)) {
            StackTraceElement[] trace = cause.getStackTrace();
            for (int i = 0; i < Math.min(6, trace.length); i++) {
                err.println("    at " + trace[i]);
            }
        }
    }

    Plan plan(Path file, CommandLine line) throws InvalidInputException {
        Descriptor d = new DescriptorParser().parse(file, line.overrides());
        return new Planner(new ProviderResolver(providers), line.limits().maxPoints()).plan(d);
    }

    private int validate(CommandLine line, PrintStream out, PrintStream err) throws InvalidInputException {
        int status = Workbench.OK;
        for (Path file : files(line)) {
            try {
                Plan plan = plan(file, line);
                out.println("valid: " + file + " (task " + plan.task().label() + ", " + plan.points().size()
                        + (plan.points().size() == 1 ? " run)" : " runs)"));
            } catch (InvalidInputException e) {
                err.println("error: " + e.report());
                status = Workbench.INVALID;
            }
        }
        return status;
    }

    private int report(CommandLine line, PrintStream out, PrintStream err) throws IOException, InvalidInputException {
        if (Files.exists(line.out()) && !Files.isDirectory(line.out())) {
            throw new InvalidInputException(null, null, "--out " + line.out() + " is a file; report reads and writes "
                    + "a results folder (default results)");
        }
        for (Path stale : IncompleteFolders.removeStale(line.out())) {
            err.println("removed " + stale + ": the unfinished folder of a run whose process is gone");
        }
        ReportWriter writer = new ReportWriter();
        Path report = writer.write(line.out(), line.experiments());
        writer.unreadable().forEach(u -> err.println("warning: skipped " + u));
        out.println(report);
        return Workbench.OK;
    }

    /** The experiments folder's index of the homework's problems and questions (not a descriptor). */
    static final String HOMEWORK_INDEX = "homework.json";

    /** Runs every descriptor in the experiments folder (all .json files but {@value #HOMEWORK_INDEX}), then writes the report. */
    private int all(CommandLine line, PrintStream out, PrintStream err) throws IOException, InvalidInputException {
        if (!Files.isDirectory(line.experiments())) {
            throw new InvalidInputException(line.experiments(), null, "no such folder of experiment descriptors");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(line.experiments())) {
            s.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().equals(HOMEWORK_INDEX))
                    .sorted(Comparator.comparing(Path::toString))
                    .forEach(files::add);
        }
        int status = run(line, files, out, err);
        report(line, out, err);
        return status;
    }

    private static int help(PrintStream out) {
        out.println("""
                usage: ./workbench COMMAND [ARGS] [OPTIONS]

                commands:
                  run FILE...          run experiment descriptors; prints each result.json path
                  validate FILE...     check descriptors against the installed providers; runs nothing
                  list                 every provider: kind, name, version, bundle
                  describe KIND/NAME   a provider's parameters (and a task's roles)
                  report               write results/report.html from the latest result of every experiment
                  all                  run every descriptor under experiments/, then write the report
                  serve [--port N]     the web workbench on http://127.0.0.1:N/ (default 8391)
                  shell                the Felix Gogo shell with these commands (wb:run, wb:list, ...)
                  worker               a cluster member that runs units: --cluster NAME [--port N] [--join HOST:PORT,...]

                options:
                  --out DIR            results folder (default results)
                  --set PATH=VALUE     override a descriptor value, e.g. --set prior.with.variance=9
                  --threads N          threads for sweep points (default: available cores)
                  --experiments DIR    folder that 'all' runs (default experiments)
                  --quiet              no progress output
                  --executor NAME      where points run: local (default) or hazelcast (with --cluster, --join)
                  --join HOST:PORT,... cluster members to join; --cluster NAME the cluster's name
                  --resume             finish the interrupted or partial run of the same descriptor
                  --timeout SECONDS    end each run that takes longer (exit 1, nothing written)
                  --max-points N       the largest sweep accepted (default 100000)

                exit status: 0 done, 1 the run failed (nothing written), 2 invalid input (nothing written)""");
        return Workbench.OK;
    }
}
