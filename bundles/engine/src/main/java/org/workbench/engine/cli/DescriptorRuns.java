package org.workbench.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workbench.api.InvalidParameterException;
import org.workbench.api.Workbench;
import org.workbench.api.execution.Executor;
import org.workbench.engine.catalog.ProviderResolver;
import org.workbench.engine.descriptor.Descriptor;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.run.ComponentFailure;
import org.workbench.engine.run.PartialRun;
import org.workbench.engine.run.PhaseTiming;
import org.workbench.engine.run.Plan;
import org.workbench.engine.run.Planner;
import org.workbench.engine.run.ProgressFactory;
import org.workbench.engine.run.RunFailure;
import org.workbench.engine.run.Runner;
import org.workbench.engine.run.Shadowing;

/**
 * Plans and runs descriptor files for {@code run} and {@code all}: each file ends with its own
 * status (2 invalid, 1 failed, 0 done), the worst of which is the command's; a failed file never
 * stops the next one.
 */
final class DescriptorRuns {
    private final CommandContext context;
    private boolean cancelled;

    DescriptorRuns(CommandContext context) {
        this.context = context;
    }

    /** Parses {@code file} with the overrides and resolves it against the providers available now. */
    Plan plan(Path file, DescriptorOptions options) throws InvalidInputException {
        Descriptor d = new DescriptorParser(options.maxDescriptorBytes()).parse(file, options.overrides());
        return new Planner(new ProviderResolver(context.providers()), options.maxPoints()).plan(d);
    }

    /** Runs every file in order; prints each {@code result.json} on standard output. */
    int run(List<Path> files, RunOptions options) throws InvalidInputException {
        PrintStream err = context.err();
        ProgressFactory progress = options.quiet ? ProgressFactory.SILENT : new TerminalProgress(err, context.terminal());
        Path out = options.out();
        int threads = options.threads();
        Runner runner = new Runner(context.renderer(), progress, Clock.systemUTC(), threads,
                context.providers()).limitedTo(options.timeout(), context.activeRuns());
        int status = Workbench.OK;
        for (Path file : files) {
            status = Math.max(status, runOne(file, options, runner, out, threads));
            if (cancelled) {
                context.err().println("cancelled: the remaining descriptors were not run");
                break;
            }
        }
        return status;
    }

    /**
     * Clears the calling thread's interrupt status, remembering it: a cancelled run (Ctrl-C in the
     * shell interrupts the command's thread) leaves it set, and writing while it is set would close
     * Gogo's interruptible output channel, and with it the shell's terminal, for good.
     */
    private void noteCancel() {
        if (Thread.interrupted()) {
            cancelled = true;
        }
    }

    private int runOne(Path file, RunOptions options, Runner runner, Path out, int threads) {
        PrintStream err = context.err();
        Plan plan;
        try {
            plan = plan(file, options.descriptor);
            PhaseTiming.mark("plan ready");
        } catch (InvalidInputException e) {
            err.println("error: " + e.report());
            return Workbench.INVALID;
        }
        Map<String, String> facts = context.environment();
        List<String> shadowing = Shadowing.notes(plan, context.providers());
        if (!shadowing.isEmpty()) {
            shadowing.forEach(n -> err.println("note: " + file + ": " + n));
            facts = new LinkedHashMap<>(context.environment());
            facts.put(Shadowing.KEY, String.join("; ", shadowing));
        }
        org.workbench.engine.run.RunOptions where;
        try {
            where = new ExecutorSelection(context.providers(), context.jars(), context.onDemand()).choose(plan, options.cluster.options(),
                    threads);
        } catch (InvalidInputException e) {
            err.println("error: " + e.report());
            return Workbench.INVALID;
        }
        try (Executor executor = where.executor()) {
            Path result = runner.run(plan, out, facts, where);
            PhaseTiming.mark("result published");
            noteCancel();
            context.out().println(result);
            return Workbench.OK;
        } catch (PartialRun e) {
            noteCancel();
            err.println("run partial: " + file + ": " + e.getMessage() + "; ./workbench run " + file
                    + " --resume runs what is missing");
            context.out().println(e.result());
            return Workbench.FAILED;
        } catch (InvalidInputException e) {
            noteCancel();
            err.println("error: " + e.report());
            return Workbench.INVALID;
        } catch (InvalidParameterException e) {
            noteCancel();
            err.println("error: " + file + ": " + e.getMessage() + (e.parameter() == null ? "" : " (parameter '"
                    + e.parameter() + "')"));
            return Workbench.INVALID;
        } catch (ComponentFailure e) {
            noteCancel();
            err.println("run failed: " + file + ": " + e.label() + ": " + e.getMessage());
            printCause(e.getCause(), err);
            return Workbench.FAILED;
        } catch (RunFailure e) {
            noteCancel();
            err.println("run failed: " + file + ": " + e.getMessage());
            printCause(e.getCause(), err);
            return Workbench.FAILED;
        } catch (RuntimeException e) {
            noteCancel();
            err.println("run failed: " + file + ": " + e);
            printCause(e, err);
            return Workbench.FAILED;
        } catch (LinkageError e) {
            noteCancel();
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
}
