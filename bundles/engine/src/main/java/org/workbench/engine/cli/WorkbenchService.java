package org.workbench.engine.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.IntSupplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.workbench.api.Workbench;
import org.workbench.engine.catalog.FrameworkBundles;
import org.workbench.engine.catalog.PluginFolder;
import org.workbench.engine.catalog.TrackedProviders;
import org.workbench.engine.output.XChartRenderer;
import org.workbench.engine.serve.ServeCommand;

/**
 * The engine's entry point in the service registry: the runtime's {@code main} calls
 * {@link #execute}, and the Gogo shell calls the {@code wb:*} command functions.
 */
@Component(service = Workbench.class, immediate = true, property = {
        "osgi.command.scope=wb",
        "osgi.command.function=run",
        "osgi.command.function=validate",
        "osgi.command.function=list",
        "osgi.command.function=describe",
        "osgi.command.function=report",
        "osgi.command.function=all" })
public final class WorkbenchService implements Workbench {
    private TrackedProviders providers;
    private Commands commands;
    private ServeCommand serve;
    private ServiceRegistration<IntSupplier> cancelRuns;

    @Activate
    void activate(BundleContext context) {
        providers = new TrackedProviders(context);
        PluginFolder plugins = new PluginFolder(context);
        commands = new Commands(providers, new XChartRenderer(), environment(context), System.console() != null,
                () -> {
                    List<String> lines = new ArrayList<>(plugins.describe());
                    providers.failures().forEach(f -> lines.add("provider " + f));
                    return lines;
                }, new FrameworkBundles(context, providers));
        serve = new ServeCommand(context, providers, new XChartRenderer(), environment(context));
        cancelRuns = context.registerService(IntSupplier.class, commands.activeRuns()::cancelAll,
                new Hashtable<>(Map.of("workbench.service", "cancel-runs")));
    }

    @Deactivate
    void deactivate() {
        cancelRuns.unregister();
        providers.close();
    }

    @Override
    public int execute(String[] args, PrintStream out, PrintStream err) {
        return args.length > 0 && args[0].equals("serve") ? serve.execute(args, out, err) : commands.execute(args, out, err);
    }

    /** Gogo: {@code wb:run FILE... [--set ...]}. */
    public void run(String... args) {
        shell("run", args);
    }

    /** Gogo: {@code wb:validate FILE...}. */
    public void validate(String... args) {
        shell("validate", args);
    }

    /** Gogo: {@code wb:list}. */
    public void list() {
        shell("list");
    }

    /** Gogo: {@code wb:describe KIND/NAME}. */
    public void describe(String kindAndName) {
        shell("describe", kindAndName);
    }

    /** Gogo: {@code wb:report}. */
    public void report(String... args) {
        shell("report", args);
    }

    /** Gogo: {@code wb:all}. */
    public void all(String... args) {
        shell("all", args);
    }

    private void shell(String command, String... args) {
        String[] full = new String[args.length + 1];
        full[0] = command;
        System.arraycopy(args, 0, full, 1, args.length);
        execute(full, System.out, System.err);
    }

    private static Map<String, String> environment(BundleContext context) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + ")");
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        Bundle system = context.getBundle(0);
        env.put("framework", system.getSymbolicName() + " " + system.getVersion());
        return env;
    }
}
