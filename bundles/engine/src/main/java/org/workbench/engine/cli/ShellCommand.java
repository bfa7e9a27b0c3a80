package org.workbench.engine.cli;

import java.util.concurrent.Callable;

import org.workbench.engine.input.InvalidInputException;

import picocli.CommandLine.Command;

/**
 * {@code shell}: the launcher starts the Gogo shell itself before the engine sees the command line;
 * this class gives the command its help text and refuses it where no launcher intervenes.
 */
@Command(name = "shell", header = "The interactive Gogo shell, the runtime kept up (hot swaps).",
        description = { "The interactive Gogo shell (JLine: history, completion) with the runtime "
        + "kept up: wb:run, wb:validate, wb:list, wb:describe, wb:report, wb:help, and Gogo's lb, install, update, "
        + "uninstall. Drop plugins into the watched folder while it runs. Leave with exit (or Ctrl-D)." })
final class ShellCommand implements Callable<Integer> {
    @Override
    public Integer call() throws InvalidInputException {
        throw new InvalidInputException(null, null,
                "the shell is started by the launcher: ./workbench shell (inside it, use wb:run, wb:list, ...)");
    }
}
