package org.workbench.engine.serve;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.workbench.api.InvalidParameterException;
import org.workbench.api.Workbench;
import org.workbench.api.live.Execution;
import org.workbench.api.live.RunObserver;
import org.workbench.api.live.Workspace;
import org.workbench.engine.catalog.ProviderResolver;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.descriptor.Descriptor;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.run.Plan;
import org.workbench.engine.run.Planner;
import org.workbench.engine.output.PlotRenderer;
import org.workbench.engine.run.Runner;

/** The engine's {@link Workspace} while it serves: runs go through the same planner and runner as {@code run}. */
final class LiveWorkspace implements Workspace {
    private final Path results;
    private final Path experiments;
    private final Path plugins;
    private final ProviderSource providers;
    private final PlotRenderer renderer;
    private final Map<String, String> environment;

    LiveWorkspace(Path results, Path experiments, Path plugins, ProviderSource providers, PlotRenderer renderer,
            Map<String, String> environment) {
        this.results = results.toAbsolutePath().normalize();
        this.experiments = experiments.toAbsolutePath().normalize();
        this.plugins = plugins.toAbsolutePath().normalize();
        this.providers = providers;
        this.renderer = renderer;
        this.environment = Map.copyOf(environment);
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
        List<String> sets = List.copyOf(overrides);
        Thread thread = new Thread(() -> {
            try {
                observer.finished(Workbench.OK, runOne(descriptor, sets, observer), null);
            } catch (InvalidInputException e) {
                observer.finished(Workbench.INVALID, null, e.report());
            } catch (InvalidParameterException e) {
                observer.finished(Workbench.INVALID, null, descriptor + ": " + e.getMessage());
            } catch (Exception | LinkageError e) {
                observer.finished(Workbench.FAILED, null, cancelled.get() ? "cancelled; nothing was written"
                        : "run failed: " + descriptor.getFileName() + ": " + e.getMessage());
            } finally {
                done.set(true);
            }
        }, "workbench-live-run");
        thread.setDaemon(true);
        thread.start();
        return new Execution() {
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

    private Path runOne(Path descriptor, List<String> overrides, RunObserver observer) throws Exception {
        Descriptor d = new DescriptorParser().parse(descriptor, overrides);
        Plan plan = new Planner(new ProviderResolver(providers)).plan(d);
        Runner runner = new Runner(renderer, new ObservedProgress(observer), Clock.systemUTC(),
                Runtime.getRuntime().availableProcessors(), providers);
        return runner.run(plan, results, environment);
    }
}
