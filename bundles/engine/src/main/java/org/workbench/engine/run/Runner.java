package org.workbench.engine.run;

import org.workbench.engine.output.PlotRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.workbench.api.Plot;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.output.LargeValues;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Runs a {@link Plan}: every sweep point through the run's executor (this machine's cores by
 * default, or the members of a cluster; results never depend on where or on how many threads ran
 * them), the plots, and {@code result.json}, all inside a folder with a temporary name that is
 * renamed when complete, so a result folder that exists is whole or says it is partial. Every
 * finished point (and fan-out unit) is kept in that folder as it finishes, so a run stopped by
 * Ctrl-C or kill -9 resumes ({@link RunOptions#resume()}) without redoing it; a point that fails
 * leaves the others whole, and the sweep is published marked {@code partial}. Each run is
 * supervised ({@link RunThread}): bounded by its time limit, cancellable, its bundles pinned.
 */
public final class Runner {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    private final PlotRenderer renderer;
    private final ProgressFactory progress;
    private final Clock clock;
    private final int threads;
    private final ProviderSource live;
    private final Duration timeout;
    private final ActiveRuns active;
    private final List<String> notes;

    /**
     * @param live the providers available now, for hot swaps during a run
     */
    public Runner(PlotRenderer renderer, ProgressFactory progress, Clock clock, int threads, ProviderSource live) {
        this(renderer, progress, clock, threads, live, null, null, List.of());
    }

    private Runner(PlotRenderer renderer, ProgressFactory progress, Clock clock, int threads, ProviderSource live,
            Duration timeout, ActiveRuns active, List<String> notes) {
        this.notes = List.copyOf(notes);
        this.timeout = timeout;
        this.active = active;
        this.live = live;
        this.renderer = renderer;
        this.progress = progress;
        this.clock = clock;
        this.threads = Math.max(1, threads);
    }

    /**
     * This runner with a time limit for each run ({@code null}: none; a descriptor's own
     * {@code timeout} applies when it is shorter) and a registry that can cancel its runs.
     */
    public Runner limitedTo(Duration runTimeout, ActiveRuns runs) {
        return new Runner(renderer, progress, clock, threads, live, runTimeout, runs, notes);
    }

    /** This runner with the notes printed before the run (shadowing, third-party code), which its log keeps first. */
    public Runner noting(List<String> runNotes) {
        return new Runner(renderer, progress, clock, threads, live, timeout, active, runNotes);
    }

    /** Runs the plan on this machine's cores, as a fresh run. */
    public Path run(Plan plan, Path outRoot, Map<String, String> environment) throws RunFailure {
        try {
            return run(plan, outRoot, environment, RunOptions.local(threads));
        } catch (InvalidInputException e) {
            throw new IllegalStateException("a fresh run does not compare descriptors", e);
        }
    }

    /**
     * Runs the plan and publishes {@code outRoot/<name>/<run-id>/}, on a supervised thread of its
     * own ({@link RunThread}): interrupting the calling thread cancels the run, and the time limit
     * ends it; either way this returns, with a {@link RunFailure}, only after the run's writers have
     * stopped, its finished points and units kept for {@code --resume} (or its folder gone when
     * nothing had finished).
     *
     * @param environment facts for provenance (Java, OS, framework), already in JSON-ready form
     * @return the published {@code result.json}
     * @throws PartialRun            when some points of a sweep failed; the others are published
     * @throws RunFailure            when the run failed, timed out or was cancelled; nothing is published
     * @throws InvalidInputException when resuming a run whose pinned descriptor differs
     */
    public Path run(Plan plan, Path outRoot, Map<String, String> environment, RunOptions options)
            throws RunFailure, InvalidInputException {
        Duration limit = plan.descriptor().timeout() == null ? timeout
                : timeout == null || plan.descriptor().timeout().compareTo(timeout) < 0 ? plan.descriptor().timeout()
                        : timeout;
        Path experimentFolder = outRoot.resolve(plan.descriptor().name());
        LargeValues values = LargeValues.of(ResultDocument.pinned(plan));
        JsonObject identity = resumeIdentity(values);
        // the clean-up of dead processes' folders comes first, and a resume takes its folder by renaming
        // it: a folder is resumed or removed, decided once, never read while it is being removed
        IncompleteFolders.removeStale(outRoot);
        SweepFolder resumed;
        try {
            resumed = options.resume() ? claimResumable(plan, experimentFolder, identity, live) : null;
        } catch (IOException e) {
            throw new RunFailure("could not read the runs under " + experimentFolder + ": " + e, e);
        }
        // a resumed run that hot-swapped starts, as its first attempt did, from the versions that attempt
        // pinned (where they are still installed), so its provenance and pinned descriptor say what ran
        Plan planned;
        try {
            planned = resumed == null ? plan : ResumedVersions.of(resumed.folder()).firstVersions(plan, live);
        } catch (IOException e) {
            resumed.release();
            throw new RunFailure("could not read the checkpoints of " + resumed.folder() + ": " + e, e);
        }
        LargeValues pinned = planned == plan ? values : LargeValues.of(ResultDocument.pinned(planned));
        try {
            return RunThread.call(planned, limit, active, () -> runHere(planned, outRoot, environment, options, pinned,
                    identity, resumed));
        } finally {
            if (resumed != null) {
                resumed.release();
            }
        }
    }

    private Path runHere(Plan plan, Path outRoot, Map<String, String> environment, RunOptions options,
            LargeValues values, JsonObject identity, SweepFolder resumed) throws RunFailure {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Path experimentFolder = outRoot.resolve(plan.descriptor().name());
        BundlePins.pin(plan);
        FolderCreation created = FolderCreation.before(outRoot, experimentFolder);
        SweepFolder sweep;
        try {
            if (resumed != null) {
                sweep = resumed;
            } else {
                String runId = RUN_ID.format(started) + "-"
                        + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
                sweep = SweepFolder.create(experimentFolder, runId, identity, started.toString());
            }
        } catch (IOException e) {
            created.undo();
            throw new RunFailure("could not write the result folder under " + experimentFolder + ": " + e, e);
        }
        SweepFolder folder = sweep;
        RunLog log = RunLog.open(folder.folder(), clock);
        log.line((resumed != null ? "resumed run " : "run ") + folder.runId() + " of " + plan.descriptor().file()
                + (plan.descriptor().overrides().isEmpty() ? "" : " with " + String.join(" ", plan.descriptor().overrides())));
        notes.forEach(log::line);
        if (plan.swept() && !plan.descriptor().pointPlots(plan.points().size())) {
            log.line("points' own plots " + PointPlotsNote.of(plan));
        }
        CountDownLatch ended = new CountDownLatch(1);
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        // the hook stands outside the run's group: interrupting the run must not interrupt the hook's own
        // wait for the run to stop (it did, and then removed the folder while the run's writers still wrote)
        // the folder kept for --resume is told once, with the command that finishes it: by the run itself when it
        // ends first, or by the hook when the JVM stops first (a signal); whichever comes first says it
        // (made now: a hook that runs while the framework stops may no longer load the engine's classes)
        java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();
        String keptLine = "unfinished: the finished work is kept in " + folder.folder() + "; to finish it, run: "
                + ResumeCommand.of(plan.descriptor(), outRoot);
        Thread onInterrupt = new Thread(group.getParent(), () -> {
            group.interrupt();
            if (!RunThread.abandoned(group)) {
                // an abandoned run (it ignores interruption, and this Java cannot stop it) never ends
                awaitQuietly(ended);
            }
            log.line("stopped: the process is ending");
            log.close();
            if (keepOrDelete(folder)) {
                tellKept(told, keptLine);
            } else {
                created.undo();
            }
        }, "workbench-clean-up");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        boolean published = false;
        String[] stop = {"failed"};
        try {
            SweepExecution execution = new SweepExecution(plan, folder, options, new PointRun(renderer, log.tee(progress), live));
            execution.run();
            if (RunThread.stopping()) {
                throw new InterruptedException("cancelled");
            }
            List<PointOutcome> outcomes = execution.finished();
            if (outcomes.isEmpty() || (!plan.swept() && !execution.failures().isEmpty())) {
                throw execution.failure();
            }
            List<SafePlots.Drawn> drawn = new ArrayList<>();
            UnaryOperator<String> whatRan = live == null ? UnaryOperator.identity() : RunTitle.forRun(plan, live.entries());
            for (Plot plot : SweepPlots.build(plan.descriptor().plots(), outcomes, whatRan)) {
                drawn.add(SafePlots.draw(renderer, plot, folder.folder()));
            }
            SafePlots.Drawn plots = SafePlots.Drawn.merge(drawn);
            long durationMs = (System.nanoTime() - t0) / 1_000_000;
            boolean whole = execution.failures().isEmpty();
            if (whole) {
                folder.dropState();
            }
            if (values.any()) {
                JsonArray schedule = ResultDocument.schedule(plan, outcomes);
                if (!schedule.isEmpty()) {
                    values.full().add("swaps", schedule);
                }
                values.writeFile(folder.folder());
            }
            ResultDocument.writeStreamed(folder.folder().resolve("result.json"), plan, outcomes, plots.files(),
                    plots.plots(), plots.issues(), environment, started, durationMs, values, execution.record(), doc -> {
                        if (plan.descriptor().title() != null) {
                            doc.addProperty("title", whatRan.apply(plan.descriptor().title()));
                        }
                    });
            log.line(whole ? "finished in " + durationMs + " ms" : "finished partially: " + execution.failureSummary());
            log.close();
            Path target = experimentFolder.resolve(folder.runId());
            if (RunThread.stopping()) {
                throw new InterruptedException("cancelled");
            }
            Files.move(folder.folder(), target, StandardCopyOption.ATOMIC_MOVE);
            published = true;
            if (!whole) {
                throw new PartialRun(execution.failureSummary(), target.resolve("result.json"));
            }
            return target.resolve("result.json");
        } catch (IOException e) {
            stop[0] = "could not write the result folder: " + e;
            throw new RunFailure("could not write the result folder under " + experimentFolder + ": " + e, e);
        } catch (InterruptedException e) {
            stop[0] = "cancelled";
            Thread.currentThread().interrupt();
            if (folder.holdsWork()) {
                throw new KeptWork("cancelled: the run was interrupted; the finished points are kept in "
                        + folder.folder() + "; to finish them, run: " + ResumeCommand.of(plan.descriptor(), outRoot),
                        folder.folder());
            }
            throw new RunFailure("cancelled: the run was interrupted; nothing was written", null);
        } catch (VirtualMachineError e) {
            throw new RunFailure(Culprits.of(plan, e) + " " + (e instanceof StackOverflowError
                    ? "overflowed the stack (a recursion without end?)" : "ran out of memory (" + e.getMessage() + ")")
                    + "; its run was stopped, and the runtime goes on", null);
        } catch (RuntimeException | Error e) {
            stop[0] = "failed: " + e;
            RunFailure exit = Culprits.exitRefused(plan, e);
            if (exit != null) {
                throw exit;
            }
            throw e;
        } catch (PartialRun e) {
            throw e;
        } catch (RunFailure e) {
            stop[0] = "failed: " + e.getMessage();
            RunFailure exit = Culprits.exitRefused(plan, e);
            throw exit != null ? exit : e;
        } finally {
            if (!published) {
                log.line("stopped: " + stop[0]);
                log.close();
                if (keepOrDelete(folder)) {
                    tellKept(told, keptLine);
                } else {
                    created.undo();
                }
            }
            folder.release();
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is stopping (Ctrl-C): the hook keeps or deletes the unfinished folder
            }
        }
    }

    /** Says where the finished work is kept and the command that finishes it, once per run. */
    private static void tellKept(java.util.concurrent.atomic.AtomicBoolean told, String line) {
        if (told.compareAndSet(false, true)) {
            System.err.println(line);
            System.err.flush();
        }
    }

    /** What a unit carries: the pinned effective descriptor, wherever it runs, its data included. */
    static JsonObject identity(Plan plan) {
        JsonObject d = ResultDocument.pinned(plan);
        d.remove("executor");
        return d;
    }

    /**
     * What a resumed run must match: the pinned effective descriptor, wherever it runs, with its
     * large values as their hashes ({@link LargeValues}), so that the folder keeps no copy of them.
     */
    static JsonObject resumeIdentity(LargeValues values) {
        JsonObject d = new JsonObject();
        values.compact().entrySet().forEach(e -> d.add(e.getKey(), e.getValue()));
        d.remove("executor");
        return d;
    }

    /**
     * Takes over the newest interrupted or partial run of the same pinned descriptor, or returns
     * {@code null} when there is none (a fresh run). A folder that another process takes or removes
     * between the look and the claim is passed over for the next one.
     */
    private static SweepFolder claimResumable(Plan plan, Path experimentFolder, JsonObject identity,
            ProviderSource live) throws IOException, InvalidInputException {
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<Path> candidate = SweepFolder.newestResumable(experimentFolder);
            if (candidate.isEmpty()) {
                return null;
            }
            try {
                JsonObject then = SweepFolder.identity(candidate.get());
                // a run that hot-swapped continues with the versions its checkpoints were trained with
                ResumedVersions versions = ResumedVersions.of(candidate.get());
                if (!then.equals(versions.forgiving(then, identity))) {
                    throw new InvalidInputException(plan.descriptor().file(), null, "cannot resume " + candidate.get()
                            + ": it ran a different descriptor (" + String.join("; ", JsonDifference.between(then,
                                    identity, 5)) + "); run without --resume to start afresh");
                }
                versions.check(plan, live);
                return SweepFolder.reopen(candidate.get());
            } catch (NoSuchFileException takenOrRemoved) {
                // another process renamed it first: look again
            }
        }
        throw new IOException("the resumable runs under " + experimentFolder + " kept changing while this run looked");
    }

    /**
     * Waits (boundedly, and on through interrupts) for the run's body to end, so that nothing
     * writes into a folder being removed.
     */
    private static void awaitQuietly(CountDownLatch ended) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean interrupted = false;
        while (ended.getCount() > 0 && System.nanoTime() < end) {
            try {
                ended.await(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * An unfinished folder stays when it holds finished work (to resume), without the files of what
     * did not finish, and goes otherwise.
     *
     * @return whether it stays
     */
    private static boolean keepOrDelete(SweepFolder folder) {
        if (!Files.exists(folder.folder())) {
            return false;
        }
        if (folder.holdsWork()) {
            try {
                folder.pruneUnfinished();
            } catch (IOException ignored) {
                // best effort: a resume rewrites an unfinished point's files
            }
            return true;
        }
        try {
            SweepFolder.delete(folder.folder());
        } catch (IOException ignored) {
            // best effort: a leftover ".incomplete-" folder is never mistaken for a result
        }
        return false;
    }
}
