package org.workbench.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.workbench.api.execution.Executor;
import org.workbench.api.execution.JarSource;
import org.workbench.api.execution.Unit;
import org.workbench.api.execution.UnitCallback;
import org.workbench.api.execution.UnitRunner;

/**
 * The {@code local} executor: this machine's cores. Each call gets its own pool of daemon threads,
 * so a unit that fans out in turn (a sweep point running a study) never waits for a thread that
 * its own caller holds.
 */
public final class LocalExecutor implements Executor {
    /** How provenance and messages name the local member. */
    public static final String MEMBER = "local";
    private final int threads;

    public LocalExecutor(int threads) {
        this.threads = Math.max(1, threads);
    }

    @Override
    public void execute(List<Unit> units, UnitRunner runner, UnitCallback callback) throws InterruptedException {
        if (units.isEmpty()) {
            return;
        }
        if (units.size() == 1 || threads == 1) {
            for (Unit u : units) {
                runOne(u, runner, callback);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, units.size()), r -> {
            Thread t = new Thread(r, "workbench-unit");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Unit u : units) {
                futures.add(pool.submit(() -> runOne(u, runner, callback)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            awaitEvenIfInterrupted(pool);
        }
    }

    /**
     * Waits (boundedly, and even when the caller has been interrupted: a cancelled run is exactly
     * when it matters) for units still running, so that none writes into a folder being removed.
     */
    private static void awaitEvenIfInterrupted(ExecutorService pool) {
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

    private static void runOne(Unit u, UnitRunner runner, UnitCallback callback) {
        if (Thread.currentThread().isInterrupted()) {
            callback.failed(u, "interrupted", MEMBER);
            return;
        }
        String result;
        try {
            result = runner.run(u, JarSource.NONE, null);
        } catch (Exception | LinkageError e) {
            callback.failed(u, Failures.describe(e), MEMBER);
            return;
        }
        callback.finished(u, result, MEMBER);
    }

    @Override
    public void close() {
    }
}
