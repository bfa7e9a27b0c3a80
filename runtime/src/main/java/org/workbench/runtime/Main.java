package org.workbench.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar workbench.jar COMMAND [ARGS]}: starts the runtime, runs one command through the
 * engine and exits with its status; {@code shell} keeps the runtime up with the Gogo shell, where
 * bundles can be installed, updated and swapped while it runs.
 *
 * <p>Options read here (before the engine sees the rest): {@code --home DIR} (the distribution,
 * default: the folder of this jar) and {@code --plugins DIR} (the watched folder, default
 * {@code plugins}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path home = defaultHome();
        Path plugins = Path.of("plugins");
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--home") && i + 1 < args.length) {
                home = Path.of(args[++i]);
            } else if (args[i].equals("--plugins") && i + 1 < args.length) {
                plugins = Path.of(args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        if (VersionText.asked(rest)) {
            // the versions alone: from the distribution's files, without starting the framework
            java.util.Optional<List<String>> versions = VersionText.of(home);
            if (versions.isPresent()) {
                versions.get().forEach(System.out::println);
                System.out.flush();
                return;
            }
        }
        boolean shell = !rest.isEmpty() && rest.get(0).equals("shell")
                && !(rest.contains("--help") || rest.contains("-h") || rest.contains("--version") || rest.contains("-V"));
        boolean warmUp = !rest.isEmpty() && rest.get(0).equals("run") && Boolean.getBoolean(GraphicsWarmUp.PROPERTY)
                && !System.getenv().containsKey("WORKBENCH_NO_WARM_UP");
        if (warmUp) {
            GraphicsWarmUp.start();
        }
        int status;
        java.util.concurrent.atomic.AtomicReference<Launcher> started = new java.util.concurrent.atomic.AtomicReference<>();
        Launcher.handleSignals(shell, () -> started.get() == null ? 0 : started.get().cancelRuns());
        ParentWatch.install(() -> started.get() == null ? 0 : started.get().cancelRuns(), System.err);
        try (Launcher launcher = Launcher.start(home, plugins, shell, warmUp)) {
            started.set(launcher);
            launcher.problems().forEach(p -> System.err.println("warning: " + p));
            if (shell) {
                System.out.println("Workbench shell: wb:help, wb:list, wb:run FILE, wb:describe KIND/NAME, lb (bundles); "
                        + "Tab completes, Up recalls, exit (or Ctrl-D) leaves.\nPlugins folder: " + plugins.toAbsolutePath());
                status = launcher.awaitStop();
            } else {
                status = launcher.execute(rest.toArray(String[]::new), System.out, System.err);
            }
        }
        System.out.flush();
        System.exit(status);
    }

    private static Path defaultHome() throws Exception {
        String property = System.getProperty("workbench.home");
        if (property != null) {
            return Path.of(property);
        }
        Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.isDirectory(jar) ? jar : jar.getParent();
    }
}
