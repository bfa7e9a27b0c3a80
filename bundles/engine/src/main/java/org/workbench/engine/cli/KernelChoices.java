package org.workbench.engine.cli;

import java.io.IOException;
import java.io.PrintStream;

import org.workbench.api.Workbench;
import org.workbench.backend.vector.cache.KernelCache;

/**
 * What {@code kernels} does with the vector backend's cache of kernel choices: show, reset or measure.
 * Loaded only when the backend is there ({@link KernelsCommand} checks first), so the command tree
 * itself never names the backend's types.
 */
final class KernelChoices {
    private KernelChoices() {
    }

    /** Shows, resets and/or measures (for {@code threads} threads, 0: every core); the command's exit status. */
    static int run(PrintStream out, PrintStream err, boolean measure, int threads, boolean reset, boolean json) throws IOException {
        KernelCache cache = new KernelCache(KernelCache.defaultFile(), err);
        if (reset) {
            out.println((cache.reset() ? "removed " : "no kernel choices to remove at ") + cache.file());
            if (!measure) {
                return Workbench.OK;
            }
        }
        if (measure) {
            return measure(cache, threads, out, err) ? Workbench.OK : Workbench.FAILED;
        }
        out.print(json ? cache.json() + "\n" : cache.text());
        return Workbench.OK;
    }

    /** Times the candidates for a backend of {@code threads} threads (0: every core) into {@code cache}; false (said on {@code err}) when it cannot. */
    private static boolean measure(KernelCache cache, int threads, PrintStream out, PrintStream err) {
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
