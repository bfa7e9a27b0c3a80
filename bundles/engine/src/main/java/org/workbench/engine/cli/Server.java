package org.workbench.engine.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/** What {@code serve} starts: the web workbench, which only a framework-backed engine has. */
@FunctionalInterface
public interface Server {
    /**
     * Serves until the runtime stops.
     *
     * @return the exit status ({@code 2} when the port is in use)
     */
    int serve(int port, Path results, Path experiments, PrintStream out, PrintStream err);
}
