package org.workbench.engine.service;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.workbench.api.InvalidParameterException;
import org.workbench.api.Workbench;
import org.workbench.api.execution.Executor;
import org.workbench.engine.catalog.ActivationDeadline;
import org.workbench.engine.catalog.ActivationTimeout;
import org.workbench.engine.catalog.BundleJars;
import org.workbench.engine.catalog.OnDemandBundles;
import org.workbench.engine.catalog.ProviderResolver;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.descriptor.Descriptor;
import org.workbench.engine.descriptor.DescriptorFile;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.descriptor.Overrides;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.PluginFault;
import org.workbench.engine.output.PlotRenderer;
import org.workbench.engine.run.ActiveRuns;
import org.workbench.engine.run.ComponentFailure;
import org.workbench.engine.run.PartialRun;
import org.workbench.engine.run.PhaseTiming;
import org.workbench.engine.run.Plan;
import org.workbench.engine.run.Planner;
import org.workbench.engine.run.RunFailure;
import org.workbench.engine.run.RunOptions;
import org.workbench.engine.run.RunProvenance;
import org.workbench.engine.run.Runner;
import org.workbench.engine.run.Shadowing;
import org.workbench.engine.run.UnstoppableRun;
import org.workbench.engine.run.ThirdParty;
import org.workbench.engine.run.TrackedRun;
import org.workbench.engine.store.RunRecorder;

import com.google.gson.JsonObject;

/**
 * The one way from a descriptor to a result, for {@code run}, {@code all}, the shell's {@code wb:run}
 * and the web page's Run: parse with the overrides, plan against the providers available now, say
 * which providers shadow others, choose the executor (the request's options over the descriptor's
 * {@code executor}), run with the time limit inside the registry of active runs (so Ctrl-C in the shell
 * cancels any of them), and map whatever happened to one {@link RunOutcome}.
 */
public final class RunService {
    private final ProviderSource providers;
    private final PlotRenderer renderer;
    private final Map<String, String> environment;
    private final ActiveRuns activeRuns;
    private final ExecutorSelection executors;
    private final OnDemandBundles onDemand;

    /**
     * @param environment facts for provenance (Java, OS, framework), in the order provenance writes them
     * @param activeRuns  the runs in progress, shared by every front end
     * @param jars        the jars behind providers, for units that run on cluster members
     * @param onDemand    starts the cluster executor's bundles when a run names it
     */
    public RunService(ProviderSource providers, PlotRenderer renderer, Map<String, String> environment,
            ActiveRuns activeRuns, BundleJars jars, OnDemandBundles onDemand) {
        this.providers = providers;
        this.renderer = renderer;
        this.environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment)); // in its order: provenance writes it so
        this.activeRuns = activeRuns;
        this.executors = new ExecutorSelection(providers, jars, onDemand);
        this.onDemand = onDemand;
    }

    /** The runs in progress, which the shell's Ctrl-C cancels. */
    public ActiveRuns activeRuns() {
        return activeRuns;
    }

    /** Parses {@code file} with the overrides and resolves it against the providers available now. */
    public Plan plan(Path file, List<String> overrides, long maxPoints) throws InvalidInputException {
        return plan(file, overrides, maxPoints, DescriptorFile.limit(), null);
    }

    /**
     * {@link #plan(Path, List, long)} for a descriptor of at most {@code maxBytes} and a run limited to
     * {@code limit} (or none): the activation of the
     * providers it resolves is bounded by the shorter of that limit, the descriptor's own {@code timeout}
     * and the activation deadline ({@link ActivationDeadline}).
     */
    public Plan plan(Path file, List<String> overrides, long maxPoints, long maxBytes, Duration limit)
            throws InvalidInputException {
        Descriptor d = new DescriptorParser(maxBytes).parse(file, overrides);
        Duration bound = limit == null ? d.timeout()
                : d.timeout() == null || limit.compareTo(d.timeout()) < 0 ? limit : d.timeout();
        try (ActivationDeadline.Scope scope = ActivationDeadline.bound(bound)) {
            return new Planner(new ProviderResolver(providers), maxPoints).plan(d);
        }
    }

    /**
     * Plans a descriptor that travelled as JSON (a finished run's effective descriptor), standing for
     * {@code file} (its relative paths resolve against that file's folder), with {@code overrides} applied.
     */
    public Plan plan(Path file, JsonObject root, List<String> overrides) throws InvalidInputException {
        return plan(file, root, overrides, 1);
    }

    /** {@link #plan(Path, JsonObject, List)} of a sweep of at most {@code maxPoints} points (a finished sweep's). */
    public Plan plan(Path file, JsonObject root, List<String> overrides, long maxPoints) throws InvalidInputException {
        JsonObject copy = root.deepCopy();
        Overrides.apply(copy, overrides, file);
        Descriptor d = new DescriptorParser().parse(file, copy);
        return new Planner(new ProviderResolver(providers), maxPoints).plan(d);
    }

    /** The providers available now. */
    public ProviderSource providers() {
        return providers;
    }

    /**
     * Runs one descriptor to its end. Interrupting the calling thread cancels the run (nothing half-written
     * is left); this returns only after the run's writers have stopped.
     *
     * @param shown hears the notes a person should read before the result (a provider chosen over another)
     */
    public RunOutcome run(RunRequest request, Consumer<String> shown) {
        return run(request, shown, activeRuns.newId(), "command line");
    }

    /**
     * {@link #run(RunRequest, Consumer)} listed among the {@linkplain ActiveRuns#tracked() active runs}
     * under {@code id} while it runs, with its progress and its end heard by whoever joins it.
     *
     * @param origin who started it ({@code "page"}, {@code "command line"})
     */
    public RunOutcome run(RunRequest request, Consumer<String> shown, String id, String origin) {
        Thread caller = Thread.currentThread();
        String file = request.descriptor().getFileName().toString().replaceAll("\\.json$", "");
        TrackedRun tracked = activeRuns.track(id, file, request.overrides(), origin, caller::interrupt);
        RunOutcome outcome = null;
        try {
            outcome = runTracked(request.withProgress(tracked.watching(request.progress())), shown, tracked);
            return outcome;
        } finally {
            activeRuns.untrack(tracked);
            if (outcome != null) {
                tracked.finished(outcome.status(), outcome.result(), outcome.message());
            } else {
                tracked.finished(Workbench.FAILED, null, "run failed: the run ended unexpectedly");
            }
        }
    }

    private RunOutcome runTracked(RunRequest request, Consumer<String> shown, TrackedRun tracked) {
        Path file = request.descriptor();
        List<String> logged = new java.util.ArrayList<>();
        Consumer<String> notes = n -> {
            logged.add(n);
            shown.accept(n);
        };
        // the checkouts' git status runs while the run plans (provenance waits for it below)
        RunProvenance.Pending checkouts = RunProvenance.begin(workbenchHome(), file);
        Plan plan;
        RunOptions where;
        try {
            plan = plan(file, request.overrides(), request.maxPoints(), request.maxDescriptorBytes(), request.timeout());
            tracked.named(plan.descriptor().name());
            plan.descriptor().notes().forEach(n -> notes.accept(file + ": " + n));
            PhaseTiming.mark("plan ready");
            where = executors.choose(plan, request.cluster(), request.threads());
        } catch (InvalidInputException e) {
            return RunOutcome.invalid(e.report());
        } catch (PluginFault e) {
            return new RunOutcome(Workbench.FAILED, null, "run failed: " + e.report(), null);
        } catch (ActivationTimeout e) {
            return RunOutcome.failed(file + ": " + e.getMessage(), null);
        }
        RunOutcome elsewhere = request.placement().elsewhere(plan);
        if (elsewhere != null) {
            return elsewhere;
        }
        Map<String, String> facts = environment;
        List<String> shadowing = Shadowing.notes(plan, providers);
        if (!shadowing.isEmpty()) {
            shadowing.forEach(n -> notes.accept(file + ": " + n));
            facts = new LinkedHashMap<>(environment);
            facts.put(Shadowing.KEY, String.join("; ", shadowing));
        }
        ThirdParty.passedOver(plan, providers).forEach(n -> notes.accept(file + ": " + n));
        List<ThirdParty.Use> thirdParty = ThirdParty.uses(plan, providers);
        if (!thirdParty.isEmpty()) {
            ThirdParty.notes(thirdParty).forEach(n -> notes.accept(file + ": " + n));
            facts = new LinkedHashMap<>(facts);
            facts.put(ThirdParty.KEY, ThirdParty.json(thirdParty).toString());
        }
        facts = checkouts.with(facts);
        Runner runner = new Runner(renderer, request.progress(), Clock.systemUTC(), request.threads(), providers)
                .limitedTo(request.timeout(), activeRuns).noting(logged);
        try (Executor executor = where.executor()) {
            request.placement().startingHere();
            Path result = runner.run(plan, request.out(), facts, where);
            PhaseTiming.mark("result published");
            index(request.out(), result, notes);
            return RunOutcome.done(result);
        } catch (PartialRun e) {
            index(request.out(), e.result(), notes);
            return RunOutcome.partial(e.result(), file + ": " + e.getMessage() + "; ./workbench run " + file
                    + " --resume runs what is missing");
        } catch (InvalidInputException e) {
            return RunOutcome.invalid(e.report());
        } catch (InvalidParameterException e) {
            return RunOutcome.invalid(file + ": " + e.getMessage()
                    + (e.parameter() == null ? "" : " (parameter '" + e.parameter() + "')"));
        } catch (ComponentFailure e) {
            return RunOutcome.failed(file + ": " + e.label() + ": " + e.getMessage(), e.getCause());
        } catch (UnstoppableRun e) {
            return RunOutcome.unstoppable(file + ": " + e.getMessage());
        } catch (RunFailure e) {
            return RunOutcome.failed(file + ": " + e.getMessage(), e.getCause());
        } catch (RuntimeException e) {
            return RunOutcome.failed(file + ": " + e, e);
        } catch (LinkageError e) {
            return RunOutcome.failed(file + ": a component's classes could not be loaded (is a bundle missing or stale?): "
                    + e, e);
        }
    }

    /** The distribution folder this engine runs from, or {@code null} outside a framework. */
    private static Path workbenchHome() {
        org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(RunService.class);
        if (bundle == null || bundle.getBundleContext() == null) {
            return null;
        }
        try {
            return org.workbench.engine.catalog.FolderBundles.home(bundle.getBundleContext());
        } catch (RuntimeException notAFolder) {
            return null;
        }
    }

    /** Indexes the folder just published when its results folder keeps a run store (docs/run-store.md). */
    private void index(Path out, Path result, Consumer<String> notes) {
        if (result == null || result.getParent() == null) {
            return;
        }
        String warning = RunRecorder.record(out, result.getParent(), System.getenv(),
                () -> onDemand.start(OnDemandBundles.STORE));
        if (warning != null) {
            notes.accept("warning: " + warning);
        }
    }
}
