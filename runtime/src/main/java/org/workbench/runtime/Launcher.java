package org.workbench.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.hooks.bundle.FindHook;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Boots an embedded OSGi framework (whatever {@link FrameworkFactory} the class path offers: Apache
 * Felix here), installs the distribution's bundles (or finds them in the bundle cache it reuses
 * across starts, see {@link FrameworkStorage}), points FileInstall at the plugins folder and
 * waits for the engine's {@code Workbench} service. Holds no experiment logic: commands go to the
 * engine through the service registry, by reflection on JDK types only, so the launcher shares no
 * classes with the bundles.
 */
public final class Launcher implements AutoCloseable {
    /** The engine's service interface, looked up by name so the launcher never loads it. */
    static final String WORKBENCH = "org.workbench.api.Workbench";
    private static final long SERVICE_TIMEOUT_MS = 20_000;
    private static final long PLUGIN_SCAN_TIMEOUT_MS = 5_000;
    /** The filter of the engine's service that cancels every run in progress (an {@code IntSupplier}). */
    static final String CANCEL_RUNS = "(workbench.service=cancel-runs)";
    private final Framework framework;
    private final FrameworkStorage storage;
    private final PluginRefusals refusals;
    private final PluginProblems pluginProblems;
    private final java.util.Set<Long> distribution;
    private final ServiceTracker<Object, Object> workbench;
    private final List<String> problems;
    private final ShellExit exit;
    private final ExitCallWeaver weaver;
    private FrameworkMessages messages;
    /** The distribution's bundles that this start left unstarted ({@link ProviderBundles}), until a command needs them. */
    private final List<Bundle> unstarted = new ArrayList<>();
    /**
     * The distribution's jars that this start did not install ({@link ProviderBundles#notInstalled}),
     * until a command needs them; installed then, they are uninstalled again when the framework stops,
     * so that this start's bundle cache keeps holding only the others.
     */
    private final List<Path> notInstalled = new ArrayList<>();

    private Launcher(Framework framework, FrameworkStorage storage, ServiceTracker<Object, Object> workbench,
            List<String> problems, ShellExit exit, PluginRefusals refusals, PluginProblems pluginProblems,
            List<Bundle> distribution, ExitCallWeaver weaver) {
        this.framework = framework;
        this.weaver = weaver;
        this.distribution = new java.util.HashSet<>(distribution.stream().map(Bundle::getBundleId).toList());
        this.refusals = refusals;
        this.pluginProblems = pluginProblems;
        this.exit = exit;
        this.storage = storage;
        this.workbench = workbench;
        this.problems = problems;
    }

    /**
     * Starts the framework.
     *
     * @param home    the distribution folder (holds {@code bundles/} and {@code shell/})
     * @param plugins the watched plugins folder (created if missing)
     * @param shell   whether to install the Gogo shell bundles too
     */
    public static Launcher start(Path home, Path plugins, boolean shell) throws IOException, BundleException,
            InterruptedException, InvalidSyntaxException {
        return start(home, plugins, shell, false);
    }

    /**
     * Starts the framework; with {@code warmDescriptorParser}, readies the component descriptors'
     * parser on a thread of its own while the framework initialises, unless SCR has kept the
     * descriptors ({@link ComponentMetadataCache}) and so parses none.
     */
    @SuppressWarnings("unchecked")
    public static Launcher start(Path home, Path plugins, boolean shell, boolean warmDescriptorParser) throws IOException,
            BundleException, InterruptedException, InvalidSyntaxException {
        Timing.mark("launcher entered");
        quietClusterLibrary();
        Files.createDirectories(plugins);
        if (!Files.exists(home.resolve(BuiltInManifest.FILE)) && Files.isDirectory(home.resolve("bundles"))) {
            // the build removes the record with the jars it replaces; ./workbench writes it right after
            // building, and a distribution built by Maven alone gets it at its first start
            BuiltInManifest.write(home);
        }
        List<Path> jars = jars(home.resolve("bundles"));
        if (shell) {
            jars.addAll(jars(home.resolve("shell")));
        }
        List<Path> stamped = new ArrayList<>(jars);
        // the folders that the engine starts only for the commands that need them (the cluster executor;
        // the web pages and Jetty), as the distribution declares them
        for (String folder : Distribution.read(home).onDemand()) {
            if (Files.isDirectory(home.resolve(folder))) {
                stamped.addAll(jars(home.resolve(folder)));
            }
        }
        // the package of the exit refusal that woven bundle classes call (ExitCallWeaver)
        String extra = org.workbench.runtime.guard.ExitRefusal.PACKAGE + ";version=1.0.0";
        if (VectorModule.present()) {
            extra += "," + VectorModule.MODULE;
        }
        if (Files.isDirectory(home.resolve("lib"))) {
            stamped.addAll(jars(home.resolve("lib")));
        }
        // a light run: the bundles whose providers its descriptors do not name are not started, and
        // while no plugin is present (a plugin may need any bundle to resolve) not even installed, from
        // a bundle cache of their own
        ProviderBundles providerBundles = ProviderBundles.of(home);
        boolean noPlugins = !PluginFolder.holdsJars(plugins);
        List<Path> notInstalled = noPlugins && !shell ? providerBundles.notInstalled(home, jars) : List.of();
        jars.removeAll(notInstalled);
        FrameworkStorage storage = FrameworkStorage.open(home, VectorModule.cacheVariant(shell ? "shell" : "run")
                + ProviderBundles.cacheSuffix(notInstalled), stamp(stamped, plugins, extra));
        Path cache = storage.folder();
        // SCR's parsed component descriptors, kept in the bundle cache while no plugin is present
        boolean keepDescriptors = noPlugins;
        boolean descriptorsKept = keepDescriptors && storage.reusable() && ComponentMetadataCache.present(cache);
        if (warmDescriptorParser && !descriptorsKept) {
            ComponentXmlWarmUp.start();
        }
        Timing.mark("bundle cache " + (storage.reusable() ? "reusable" : "to be cleaned")
                + (descriptorsKept ? " (component descriptors kept)" : ""));
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, storage.reusable() ? "none"
                : Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("felix.log.level", "1");
        config.put(ComponentMetadataCache.PROPERTY, Boolean.toString(keepDescriptors));
        // the framework's errors in our words, on standard error (FrameworkMessages)
        ((Map<String, Object>) (Map<?, ?>) config).put("felix.log.logger", new FrameworkMessages.FrameworkLog());
        config.put("felix.fileinstall.dir", plugins.toAbsolutePath().normalize().toString());
        config.put("felix.fileinstall.filter", ".*\\.jar");
        config.put("workbench.plugins", plugins.toAbsolutePath().normalize().toString());
        config.put("felix.fileinstall.poll", "10");
        config.put("felix.fileinstall.noInitialDelay", "true");
        config.put("felix.fileinstall.log.level", "1");
        // FileInstall's errors go to java.util.logging, where PluginRefusals reads which jars the
        // framework refused and why (by default they are stack traces on standard output)
        config.put("felix.fileinstall.log.default", "jul");
        config.put("felix.fileinstall.tmpdir", cache.resolve("fileinstall").toString());
        config.put("felix.fileinstall.bundles.new.start", "true");
        // started transiently, here and below: a reused bundle cache then auto-starts nothing, and
        // every start reports its own problems
        config.put("felix.fileinstall.bundles.startTransient", "true");
        config.put("gosh.args", shell ? "" : "--nointeractive");
        // the JDK's packages and the extra ones, as the start that made a reused cache computed them
        SystemPackages systemPackages = SystemPackages.configure(config, storage, extra);
        // no extension bundles: a plugin jar with "Fragment-Host: system.bundle; extension:=framework"
        // would put its classes on the framework's class path, and FileInstall's refresh of it
        // restarts the framework with none of the transiently started bundles (Felix reads this
        // system property when its extension manager class loads)
        System.getProperties().putIfAbsent("felix.extensions.disable", "true");
        if (providerBundles.partial()) {
            System.setProperty(PARTIAL_START, "true");
        }
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Framework framework = factory.newFramework(config);
        Timing.mark("framework created");
        framework.init();
        Timing.mark("framework initialised" + (systemPackages.reused() ? " (system packages kept)" : ""));
        BundleContext context = framework.getBundleContext();
        systemPackages.keep(context);
        FrameworkMessages messages = FrameworkMessages.install(context);
        List<Bundle> installed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        install(context, jars, installed, problems);
        java.util.Set<String> builtInNames = new java.util.HashSet<>(BuiltInManifest.symbolicNames(home));
        installed.forEach(b -> builtInNames.add(b.getSymbolicName()));
        BuiltInNames names = new BuiltInNames(builtInNames, "reference:" + home.toUri());
        context.registerService(org.osgi.framework.hooks.resolver.ResolverHookFactory.class, names, null);
        Path watched = plugins.toAbsolutePath().normalize();
        PluginRefusals refusals = PluginRefusals.listen(watched);
        context.registerService(FindHook.class, new PluginWatcherView(watched), null);
        // before any bundle's class loads: every bundle's System.exit/Runtime.halt is refused
        ExitCallWeaver weaver = new ExitCallWeaver(home);
        context.registerService(WeavingHook.class, weaver, null);
        ChildRuntime.register(context, home, plugins);
        PluginProblems pluginProblems = new PluginProblems(watched, refusals, context);
        context.registerService(Function.class, pluginProblems,
                new Hashtable<>(Map.of(PluginProblems.PROPERTY, PluginProblems.VALUE)));
        Timing.mark(storage.reusable() ? "bundles found in the reused cache" : "bundles installed");
        framework.start();
        Timing.mark("framework started");
        ShellExit exit = shell ? ShellExit.register(framework) : null;
        // a light run without the SIMD module: the bundles that need it are not used, not resolved, not started
        // (they stay installed, in the distribution and the bundle cache)
        List<Bundle> started = new ArrayList<>(installed);
        if (VectorModule.skipped()) {
            started.removeIf(VectorModule::needs);
        }
        List<Bundle> later = started.stream().filter(b -> providerBundles.leavesUnstarted(b.getSymbolicName())).toList();
        started.removeAll(later);
        if (later.isEmpty() && notInstalled.isEmpty()) {
            System.clearProperty(PARTIAL_START);
        }
        framework.adapt(FrameworkWiring.class).resolveBundles(started);
        Timing.mark("bundles resolved");
        ClassLoader previousLoader = Thread.currentThread().getContextClassLoader();
        if (shell) {
            // JLine finds its terminal providers through the context class loader only; the Gogo
            // shell creates its terminal (and its thread) while these bundles start.
            jlineLoader(installed).ifPresent(Thread.currentThread()::setContextClassLoader);
        }
        try {
            for (Bundle b : started) {
                if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    long t0 = System.nanoTime();
                    try {
                        b.start(Bundle.START_TRANSIENT);
                        Timing.bundle(b.getSymbolicName(), t0);
                    } catch (BundleException e) {
                        problems.add("bundle " + b.getSymbolicName() + " did not start: " + e.getMessage());
                    }
                }
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previousLoader);
        }
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context,
                context.createFilter("(" + Constants.OBJECTCLASS + "=" + WORKBENCH + ")"), null);
        int leftOut = later.size() + notInstalled.size();
        Timing.mark("bundles started" + (leftOut == 0 ? "" : " (" + leftOut + " whose providers this run does not name left unstarted, "
                + notInstalled.size() + " of them not installed)"));
        tracker.open(true);
        Launcher launcher = new Launcher(framework, storage, tracker, problems, exit, refusals, pluginProblems,
                installed, weaver);
        launcher.messages = messages;
        launcher.unstarted.addAll(later);
        launcher.notInstalled.addAll(notInstalled);
        launcher.awaitPlugins(watched);
        launcher.reportRefused(names);
        return launcher;
    }

    /** The class loader of the JLine bundle, when the shell's bundles include it and it resolved. */
    private static Optional<ClassLoader> jlineLoader(List<Bundle> installed) {
        return installed.stream().filter(b -> "org.jline".equals(b.getSymbolicName()))
                .map(b -> b.adapt(BundleWiring.class)).filter(java.util.Objects::nonNull)
                .map(BundleWiring::getClassLoader).findFirst();
    }

    /**
     * The cluster library (Hazelcast) logs through JUL from its bundle activator on, and probes for
     * a script engine: keep it quiet unless the user asks otherwise with a system property.
     */
    private static void quietClusterLibrary() {
        System.getProperties().putIfAbsent("hazelcast.logging.type", "none");
        System.getProperties().putIfAbsent("hazelcast.phone.home.enabled", "false");
        System.getProperties().putIfAbsent("hazelcast.osgi.jsr223.disabled", "true");
    }

    /** The jars of a distribution folder, sorted by name. */
    private static List<Path> jars(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("the distribution has no folder " + folder + "; build it with mvn package");
        }
        try (Stream<Path> jars = Files.list(folder)) {
            return new ArrayList<>(jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList());
        }
    }

    /**
     * What a reused bundle cache must have been made from: every distribution jar (name, size,
     * modification time; the framework's too), the plugins folder, the Java version and its modules
     * (which packages the system bundle exports), and the extra packages the system bundle exports.
     */
    static String stamp(List<Path> jars, Path plugins, String extraPackages) throws IOException {
        StringBuilder b = new StringBuilder("java ").append(System.getProperty("java.version")).append(" (")
                .append(System.getProperty("java.home")).append(")\nmodules");
        ModuleLayer.boot().modules().stream().map(Module::getName).sorted().forEach(m -> b.append(' ').append(m));
        b.append("\nsystem packages extra ").append(extraPackages).append('\n');
        b.append("plugins ").append(plugins.toAbsolutePath().normalize()).append('\n');
        for (Path jar : jars) {
            b.append(jar.toAbsolutePath().normalize()).append(' ').append(Files.size(jar)).append(' ')
                    .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
        }
        return b.toString();
    }

    /**
     * Installs the distribution's jars by reference; a jar already installed from a reused cache is
     * taken as it is, without reading it again.
     */
    private static void install(BundleContext context, List<Path> jars, List<Bundle> installed, List<String> problems) {
        Map<String, Bundle> cached = new HashMap<>();
        for (Bundle b : context.getBundles()) {
            cached.put(b.getLocation(), b);
        }
        for (Path jar : jars) {
            String location = "reference:" + jar.toUri();
            Bundle present = cached.get(location);
            if (present != null) {
                installed.add(present);
                continue;
            }
            try {
                installed.add(context.installBundle(location));
            } catch (BundleException e) {
                problems.add("could not install " + jar.getFileName() + ": " + e.getMessage());
            }
        }
    }

    /**
     * Waits until FileInstall is done with every jar that is in the plugins folder now, so that a
     * command sees the user's plugins. FileInstall scans the folder once, synchronously, while its
     * bundle starts ({@code felix.fileinstall.noInitialDelay}), so this normally returns at once:
     * each jar has become a bundle that started or cannot start, or cannot become one (not a
     * bundle, refused by the framework, a repeat of another bundle's name and version). The
     * deadline only guards a jar that appeared after that scan; one still unsettled then is
     * reported among the {@linkplain #problems() problems}.
     */
    private void awaitPlugins(Path plugins) throws IOException, InterruptedException {
        List<Path> waiting;
        try (Stream<Path> jars = Files.list(plugins)) {
            waiting = jars.filter(p -> p.getFileName().toString().endsWith(".jar")).collect(
                    java.util.stream.Collectors.toCollection(ArrayList::new));
        }
        long deadline = System.currentTimeMillis() + PLUGIN_SCAN_TIMEOUT_MS;
        FrameworkWiring wiring = framework.adapt(FrameworkWiring.class);
        while (true) {
            waiting.removeIf(jar -> settled(findByFileName(jar.getFileName().toString()), wiring)
                    || pluginProblems.settledWithoutBundle(jar));
            if (waiting.isEmpty() || System.currentTimeMillis() >= deadline) {
                break;
            }
            Thread.sleep(5);
        }
        for (Path jar : waiting) {
            problems.add("plugin " + jar.getFileName() + " was not installed within " + PLUGIN_SCAN_TIMEOUT_MS / 1000
                    + " s; list shows its state");
        }
    }

    /** One problem per installed bundle that takes a built-in's symbolic name, kept from resolving ({@link BuiltInNames}). */
    private void reportRefused(BuiltInNames names) {
        for (Bundle b : framework.getBundleContext().getBundles()) {
            if (names.refuses(b.getSymbolicName(), b.getLocation())) {
                String location = b.getLocation();
                problems.add("plugin " + location.substring(location.lastIndexOf('/') + 1) + " (" + b.getSymbolicName()
                        + " " + b.getVersion() + ") refused: " + b.getSymbolicName() + " is the symbolic name of a bundle"
                        + " of the distribution, which no plugin may take; it is never started or used (give it a"
                        + " Bundle-SymbolicName of its own, or remove it)");
            }
        }
    }

    /**
     * Whether FileInstall is done with a plugin's bundle: started, or failed to start. A bundle that
     * cannot resolve stays INSTALLED; asking the framework to resolve it tells that case apart from
     * one FileInstall has not yet started, so an unresolvable jar costs no wait. A bundle with the
     * lazy activation policy rests in STARTING until a class of it is loaded.
     */
    private static boolean settled(Bundle b, FrameworkWiring wiring) {
        if (b == null) {
            return false;
        }
        if (b.getState() == Bundle.STARTING) {
            String policy = b.getHeaders().get(Constants.BUNDLE_ACTIVATIONPOLICY);
            return policy != null && policy.trim().startsWith(Constants.ACTIVATION_LAZY);
        }
        if (b.getState() == Bundle.INSTALLED) {
            return !wiring.resolveBundles(List.of(b));
        }
        return true;
    }

    private Bundle findByFileName(String fileName) {
        for (Bundle b : framework.getBundleContext().getBundles()) {
            String location = b.getLocation();
            if (location.endsWith("/" + fileName) || location.endsWith(java.io.File.separator + fileName)) {
                return b;
            }
        }
        return null;
    }

    /**
     * SIGINT and SIGTERM say what they do ({@link Signals}; in the shell, Ctrl-C cancels the runs in
     * progress and the shell stays up).
     */
    public static void handleSignals(boolean shell, java.util.function.IntSupplier cancelRuns) {
        Signals.install(shell, cancelRuns, System.err);
    }

    /** Cancels every run in progress through the engine's cancel service; returns how many there were. */
    int cancelRuns() {
        try {
            BundleContext context = framework.getBundleContext();
            int n = 0;
            for (var ref : context.getServiceReferences(java.util.function.IntSupplier.class, CANCEL_RUNS)) {
                java.util.function.IntSupplier cancel = context.getService(ref);
                if (cancel != null) {
                    try {
                        n += cancel.getAsInt();
                    } finally {
                        context.ungetService(ref);
                    }
                }
            }
            return n;
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return 0;
        }
    }

    /** Problems met while installing and starting the distribution's bundles. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The running framework, for tests and the shell. */
    public Framework framework() {
        return framework;
    }

    /**
     * Hands a command line to the engine. At a start that left bundles unstarted ({@link ProviderBundles}),
     * the command's output is held back: when the engine finds its input invalid (a provider it does not
     * find, perhaps in a bundle not started), the held output is dropped, every bundle is started and
     * the command asked again; otherwise the output is written as it came (standard error first).
     *
     * @return the engine's exit status
     */
    public int execute(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        if (!partial()) {
            return executeOnce(args, out, err);
        }
        try (HeldOutput held = new HeldOutput(out, err)) {
            int status = executeOnce(args, held.out(), held.err());
            if (status != INVALID) {
                held.show();
                return status;
            }
            held.drop();
        }
        Timing.mark("input invalid with " + (unstarted.size() + notInstalled.size())
                + " bundles unstarted: starting them and asking again");
        startUnstarted();
        return executeOnce(args, out, err);
    }

    /** The engine's status for invalid input. */
    static final int INVALID = 2;
    /** The system property that tells the engine, while it is {@code true}, that some of the distribution's bundles are unstarted. */
    static final String PARTIAL_START = "workbench.partialStart";

    /** Starts the bundles this start left unstarted (their providers register as they start). */
    void startUnstarted() {
        List<Bundle> rest = new ArrayList<>(unstarted);
        unstarted.clear();
        BundleContext context = framework.getBundleContext();
        for (Path jar : notInstalled) {
            try {
                rest.add(context.installBundle("reference:" + jar.toUri()));
            } catch (BundleException e) {
                problems.add("could not install " + jar.getFileName() + ": " + e.getMessage());
            }
        }
        notInstalled.clear();
        System.clearProperty(PARTIAL_START);
        framework.adapt(FrameworkWiring.class).resolveBundles(rest);
        for (Bundle b : rest) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                try {
                    b.start(Bundle.START_TRANSIENT);
                } catch (BundleException e) {
                    problems.add("bundle " + b.getSymbolicName() + " did not start: " + e.getMessage());
                }
            }
        }
    }

    /** Whether this start left some of the distribution's bundles unstarted. */
    boolean partial() {
        return !unstarted.isEmpty() || !notInstalled.isEmpty();
    }

    private int executeOnce(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Object service = workbench.waitForService(SERVICE_TIMEOUT_MS);
        Timing.mark("engine service available");
        if (service == null) {
            err.println("failed: the engine did not start within " + SERVICE_TIMEOUT_MS / 1000 + " s"
                    + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
            return 1;
        }
        try {
            Method execute = service.getClass().getMethod("execute", String[].class, PrintStream.class, PrintStream.class);
            Integer status = (Integer) execute.invoke(service, args, out, err);
            Timing.mark("command done; " + weaver.summary());
            return status;
        } catch (InvocationTargetException e) {
            err.println("failed: the engine threw " + e.getCause());
            StackTraceElement[] trace = e.getCause().getStackTrace();
            for (int i = 0; i < Math.min(8, trace.length); i++) {
                err.println("    at " + trace[i]);
            }
            return 1;
        } catch (ReflectiveOperationException e) {
            err.println("failed: the engine service has no usable execute method: " + e);
            return 1;
        }
    }

    /**
     * Blocks until the framework stops (the shell's {@code exit}, Ctrl-D or {@code stop 0}).
     *
     * @return the status given to the shell's {@code exit}, else 0
     */
    public int awaitStop() throws InterruptedException {
        framework.waitForStop(0);
        return exit == null ? 0 : exit.status();
    }

    /**
     * Uninstalls the bundles the engine installed on demand from the distribution (the cluster
     * executor, the web bundles), so that the reused bundle cache holds only what every start needs:
     * the framework reads every cached bundle's manifest when it starts, and Hazelcast's alone is 136 KB.
     */
    private void uninstallOnDemand() {
        BundleContext context = framework.getBundleContext();
        if (context == null) {
            // the shell's exit or Ctrl-D stopped the framework already: the cache keeps these
            // bundles until the next start stops cleanly
            return;
        }
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() != 0 && !distribution.contains(b.getBundleId()) && b.getLocation().startsWith("reference:")) {
                try {
                    b.uninstall();
                } catch (BundleException | IllegalStateException e) {
                    // stopping anyway; a bundle left in the cache is uninstalled at the next stop
                }
            }
        }
    }

    @Override
    public void close() throws BundleException, InterruptedException, IOException {
        if (partial()) {
            unstarted.clear();
            notInstalled.clear();
            System.clearProperty(PARTIAL_START);
        }
        try (FrameworkStorage cache = storage; PluginRefusals log = refusals) {
            workbench.close();
            uninstallOnDemand();
            framework.stop();
            if (framework.waitForStop(30_000).getType() == FrameworkEvent.STOPPED) {
                cache.stoppedCleanly();
            }
            Timing.mark("framework stopped");
        } finally {
            if (messages != null) {
                messages.close();
            }
        }
    }
}
