package org.workbench.engine.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.apache.felix.service.command.Descriptor;
import org.workbench.api.Workbench;
import org.workbench.engine.catalog.FolderBundles;
import org.workbench.engine.catalog.FrameworkBundles;
import org.workbench.engine.catalog.PluginFolder;
import org.workbench.engine.catalog.TrackedProviders;
import org.workbench.engine.catalog.RepositoryBridge;
import org.workbench.engine.output.XChartRenderer;
import org.workbench.engine.run.ActiveRuns;
import org.workbench.engine.serve.WebWorkbench;

/**
 * The engine's entry point in the service registry: the runtime's {@code main} calls
 * {@link #execute}, and the Gogo shell calls the {@code wb:*} command functions, which take the
 * same arguments and options as {@code ./workbench COMMAND} ({@code wb:help run} prints them).
 */
@Component(service = Workbench.class, immediate = true, property = {
        "osgi.command.scope=wb",
        "osgi.command.function=run",
        "osgi.command.function=validate",
        "osgi.command.function=list",
        "osgi.command.function=describe",
        "osgi.command.function=report",
        "osgi.command.function=handin",
        "osgi.command.function=all",
        "osgi.command.function=serve",
        "osgi.command.function=help" })
public final class WorkbenchService implements Workbench {
    private TrackedProviders providers;
    private java.nio.file.Path home;
    private Commands commands;
    private ServiceRegistration<IntSupplier> cancelRuns;
    private ShellServer shellServer;

    @Activate
    void activate(BundleContext context) {
        providers = new TrackedProviders(context);
        home = FolderBundles.home(context);
        PluginFolder plugins = new PluginFolder(context);
        CommandContext base = new CommandContext(providers, new XChartRenderer(), environment(context),
                versions(context), System.console() != null, () -> {
                    List<String> lines = new ArrayList<>(plugins.describe());
                    providers.failures().forEach(f -> lines.add("provider " + f));
                    return lines;
                }, new ActiveRuns(), new FrameworkBundles(context, providers), new FolderBundles(context), System.out,
                System.err);
        WebWorkbench web = new WebWorkbench(context, base.runService());
        commands = new Commands(base, web::serve, new RepositoryBridge(context));
        shellServer = new ShellServer(this, web);
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
        int status = commands.execute(args, out, err);
        if (args.length > 0 && args[0].equals("run") && !org.workbench.engine.catalog.ProviderIndex.partialStart()) {
            // the providers a run needed are registered now: tell ./workbench which tasks are light, and
            // the launcher which bundle provides what (never from a start that left bundles unstarted)
            try {
                org.workbench.engine.catalog.LightTasks.record(home, providers);
                org.workbench.engine.catalog.ProviderIndex.record(home, providers);
            } catch (java.io.IOException | RuntimeException e) {
                // the script then starts every run with the full compiler and every bundle, as it always may
            }
        }
        return status;
    }

    @Descriptor("run experiment descriptors; prints each result.json path (wb:help run for the options)")
    public void run(@Descriptor("FILE... [--set PATH=VALUE] [--sweep KEY=V1,V2] [--out DIR] [--threads N] [--quiet]")
            String... args) {
        shell("run", args);
    }

    @Descriptor("check descriptors against the installed providers; runs nothing")
    public void validate(@Descriptor("FILE... [--set PATH=VALUE] [--sweep KEY=V1,V2]") String... args) {
        shell("validate", args);
    }

    @Descriptor("every provider: kind, name, version, bundle, summary; then the plugins folder")
    public void list(@Descriptor("[KIND] [--wide]") String... args) {
        shell("list", args);
    }

    @Descriptor("a provider's parameters and a task's roles")
    public void describe(@Descriptor("KIND/NAME, e.g. prior/gaussian") String... args) {
        shell("describe", args);
    }

    @Descriptor("write results/report.html from the latest result of every experiment")
    public void report(@Descriptor("[--out DIR]") String... args) {
        shell("report", args);
    }

    @Descriptor("write results/handin.html and results/handin.pdf: the problem set answered, as handed in")
    public void handin(@Descriptor("[--out DIR] [--experiments DIR] [--paper letter|a4]") String... args) {
        shell("handin", args);
    }

    @Descriptor("run every descriptor under experiments/, then write the report and the hand-in")
    public void all(@Descriptor("[--experiments DIR] [--out DIR] [--set PATH=VALUE] ...") String... args) {
        shell("all", args);
    }

    @Descriptor("serve the web workbench from this runtime in the background (its runs show in the pages' header); "
            + "wb:serve stop ends it")
    public void serve(@Descriptor("[--port N] [--out DIR] [--experiments DIR] | stop") String... args) {
        ShellOutput out = new ShellOutput(System.out, "out");
        ShellOutput err = new ShellOutput(System.err, "err");
        try (PrintStream o = new PrintStream(out, true); PrintStream e = new PrintStream(err, true)) {
            shellServer.serve(args, o, e);
        }
    }

    @Descriptor("the workbench's commands, or one command's options: wb:help run")
    public void help(@Descriptor("[COMMAND]") String... args) {
        shell("help", args);
    }

    /**
     * Runs one command with the shell's streams (Gogo's, through its ThreadIO), written through
     * {@link ShellOutput} so that Ctrl-C, which interrupts this thread and cancels the run, cannot
     * close the shell's terminal.
     */
    private void shell(String command, String... args) {
        String[] full = new String[args.length + 1];
        full[0] = command;
        System.arraycopy(args, 0, full, 1, args.length);
        ShellOutput out = new ShellOutput(System.out, "out");
        ShellOutput err = new ShellOutput(System.err, "err");
        try (PrintStream o = new PrintStream(out, true); PrintStream e = new PrintStream(err, true)) {
            execute(full, o, e);
        }
    }

    private static Versions versions(BundleContext context) {
        Bundle engine = context.getBundle();
        Version api = null;
        for (Bundle b : context.getBundles()) {
            if ("org.workbench.api".equals(b.getSymbolicName()) && (api == null || b.getState() == Bundle.ACTIVE)) {
                api = b.getVersion();
            }
        }
        Bundle system = context.getBundle(0);
        return new Versions(engine.getVersion().toString(), api == null ? "unknown" : mavenVersion(api),
                system.getSymbolicName() + " " + system.getVersion());
    }

    /** The Maven version a bundle version came from: bnd turns 1.0.0-SNAPSHOT into 1.0.0.SNAPSHOT. */
    static String mavenVersion(Version v) {
        String base = v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
        return v.getQualifier().isEmpty() ? base : base + "-" + v.getQualifier();
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
