package org.workbench.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.workbench.api.Workbench;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.run.Plan;
import org.workbench.engine.run.ProgressFactory;
import org.workbench.engine.service.RunOutcome;
import org.workbench.engine.service.RunPlacement;
import org.workbench.engine.service.RunRequest;
import org.workbench.engine.service.RunService;

/**
 * Runs descriptor files for {@code run} and {@code all} through the engine's one {@link RunService}:
 * each file ends with its own status (2 invalid, 1 failed, 0 done), the worst of which is the
 * command's; a failed file never stops the next one.
 */
final class DescriptorRuns {
    private final CommandContext context;
    private final RunService service;
    private boolean cancelled;

    DescriptorRuns(CommandContext context) {
        this.context = context;
        this.service = context.runService();
    }

    /** Parses {@code file} with the overrides and resolves it against the providers available now. */
    Plan plan(Path file, DescriptorOptions options) throws InvalidInputException {
        return service.plan(file, options.overrides(), options.maxPoints(), options.maxDescriptorBytes(), null);
    }

    /** Runs every file in order; prints each {@code result.json} on standard output. */
    int run(List<Path> files, RunOptions options) throws InvalidInputException {
        PrintStream err = context.err();
        ProgressFactory progress = options.quiet ? ProgressFactory.SILENT : new TerminalProgress(err, context.terminal());
        Path out = options.out();
        int threads = options.threads();
        Duration timeout = options.timeout();
        long maxPoints = options.descriptor.maxPoints();
        long maxBytes = options.descriptor.maxDescriptorBytes();
        int status = Workbench.OK;
        com.google.gson.JsonArray answers = new com.google.gson.JsonArray();
        for (Path file : files) {
            if (options.installMissing) {
                status = Math.max(status, installMissing(file, options));
            }
            RunRequest request = new RunRequest(file, options.descriptor.overrides(), maxPoints, maxBytes, out, threads, timeout,
                    options.cluster.options(), progress, isolation(file, options, out));
            List<String> notes = new java.util.ArrayList<>();
            RunOutcome outcome = service.run(request, note -> {
                notes.add(note);
                err.println("note: " + note);
            });
            status = Math.max(status, report(outcome, !options.json));
            com.google.gson.JsonObject answer = JsonShapes.outcome(file.toString(), outcome.status(), outcome.message(), notes);
            answer.addProperty("result", outcome.result() == null ? null : outcome.result().toString());
            answers.add(answer);
            if (cancelled) {
                err.println("cancelled: the remaining descriptors were not run");
                break;
            }
        }
        if (options.json) {
            context.out().println(JsonShapes.print(JsonShapes.outcomes(status, answers)));
        }
        return status;
    }

    /**
     * Where a planned run goes: into a child JVM ({@link IsolatedRun}) when {@code --isolate} or the
     * descriptor's {@code "isolate": true} asks for it (never from a child itself), else this JVM.
     */
    private RunPlacement isolation(Path file, RunOptions options, Path out) {
        return new RunPlacement() {
            @Override
            public RunOutcome elsewhere(Plan plan) {
                if ((options.isolate || plan.descriptor().isolate()) && !IsolatedRun.inChild()) {
                    return RunOutcome.reported(new IsolatedRun(context).run(file, options.childArguments(),
                            limit(options, plan), out, out.resolve(plan.descriptor().name())));
                }
                return null;
            }

            @Override
            public void startingHere() {
                IsolatedRun.runStarts();
            }
        };
    }

    /** The run's time limit: {@code --timeout} or the descriptor's {@code timeout}, the shorter. */
    private static Duration limit(RunOptions options, Plan plan) {
        Duration given;
        try {
            given = options.timeout();
        } catch (InvalidInputException e) {
            throw new IllegalStateException("--timeout was checked before the first run", e);
        }
        Duration own = plan.descriptor().timeout();
        return own == null ? given : given == null || own.compareTo(given) < 0 ? own : given;
    }

    /** {@code --install-missing}: installs the providers {@code file} names that a repository offers and nobody installed. */
    private int installMissing(Path file, RunOptions options) {
        try {
            plan(file, options.descriptor);
            return Workbench.OK;
        } catch (InvalidInputException e) {
            MissingProviders missing = MissingProviders.of(context);
            if (missing == null) {
                context.err().println("note: --install-missing: no repository is configured (./workbench repo add NAME URL)");
                return Workbench.OK;
            }
            try {
                return missing.install(e, context.out(), context.err());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return Workbench.FAILED;
            }
        }
    }

    /** Prints how a run ended: the result's path on standard output, the message and a few frames on standard error. */
    private int report(RunOutcome outcome, boolean paths) {
        noteCancel();
        if (outcome.message() != null) {
            context.err().println(outcome.message());
            printCause(outcome.cause(), context.err());
            MissingProviders missing = outcome.status() == Workbench.INVALID ? MissingProviders.of(context) : null;
            if (missing != null) {
                missing.hint(outcome.message(), context.out(), context.err());
            }
        }
        if (outcome.endProcess()) {
            context.err().flush();
            System.exit(Workbench.FAILED);
        }
        if (outcome.result() != null && paths) {
            context.out().println(outcome.result());
        }
        return outcome.status();
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

    private static void printCause(Throwable cause, PrintStream err) {
        if (cause != null && !(cause instanceof IOException)) {
            StackTraceElement[] trace = cause.getStackTrace();
            for (int i = 0; i < Math.min(6, trace.length); i++) {
                err.println("    at " + trace[i]);
            }
        }
    }
}
