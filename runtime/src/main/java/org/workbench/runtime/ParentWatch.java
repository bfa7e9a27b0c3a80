package org.workbench.runtime;

import java.io.PrintStream;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * In a child JVM started for {@code run --isolate}: when the workbench that started it ends (even by
 * kill -9), the child cancels its run, which removes its unfinished folder or keeps the finished
 * points for {@code --resume}, and exits; an isolated run never outlives the command that asked for it.
 */
final class ParentWatch {
    private ParentWatch() {
    }

    /** Watches the parent named by {@link ChildRuntime#PARENT}, if any. */
    static void install(IntSupplier cancelRuns, PrintStream err) {
        String property = System.getProperty(ChildRuntime.PARENT);
        if (property == null) {
            return;
        }
        Optional<ProcessHandle> parent;
        try {
            parent = ProcessHandle.of(Long.parseLong(property));
        } catch (NumberFormatException e) {
            return;
        }
        if (parent.isEmpty()) {
            end(property, cancelRuns, err);
            return;
        }
        parent.get().onExit().thenRun(() -> end(property, cancelRuns, err));
    }

    private static void end(String pid, IntSupplier cancelRuns, PrintStream err) {
        int n = cancelRuns.getAsInt();
        err.println("workbench: the workbench that started this isolated run (pid " + pid + ") has ended"
                + (n == 0 ? "" : ": the run is cancelled"));
        err.flush();
        System.exit(1);
    }
}
