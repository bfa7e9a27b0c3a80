package org.workbench.api;

import java.io.PrintStream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The engine's command entry point, registered as a service. The runtime's {@code main} and the
 * Gogo shell hand it their command lines. Only JDK types in the signature, so that a launcher can
 * call it without sharing the API's class loader.
 */
@ProviderType
public interface Workbench {
    /** Exit status: the command completed. */
    int OK = 0;
    /** Exit status: the run failed; nothing was written. */
    int FAILED = 1;
    /** Exit status: the descriptor or command line is invalid; nothing was written. */
    int INVALID = 2;

    /**
     * Executes one command such as {@code run FILE --set prior.with.variance=9}.
     *
     * @return {@link #OK}, {@link #FAILED} or {@link #INVALID}
     */
    int execute(String[] args, PrintStream out, PrintStream err);
}
