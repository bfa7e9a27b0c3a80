package org.workbench.runtime;

import java.io.PrintStream;
import java.util.function.IntSupplier;

import sun.misc.Signal;

/**
 * What SIGINT (Ctrl-C), SIGTERM and SIGHUP (the terminal closed) do, said on the terminal. For a command, each signal
 * cancels the run in progress (its writers stop; the engine's shutdown hook then removes its
 * unfinished folder, or keeps it when it holds finished points for {@code --resume}) and exits with
 * 128 + the signal's number. In the shell, Ctrl-C cancels the runs
 * in progress and the shell stays up; SIGTERM and SIGHUP end it like a command. The engine then prints
 * where finished work is kept and the {@code --resume} command that finishes it.
 */
final class Signals {
    private Signals() {
    }

    /**
     * @param shell      whether the shell is running (Ctrl-C cancels runs instead of exiting)
     * @param cancelRuns cancels every run in progress and returns how many there were
     */
    static void install(boolean shell, IntSupplier cancelRuns, PrintStream err) {
        handle("TERM", 15, false, cancelRuns, err);
        handle("HUP", 1, false, cancelRuns, err);
        handle("INT", 2, shell, cancelRuns, err);
    }

    private static void handle(String name, int number, boolean stayUp, IntSupplier cancelRuns, PrintStream err) {
        try {
            Signal.handle(new Signal(name), s -> {
                if (stayUp) {
                    int n = cancelRuns.getAsInt();
                    err.println(n == 0 ? "workbench: Ctrl-C: no run in progress (stop 0 leaves the shell)"
                            : "workbench: Ctrl-C: cancelling " + n + " run" + (n == 1 ? "" : "s")
                                    + "; the shell stays up (stop 0 leaves it)");
                    return;
                }
                int n = cancelRuns.getAsInt();
                err.println("workbench: stopped by SIG" + name + (n == 0 ? " (no run was in progress)"
                        : ": the run in progress is cancelled; after its threads stop, its unfinished folder is "
                                + "removed, or kept when it holds finished points for --resume; no result is published"));
                err.flush();
                System.exit(128 + number);
            });
        } catch (IllegalArgumentException unsupported) {
            // the platform has no such signal, or the JVM reserves it (-Xrs): keep the default
        }
    }
}
