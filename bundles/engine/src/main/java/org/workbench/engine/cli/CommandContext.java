package org.workbench.engine.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.workbench.engine.catalog.OnDemandBundles;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.run.ActiveRuns;
import org.workbench.engine.catalog.BundleJars;
import org.workbench.engine.output.PlotRenderer;
import org.workbench.engine.service.RunService;

/**
 * What every command may use: the providers available now, the plot renderer, the facts recorded
 * in provenance, the plugins folder's report and the streams of the command line being executed.
 * A new command takes this in its constructor and reads only what it needs.
 *
 * @param providers   the providers available now
 * @param renderer    renders plots to PNG and SVG
 * @param environment facts for provenance (Java, OS, framework), in the order provenance writes them
 * @param versions    the versions {@code --version} prints
 * @param terminal    whether standard error is a terminal (live progress bars)
 * @param plugins     one line per jar of the watched plugins folder, for {@code list}
 * @param activeRuns  the runs in progress, shared by every command line (the shell's Ctrl-C cancels them)
 * @param jars        the jars behind providers, for units that run on cluster members
 * @param onDemand    starts the distribution's bundles that only some commands need (the cluster executor)
 * @param out         standard output of this command line
 * @param err         standard error of this command line
 */
public record CommandContext(ProviderSource providers, PlotRenderer renderer, Map<String, String> environment,
        Versions versions, boolean terminal, Supplier<List<String>> plugins, ActiveRuns activeRuns, BundleJars jars,
        OnDemandBundles onDemand, PrintStream out, PrintStream err) {
    public CommandContext {
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
    }

    /** A context with nothing on demand (outside a framework). */
    public CommandContext(ProviderSource providers, PlotRenderer renderer, Map<String, String> environment,
            Versions versions, boolean terminal, Supplier<List<String>> plugins, ActiveRuns activeRuns, BundleJars jars,
            PrintStream out, PrintStream err) {
        this(providers, renderer, environment, versions, terminal, plugins, activeRuns, jars, OnDemandBundles.NONE, out,
                err);
    }

    /**
     * Starts the bundles of every provider the distribution has, for the commands that show the
     * whole catalogue (list, describe, schema, completion, the web workbench); a problem is said on
     * standard error and the catalogue shows what did start.
     */
    public void wholeCatalogue() {
        String problem = onDemand.start(OnDemandBundles.CLUSTER);
        if (problem != null) {
            err.println("warning: the cluster executor is not available: " + problem);
        }
    }

    /** The one way from a descriptor to a result, shared with the web page through the same registry of active runs. */
    public RunService runService() {
        return new RunService(providers, renderer, environment, activeRuns, jars, onDemand);
    }

    /** The same context writing to other streams. */
    public CommandContext withStreams(PrintStream newOut, PrintStream newErr) {
        return new CommandContext(providers, renderer, environment, versions, terminal, plugins, activeRuns, jars,
                onDemand, newOut, newErr);
    }
}
