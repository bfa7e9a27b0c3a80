package org.workbench.engine.serve;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.workbench.api.Workbench;
import org.workbench.api.live.ActiveRun;
import org.workbench.api.live.Execution;
import org.workbench.api.live.RunObserver;
import org.workbench.api.live.Workspace;
import org.workbench.engine.descriptor.DescriptorFile;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.run.SweepSize;
import org.workbench.engine.service.ClusterOptions;
import org.workbench.engine.service.RunOutcome;
import org.workbench.engine.service.RunRequest;
import org.workbench.engine.service.RunService;

/**
 * The engine's {@link Workspace} while it serves: a run started from the page goes through the same
 * {@link RunService} as {@code ./workbench run}, so it honours the descriptor's executor and timeout,
 * says which providers shadow others (on the server's standard error and in provenance) and is in the
 * registry of active runs.
 */
final class LiveWorkspace implements Workspace {
    private final Path results;
    private final Path experiments;
    private final Path plugins;
    private final RunService runs;
    private final PrintStream err;

    LiveWorkspace(Path results, Path experiments, Path plugins, RunService runs, PrintStream err) {
        this.results = results.toAbsolutePath().normalize();
        this.experiments = experiments.toAbsolutePath().normalize();
        this.plugins = plugins.toAbsolutePath().normalize();
        this.runs = runs;
        this.err = err;
    }

    @Override
    public Path results() {
        return results;
    }

    @Override
    public Path experiments() {
        return experiments;
    }

    @Override
    public Path plugins() {
        return plugins;
    }

    @Override
    public Execution start(Path descriptor, List<String> overrides, RunObserver observer) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        String id = runs.activeRuns().newId();
        Thread thread = new Thread(() -> {
            try {
                RunRequest request = new RunRequest(descriptor, overrides, SweepSize.DEFAULT_LIMIT, DescriptorFile.limit(),
                        results, Runtime.getRuntime().availableProcessors(), null, ClusterOptions.none(),
                        new ObservedProgress(observer));
                RunOutcome outcome = runs.run(request, note -> {
                    err.println("note: " + note);
                    observer.message("note", note);
                }, id, "page");
                String message = outcome.status() != Workbench.OK && cancelled.get() && outcome.result() == null
                        ? "cancelled; nothing was written" : outcome.message();
                observer.finished(outcome.status(), outcome.result(), message);
            } catch (InvalidInputException e) {
                observer.finished(Workbench.INVALID, null, "error: " + e.report());
            } finally {
                done.set(true);
            }
        }, "workbench-live-run");
        thread.setDaemon(true);
        thread.start();
        return new Execution() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public void cancel() {
                if (!done.get()) {
                    cancelled.set(true);
                    thread.interrupt();
                }
            }

            @Override
            public boolean done() {
                return done.get();
            }
        };
    }

    @Override
    public List<ActiveRun> active() {
        return runs.activeRuns().tracked();
    }
}
