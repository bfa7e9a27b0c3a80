package org.workbench.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.workbench.api.Workbench;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.Suggestions;
import org.workbench.engine.input.TerminalText;
import org.workbench.engine.run.ActiveRuns;
import org.workbench.engine.run.BundleJars;
import org.workbench.engine.run.PlotRenderer;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Executes one command line with picocli against the providers available now. Every command is one
 * small class, registered by one line in {@link #commandLine}; an option several commands share
 * is a field of a mixin ({@link RunOptions}, {@link DescriptorOptions}).
 *
 * <p>Exit status: 0 done; 2 invalid input (a usage error from picocli, or an
 * {@link InvalidInputException} from a command: one line naming the file and JSON path); 1 the run
 * failed (an {@link IOException} or anything else a command throws). The path of each
 * {@code result.json} written is printed on standard output, the last line being the last one.
 */
public final class Commands {
    private final CommandContext context;
    private final Server server;

    /**
     * @param context the dependencies of every command; its streams are replaced by those of each
     *                {@link #execute} call
     * @param server  what {@code serve} starts, or {@code null} where there is no web workbench
     */
    public Commands(CommandContext context, Server server) {
        this.context = context;
        this.server = server;
    }

    /** Commands outside a framework (tests, embedding): versions unknown, runs of their own, no bundle jars. */
    public Commands(ProviderSource providers, PlotRenderer renderer, Map<String, String> environment, boolean terminal,
            Supplier<List<String>> plugins) {
        this(new CommandContext(providers, renderer, environment, new Versions("unknown", "unknown", "none"), terminal,
                plugins, new ActiveRuns(), BundleJars.NONE, System.out, System.err), null);
    }

    /** The runs in progress, to cancel them all (Ctrl-C in the shell). */
    public ActiveRuns activeRuns() {
        return context.activeRuns();
    }

    public int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = commandLine(context.withStreams(out, err));
        int status = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return status;
    }

    /** The whole command tree for one command line: one registration line per command. */
    private CommandLine commandLine(CommandContext c) {
        CommandLine cli = new CommandLine(new WorkbenchCommand(c), new CommandFactory(c));
        cli.addSubcommand(new RunCommand(c));
        cli.addSubcommand(new ValidateCommand(c));
        cli.addSubcommand(new ListCommand(c));
        cli.addSubcommand(new DescribeCommand(c));
        cli.addSubcommand(new SchemaCommand(c));
        cli.addSubcommand(new ReportCommand(c));
        cli.addSubcommand(new AllCommand(c));
        cli.addSubcommand(new WorkerCommand(c));
        if (server != null) {
            cli.addSubcommand(new ServeCommand(c, server));
        }
        cli.addSubcommand(new ShellCommand());
        cli.addSubcommand(new NewPluginCommand(c));
        cli.addSubcommand(new CompletionCommand(c));
        cli.addSubcommand(new CommandLine.HelpCommand());
        return configure(cli, c);
    }

    private static CommandLine configure(CommandLine cli, CommandContext c) {
        cli.setOut(writer(c.out()));
        cli.setErr(writer(c.err()));
        cli.setUsageHelpWidth(100);
        cli.setExecutionExceptionHandler((e, line, parsed) -> failure(e, line));
        cli.setParameterExceptionHandler(Commands::usageError);
        cli.getCommandSpec().versionProvider(c.versions());
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(c.versions()));
        return cli;
    }

    /** A writer onto the stream that leaves the encoding to the stream (whatever the caller chose). */
    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) {
                stream.print(new String(buffer, offset, length));
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush();
            }
        }, true);
    }

    private static int failure(Exception e, CommandLine line) {
        PrintWriter err = line.getErr();
        if (e instanceof InvalidInputException invalid) {
            err.println("error: " + invalid.report());
            return Workbench.INVALID;
        }
        if (e instanceof IOException) {
            err.println("failed: " + TerminalText.safe(String.valueOf(e)));
            return Workbench.FAILED;
        }
        err.println("failed: " + TerminalText.safe(String.valueOf(e)));
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < Math.min(8, trace.length); i++) {
            err.println("    at " + trace[i]);
        }
        return Workbench.FAILED;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        if (e instanceof UnmatchedArgumentException u && line.getParent() == null && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            String word = u.getUnmatched().get(0);
            List<String> commands = List.copyOf(line.getSubcommands().keySet());
            err.println(TerminalText.safe("error: unknown command '" + word + "'" + Suggestions.didYouMean(word, commands)
                    + "; commands: " + String.join(", ", commands)));
        } else {
            err.println("error: " + TerminalText.safe(e.getMessage()));
            StringWriter suggestions = new StringWriter();
            UnmatchedArgumentException.printSuggestions(e, new PrintWriter(suggestions));
            err.print(TerminalText.safe(suggestions.toString()));
        }
        String name = line.getCommandSpec().qualifiedName(" ").replaceFirst("^workbench", "./workbench");
        err.println("see: " + name + " --help");
        return Workbench.INVALID;
    }
}
