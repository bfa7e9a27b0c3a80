package org.workbench.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.workbench.api.Workbench;
import org.workbench.backend.vector.cache.KernelCache;

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

    @Override
    public Integer call() throws IOException {
        KernelCache cache = new KernelCache(KernelCache.defaultFile(), context.err());
        if (reset) {
            context.out().println((cache.reset() ? "removed " : "no kernel choices to remove at ") + cache.file());
            if (!measure) {
                return Workbench.OK;
            }
        }
        if (measure) {
            if (threads < 0) {
                context.err().println("error: kernels --threads: " + threads + " is negative; give the backend's thread count"
                        + " (1 or more), or 0 for every core");
                return Workbench.INVALID;
            }
            return measure(cache, threads, context.out(), context.err()) ? Workbench.OK : Workbench.FAILED;
        }
        context.out().print(json ? cache.json() + "\n" : cache.text());
        return Workbench.OK;
    }

    /** Times the candidates for a backend of {@code threads} threads (0: every core) into {@code cache}; false (said on {@code err}) when it cannot. */
    static boolean measure(KernelCache cache, int threads, PrintStream out, PrintStream err) {
        int n = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        out.println("measuring the vector backend's kernels for " + n + (n == 1 ? " thread" : " threads")
                + " on this machine (the JIT compiles each candidate first: seconds)...");
        long t0 = System.nanoTime();
        try {
            int classes = cache.measure(n, out);
            out.printf(java.util.Locale.ROOT, "measured %d shape classes in %.1f s; remembered in %s%n", classes,
                    (System.nanoTime() - t0) / 1e9, cache.file());
            return true;
        } catch (IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return false;
        }
    }
}
