package org.workbench.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.workbench.engine.input.InvalidInputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve [--port N] [--out DIR] [--experiments DIR]}: the local web workbench. */
@Command(name = "serve", header = "Serve the web workbench on 127.0.0.1 (the runtime kept up).",
        description = "Serve the homework's answers, runs, live training curves, run comparison, plugins and MCMC "
                + "plots on http://127.0.0.1:PORT/, loopback only, until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    /** The port used when none is given. */
    static final int DEFAULT_PORT = 8391;
    private final CommandContext context;
    private final Server server;

    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1, 0 for any free one "
            + "(default: ${DEFAULT-VALUE}).")
    int port = DEFAULT_PORT;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results");

    @Option(names = "--experiments", paramLabel = "DIR", description = "The descriptors' folder with their answers "
            + "(default: ${DEFAULT-VALUE}).")
    Path experiments = Path.of("experiments");

    ServeCommand(CommandContext context, Server server) {
        this.context = context;
        this.server = server;
    }

    @Override
    public Integer call() throws InvalidInputException {
        if (port < 0 || port > 65535) {
            throw new InvalidInputException(null, null, "--port needs a whole number from 0 to 65535, got " + port);
        }
        if (out.toString().isBlank()) {
            throw new InvalidInputException(null, null, "--out needs a folder, got an empty value (the default is results)");
        }
        context.wholeCatalogue();
        return server.serve(port, out, experiments, context.out(), context.err());
    }
}
