package org.workbench.engine.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.VersionRange;
import org.workbench.api.Workbench;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.catalog.RepositoryBridge;
import org.workbench.engine.input.InvalidInputException;

/**
 * Providers a descriptor names that are not installed, as the plugin repository can offer them:
 * the exact {@code install} command after the error ({@code validate}, {@code run}), or installed
 * before the run ({@code run --install-missing}). Asks the repository only when a settings file
 * configures repositories, so that nothing is started otherwise.
 */
final class MissingProviders {
    private static final Pattern NO_NAME = Pattern.compile("(?m)^(?:error: )?(?:(.+?): (\\$[^ ]*)\\.use: )?no (\\S+) named '([^']+)'");
    private static final Pattern NO_VERSION = Pattern.compile("no version of (\\S+) '([^']+)' lies in (\\S+);");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final RepositoryBridge repository;
    private final ProviderSource providers;

    private MissingProviders(RepositoryBridge repository, ProviderSource providers) {
        this.repository = repository;
        this.providers = providers;
    }

    /** For the commands' context; {@code null} outside a framework or when no repository is configured. */
    static MissingProviders of(CommandContext context) {
        Bundle bundle = FrameworkUtil.getBundle(MissingProviders.class);
        if (bundle == null || bundle.getBundleContext() == null) {
            return null;
        }
        var bundleContext = bundle.getBundleContext();
        String settings = bundleContext.getProperty("workbench.settings");
        String plugins = bundleContext.getProperty("workbench.plugins");
        Path file = settings != null ? Path.of(settings) : plugins == null ? null
                : Path.of(plugins).toAbsolutePath().normalize().getParent().resolve("workbench-settings.json");
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        return new MissingProviders(new RepositoryBridge(bundleContext), context.providers());
    }

    /** {@code KIND/NAME[@RANGE]} of every provider the faults say is not installed. */
    static List<String> named(String report) {
        Set<String> specs = new LinkedHashSet<>();
        Matcher name = NO_NAME.matcher(report);
        while (name.find()) {
            String range = name.group(1) == null ? null : DescriptorVersions.at(Path.of(name.group(1)), name.group(2));
            specs.add(name.group(3) + "/" + name.group(4) + (range == null ? "" : "@" + range));
        }
        if (specs.isEmpty()) {
            Matcher anywhere = Pattern.compile("no (\\S+) named '([^']+)'").matcher(report);
            while (anywhere.find()) {
                specs.add(anywhere.group(1) + "/" + anywhere.group(2));
            }
        }
        Matcher version = NO_VERSION.matcher(report);
        while (version.find()) {
            specs.add(version.group(1) + "/" + version.group(2) + "@" + version.group(3));
        }
        return new ArrayList<>(specs);
    }

    /** Prints, after a report of invalid input, the install command of each missing provider a repository offers. */
    void hint(String report, PrintStream out, PrintStream err) {
        List<String> specs = named(report);
        if (!specs.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("hint"));
            args.addAll(specs);
            repository.execute(args.toArray(String[]::new), out, err);
        }
    }

    /**
     * Installs the missing providers the faults name and waits until they are registered.
     *
     * @return the install's status ({@link Workbench#OK} when there was nothing to install)
     */
    int install(InvalidInputException fault, PrintStream out, PrintStream err) throws InterruptedException {
        List<String> specs = named(fault.report());
        if (specs.isEmpty()) {
            return Workbench.OK;
        }
        List<String> args = new ArrayList<>(List.of("install"));
        args.addAll(specs);
        int status = repository.execute(args.toArray(String[]::new), out, err);
        if (status != Workbench.OK) {
            return status;
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!specs.stream().allMatch(this::registered)) {
            if (System.nanoTime() > deadline) {
                err.println("failed: installed " + String.join(", ", specs) + " but not registered within "
                        + WAIT.toSeconds() + " s (./workbench list says why)");
                return Workbench.FAILED;
            }
            Thread.sleep(20);
        }
        return Workbench.OK;
    }

    private boolean registered(String spec) {
        String[] kn = (spec.contains("@") ? spec.substring(0, spec.indexOf('@')) : spec).split("/", 2);
        VersionRange range = spec.contains("@") ? VersionRange.valueOf(spec.substring(spec.indexOf('@') + 1)) : null;
        return providers.entries().stream().anyMatch(e -> e.kind().equals(kn[0]) && e.name().equals(kn[1])
                && (range == null || range.includes(e.version())));
    }
}
