package org.workbench.runtime;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.osgi.framework.BundleContext;

/**
 * How to start another JVM of this runtime, for {@code run --isolate}: the same {@code java}, the
 * same JVM options (memory, garbage collector, SIMD module, class-data archive), the same
 * distribution and plugins folder, and this process's id in {@value #PARENT}, which makes the child
 * end when this process does ({@link ParentWatch}). Offered to the engine as a
 * {@code Function<List<String>, List<String>>} (command arguments to a whole command line), a JDK
 * type, so that the launcher and the bundles share no class.
 */
final class ChildRuntime implements Function<List<String>, List<String>> {
    /** The service property that marks this service. */
    static final String PROPERTY = "workbench.service";
    static final String VALUE = "child-runtime";
    /** The system property that tells a child the process id of the workbench that started it. */
    static final String PARENT = "workbench.parent";
    /** JVM options a child must not repeat: they write files of their own or wait for a debugger. */
    private static final List<String> NOT_REPEATED = List.of("-XX:ArchiveClassesAtExit", "-agentlib:", "-javaagent:",
            "-D" + PARENT + "=", "-XX:+AutoCreateSharedArchive");

    private final Path home;
    private final Path plugins;
    private volatile List<String> prefix;

    private ChildRuntime(Path home, Path plugins) {
        this.home = home.toAbsolutePath().normalize();
        this.plugins = plugins.toAbsolutePath().normalize();
    }

    /** Registers the service with the framework's registry; nothing is computed before a child is asked for. */
    static void register(BundleContext context, Path home, Path plugins) {
        context.registerService(Function.class, new ChildRuntime(home, plugins), new Hashtable<>(Map.of(PROPERTY, VALUE)));
    }

    /** The command line up to the command's arguments. */
    private List<String> prefix() {
        List<String> p = prefix;
        if (p == null) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (NOT_REPEATED.stream().noneMatch(option::startsWith)) {
                    command.add(option);
                }
            }
            command.add("-D" + PARENT + "=" + ProcessHandle.current().pid());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "--home", home.toString(), "--plugins", plugins.toString()));
            p = List.copyOf(command);
            prefix = p;
        }
        return p;
    }

    @Override
    public List<String> apply(List<String> arguments) {
        List<String> command = new ArrayList<>(prefix());
        command.addAll(arguments);
        return command;
    }
}
