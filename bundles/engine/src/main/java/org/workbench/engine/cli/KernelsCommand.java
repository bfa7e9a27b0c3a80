package org.workbench.engine.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.workbench.api.Workbench;
import org.workbench.backend.vector.cache.KernelCache;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kernels [--reset] [--json]}: the float kernels the vector backend measured and chose on this machine. */
@Command(name = "kernels", header = "Show or reset the float kernels the vector backend chose by measuring.",
        description = "The vector backend times its candidate kernels (vector width, register tile, threads) the first "
                + "time a run needs a product of a new shape, and remembers the fastest per CPU model, JDK and shape "
                + "class in kernels.json of the workbench's cache folder ($WORKBENCH_CACHE, else $XDG_CACHE_HOME/workbench, "
                + "else ~/.cache/workbench). "
                + "WORKBENCH_KERNEL=<plan> pins every product to one kernel, =fallback to the built-in one.")
final class KernelsCommand implements Callable<Integer> {
    private final CommandContext context;

    @Option(names = "--reset", description = "Forget every choice: the next run measures again.")
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
        } else {
            context.out().print(json ? cache.json() + "\n" : cache.text());
        }
        return Workbench.OK;
    }
}
