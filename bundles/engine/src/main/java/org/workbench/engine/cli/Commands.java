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
import org.workbench.engine.catalog.RepositoryBridge;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.Suggestions;
import org.workbench.engine.input.TerminalText;
import org.workbench.engine.run.ActiveRuns;
import org.workbench.engine.catalog.BundleJars;
import org.workbench.engine.run.PhaseTiming;
import org.workbench.engine.output.PlotRenderer;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Executes one command line with picocli against the providers available now. Every command is one
 * small class, registered by one entry of {@link #COMMANDS}; an option several commands share
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
    private final RepositoryBridge repository;

    /**
     * @param context the dependencies of every command; its streams are replaced by those of each
     *                {@link #execute} call
     * @param server  what {@code serve} starts, or {@code null} where there is no web workbench
     */
    public Commands(CommandContext context, Server server) {
        this(context, server, null);
    }

    /**
     * @param repository runs the plugin repository's commands ({@link RepositoryBridge#COMMANDS}), or
     *                   {@code null} where there is none
     */
    public Commands(CommandContext context, Server server, RepositoryBridge repository) {
        this.context = context;
        this.server = server;
        this.repository = repository;
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
        if (repository != null && args.length > 0 && RepositoryBridge.COMMANDS.contains(args[0])) {
            return repository.execute(args, out, err);
        }
        CommandLine cli = commandLine(context.withStreams(out, err), args);
        PhaseTiming.mark("command line built");
        int status = cli.execute(executorAliases(cli, args));
        cli.getOut().flush();
        cli.getErr().flush();
        return status;
    }

    /**
     * The command tree for one command line, from {@link #COMMANDS}. Only the command
     * named first is registered when there is one (picocli reads every registered command's
     * annotations, options and mixins by reflection, which a cold JVM pays about 0.1-0.3 s for
     * across the whole tree); the root's usage, {@code help} and {@code completion} get them all.
     */
    private CommandLine commandLine(CommandContext c, String[] args) {
        CommandLine cli = new CommandLine(new WorkbenchCommand(c), new CommandFactory(c));
        String first = args.length == 0 ? null : args[0];
        boolean one = first != null && !WHOLE_TREE.contains(first);
        for (Class<?> type : COMMANDS) {
            if (type == ServeCommand.class && server == null) {
                continue;
            }
            if (!one || first.equals(type.getAnnotation(CommandLine.Command.class).name())) {
                cli.addSubcommand(make(type, c));
            }
        }
        if (one && cli.getSubcommands().isEmpty()) {
            // not a command's name: the whole tree, for picocli's message and suggestions
            return commandLine(c, new String[0]);
        }
        return configure(cli, c);
    }

    /**
     * The commands in the order of the root's usage, by class: a command is made ({@link #make}) only
     * when it is registered. Classes rather than a supplier per command, since each lambda is spun
     * into a class of its own at every start, which the class-data archive does not keep for a bundle.
     */
    private static final List<Class<?>> COMMANDS = List.of(RunCommand.class, ValidateCommand.class,
            ListCommand.class, DescribeCommand.class, SchemaCommand.class, ReportCommand.class, RunsCommand.class,
            TagCommand.class, UntagCommand.class, NoteCommand.class, HandinCommand.class, EvaluateCommand.class,
            AllCommand.class, WorkerCommand.class, KernelsCommand.class, ServeCommand.class, ShellCommand.class,
            NewPluginCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class);

    /**
     * One command of {@link #COMMANDS}, made for this command line: by its constructor that takes the
     * commands' context, else its constructor without parameters ({@code serve} also takes the server).
     * A constructor called by reflection spins no class, as a lambda per command would.
     */
    private Object make(Class<?> type, CommandContext c) {
        if (type == ServeCommand.class) {
            return new ServeCommand(c, server);
        }
        try {
            for (java.lang.reflect.Constructor<?> k : type.getDeclaredConstructors()) {
                if (k.getParameterCount() == 1 && k.getParameterTypes()[0] == CommandContext.class) {
                    return k.newInstance(c);
                }
            }
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the command " + type.getName() + " has no constructor of ("
                    + CommandContext.class.getSimpleName() + ") or of no parameters", e);
        }
    }

    /**
     * {@code args} with the short options that executors declare ({@code --join ...}) rewritten to
     * {@code --with KEY=VALUE}, for a command that takes executor parameters ({@link ExecutorAliases}).
     */
    private String[] executorAliases(CommandLine cli, String[] args) {
        CommandLine command = args.length == 0 ? null : cli.getSubcommands().get(args[0]);
        if (command == null || command.getCommandSpec().findOption(ExecutorAliases.WITH) == null) {
            return args;
        }
        Map<String, Boolean> known = new java.util.HashMap<>();
        for (CommandLine.Model.OptionSpec o : command.getCommandSpec().options()) {
            for (String name : o.names()) {
                known.put(name, o.arity().max() > 0);
            }
        }
        String[] rest = ExecutorAliases.rewrite(java.util.Arrays.copyOfRange(args, 1, args.length), known,
                new ExecutorOptions(context)::declared);
        String[] out = new String[rest.length + 1];
        out[0] = args[0];
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    /** The commands that need every other command registered: they print or complete the whole tree. */
    private static final java.util.Set<String> WHOLE_TREE = java.util.Set.of("help", "completion");

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
        if (e instanceof org.workbench.engine.catalog.ActivationTimeout) {
            err.println("failed: " + TerminalText.safe(e.getMessage()));
            return Workbench.FAILED;
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
