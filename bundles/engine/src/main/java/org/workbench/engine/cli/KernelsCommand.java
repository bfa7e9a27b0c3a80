package org.workbench.engine.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.workbench.api.Workbench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kernels [--measure [--threads N]] [--reset] [--json]}: the float kernels the vector backend measured and chose on this machine. */
@Command(name = "kernels", header = "Measure, show or reset the float kernels the vector backend chose on this machine.",
        description = "The vector backend runs, for each shape class of product, the kernel (vector width, register tile, "
                + "threads) of the set of plans chosen for this machine, remembered per CPU model, JDK and thread count in "
                + "kernels.json of the workbench's cache folder ($WORKBENCH_CACHE, else $XDG_CACHE_HOME/workbench, else "
                + "~/.cache/workbench). Until --measure has chosen one, it runs the built-in kernel. --measure times each "
                + "candidate alone on problem 4's shape classes and every class a run needed, then whole sets of plans (the "
                + "built-in set among them) on problem 4's products in training order, counting each distinct kernel's JIT "
                + "compile, and keeps the built-in set unless another's run is faster by 5%% (about a minute, once per machine, JDK and thread count). "
                + "WORKBENCH_KERNEL=<plan> pins every product to one kernel, =fallback to the built-in one, =measure times "
                + "each class's candidates alone within the run and runs the fastest.")
final class KernelsCommand implements Callable<Integer> {
    /** The vector backend's package this command reads; wired only where the backend resolved (it needs Java's SIMD module). */
    static final String CACHE_CLASS = "org.workbench.backend.vector.cache.KernelCache";

    private final CommandContext context;

    @Option(names = "--measure", description = "Time the candidate kernels and sets of plans on this machine now and remember the set a run uses.")
    boolean measure;

    @Option(names = "--threads", paramLabel = "N", description = "With --measure: the backend's thread count to measure for "
            + "(default: every core, as the vector backend's threads=0).")
    int threads;

    @Option(names = "--reset", description = "Forget every choice: runs use the built-in kernel until measured again.")
    boolean reset;

    @Option(names = "--json", description = "Print the cache file's content as JSON.")
    boolean json;

    KernelsCommand(CommandContext context) {
        this.context = context;
    }

    /*
     * No field or method of this class names a type of the vector backend: picocli reads every declared
     * method of a command by reflection, which would fail (NoClassDefFoundError) for every command line,
     * help included, on a JVM where the backend did not resolve. KernelChoices does the work.
     */
    @Override
    public Integer call() throws IOException {
        if (!backendPresent()) {
            context.err().println("error: kernels: the vector backend is not available in this JVM: it needs Java's SIMD module "
                    + "(jdk.incubator.vector). Start the workbench with ./workbench, which adds it, or give java "
                    + "--add-modules jdk.incubator.vector");
            return Workbench.FAILED;
        }
        if (measure && threads < 0) {
            context.err().println("error: kernels --threads: " + threads + " is negative; give the backend's thread count"
                    + " (1 or more), or 0 for every core");
            return Workbench.INVALID;
        }
        return KernelChoices.run(context.out(), context.err(), measure, threads, reset, json);
    }

    /** Whether the engine's class loader reaches the vector backend's cache (its optional import was wired). */
    private boolean backendPresent() {
        try {
            Class.forName(CACHE_CLASS, false, KernelsCommand.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
