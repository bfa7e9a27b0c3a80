package org.workbench.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.workbench.api.Plot;
import org.workbench.api.Task;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.output.ResultDocument;

/**
 * Runs a {@link Plan}: every sweep point (in parallel on the available cores; results never depend
 * on how many threads ran them), the plots, and {@code result.json}, all inside a folder with a
 * temporary name that is renamed when complete, so a result folder that exists is whole. On
 * failure, or when the JVM is stopped (Ctrl-C) during a run, the temporary folder is deleted.
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

    /**
     * @param live the providers available now, for hot swaps during a run
     */
    public Runner(PlotRenderer renderer, ProgressFactory progress, Clock clock, int threads, ProviderSource live) {
        this(renderer, progress, clock, threads, live, null, null);
    }

    private Runner(PlotRenderer renderer, ProgressFactory progress, Clock clock, int threads, ProviderSource live,
            Duration timeout, ActiveRuns active) {
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
        return new Runner(renderer, progress, clock, threads, live, runTimeout, runs);
    }

    /**
     * Runs the plan and publishes {@code outRoot/<name>/<run-id>/}, on a supervised thread of its
     * own ({@link RunThread}): interrupting the calling thread cancels the run, and the time limit
     * ends it; either way this returns, with a {@link RunFailure}, only after the run's writers have
     * stopped and its temporary folder is gone.
     *
     * @param environment facts for provenance (Java, OS, framework), already in JSON-ready form
     * @return the published {@code result.json}
     * @throws RunFailure when a point fails, times out or is cancelled; nothing is left behind
     */
    public Path run(Plan plan, Path outRoot, Map<String, String> environment) throws RunFailure {
        Duration limit = plan.descriptor().timeout() == null ? timeout
                : timeout == null || plan.descriptor().timeout().compareTo(timeout) < 0 ? plan.descriptor().timeout()
                        : timeout;
        return RunThread.call(plan, limit, active, () -> runHere(plan, outRoot, environment));
    }

    /**
     * Runs the plan on the calling thread and publishes {@code outRoot/<name>/<run-id>/}.
     *
     * @param environment facts for provenance (Java, OS, framework), already in JSON-ready form
     * @return the published {@code result.json}
     * @throws RunFailure when a point fails; nothing is left behind
     */
    private Path runHere(Plan plan, Path outRoot, Map<String, String> environment) throws RunFailure {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        String runId = RUN_ID.format(started) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        Path experimentFolder = outRoot.resolve(plan.descriptor().name());
        Path temporary = experimentFolder.resolve(IncompleteFolders.name(runId));
        CountDownLatch ended = new CountDownLatch(1);
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        IncompleteFolders.removeStale(outRoot);
        BundlePins.pin(plan);
        FolderCreation created = FolderCreation.before(outRoot, experimentFolder);
        Thread cleanUpOnInterrupt = new Thread(() -> {
            group.interrupt();
            awaitQuietly(ended);
            deleteQuietly(temporary);
            created.undo();
        }, "workbench-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUpOnInterrupt);
        try {
            Files.createDirectories(temporary);
            List<PointOutcome> outcomes = runPoints(plan, temporary);
            List<String> artifacts = new ArrayList<>();
            for (Plot plot : SweepPlots.build(plan.descriptor().plots(), outcomes)) {
                artifacts.addAll(renderer.render(plot, temporary));
            }
            long durationMs = (System.nanoTime() - t0) / 1_000_000;
            ResultDocument.write(temporary.resolve("result.json"), plan, outcomes, artifacts, environment, started,
                    durationMs);
            Path published = experimentFolder.resolve(runId);
            Files.move(temporary, published, StandardCopyOption.ATOMIC_MOVE);
            return published.resolve("result.json");
        } catch (IOException e) {
            deleteQuietly(temporary);
            created.undo();
            throw new RunFailure("could not write the result folder under " + experimentFolder + ": " + e, e);
        } catch (VirtualMachineError e) {
            deleteQuietly(temporary);
            created.undo();
            throw new RunFailure(Culprits.of(plan, e) + " " + (e instanceof StackOverflowError
                    ? "overflowed the stack (a recursion without end?)" : "ran out of memory (" + e.getMessage() + ")")
                    + "; its run was stopped, and the runtime goes on", null);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temporary);
            created.undo();
            RunFailure exit = Culprits.exitRefused(plan, e);
            if (exit != null) {
                throw exit;
            }
            throw e;
        } catch (RunFailure e) {
            deleteQuietly(temporary);
            created.undo();
            RunFailure exit = Culprits.exitRefused(plan, e);
            throw exit != null ? exit : e;
        } finally {
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUpOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is stopping (Ctrl-C): the hook deletes the unfinished folder
            }
        }
    }

    private List<PointOutcome> runPoints(Plan plan, Path folder) throws RunFailure, IOException {
        List<PlanPoint> points = plan.points();
        if (!plan.swept()) {
            return List.of(runPoint(plan, points.get(0), folder, ""));
        }
        int poolSize = Math.min(threads, points.size());
        ExecutorService pool = Executors.newFixedThreadPool(poolSize, r -> {
            Thread t = new Thread(r, "workbench-point");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PointOutcome>> futures = new ArrayList<>();
            for (PlanPoint p : points) {
                String relative = "points/" + p.index() + "/";
                futures.add(pool.submit(() -> runPoint(plan, p, folder.resolve(relative), relative)));
            }
            List<PointOutcome> outcomes = new ArrayList<>();
            for (Future<PointOutcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailure("cancelled: the run was interrupted; nothing was written", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RunFailure f) {
                throw f;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new RunFailure(cause.toString(), cause);
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    private PointOutcome runPoint(Plan plan, PlanPoint point, Path folder, String relative)
            throws RunFailure, IOException {
        long t0 = System.nanoTime();
        PointComponents components = new PointComponents(plan, point, folder, relative);
        PointContext context = new PointContext(point, components, folder, relative, progress,
                new HotSwapper(plan, point, live, components));
        Task task;
        try {
            task = plan.taskProvider().create(point.taskParameters(), context);
        } catch (RuntimeException e) {
            throw new ComponentFailure(Planner.TASK, plan.task().label() + " failed to create its task: " + e, e);
        }
        try {
            task.run(context);
        } catch (ComponentFailure | org.workbench.api.InvalidParameterException e) {
            throw e;
        } catch (ArithmeticException e) {
            throw new RunFailure(plan.task().label() + (point.set().isEmpty() ? "" : " at " + point.set()) + ": "
                    + e.getMessage(), null);
        } catch (Exception e) {
            throw new RunFailure(plan.task().label() + " failed" + (point.set().isEmpty() ? "" : " at " + point.set())
                    + ": " + e, e);
        }
        String nonFinite = NonFiniteResults.first(context.results());
        if (nonFinite != null) {
            throw new RunFailure(plan.task().label() + (point.set().isEmpty() ? "" : " at " + point.set())
                    + " produced a non-finite result: " + nonFinite + "; the computation broke down (an overflow "
                    + "or a division by zero), so nothing is published", null);
        }
        List<String> artifacts = new ArrayList<>(context.artifacts());
        for (String file : renderAll(context.plots(), folder)) {
            artifacts.add(relative + file);
        }
        Map<String, Long> seeds = new LinkedHashMap<>();
        seeds.put(Planner.TASK, context.seed());
        seeds.putAll(components.seeds());
        return new PointOutcome(point, context.results(), artifacts, seeds, context.swaps(),
                (System.nanoTime() - t0) / 1_000_000, components.inputs());
    }

    /** Renders the plots concurrently (they are independent), returning their files in plot order. */
    private List<String> renderAll(List<Plot> plots, Path folder) throws IOException {
        if (plots.isEmpty()) {
            return List.of();
        }
        Files.createDirectories(folder);
        List<CompletableFuture<List<String>>> pending = new ArrayList<>();
        for (Plot plot : plots.subList(1, plots.size())) {
            pending.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return renderer.render(plot, folder);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        List<String> files = new ArrayList<>(renderer.render(plots.get(0), folder));
        for (CompletableFuture<List<String>> f : pending) {
            try {
                files.addAll(f.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw e;
            }
        }
        return files;
    }

    /**
     * Waits (boundedly) for the run's body to end, clean-up included (the shutdown hook's first step).
     */
    private static void awaitQuietly(CountDownLatch ended) {
        try {
            ended.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits (boundedly, and even when the caller has been interrupted: a cancelled run is exactly
     * when it matters) for points still running after a failure, so that none of them writes into
     * the temporary folder after it has been deleted.
     */
    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = Thread.interrupted();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (!pool.isTerminated() && System.nanoTime() < end) {
                try {
                    pool.awaitTermination(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Deletes {@code folder} and everything in it, retrying when its content changes under the walk. */
    private static void deleteQuietly(Path folder) {
        for (int attempt = 0; attempt < 3 && Files.exists(folder); attempt++) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // best effort: a leftover ".incomplete-" folder is never mistaken for a result
                    }
                });
            } catch (IOException | UncheckedIOException ignored) {
                // a file appeared or vanished during the walk: walk again
            }
        }
    }
}
