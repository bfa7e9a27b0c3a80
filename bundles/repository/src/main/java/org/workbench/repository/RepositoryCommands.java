package org.workbench.repository;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.workbench.api.Workbench;

import picocli.CommandLine;

/**
 * The repository's commands ({@code repo}, {@code search}, {@code install}, {@code update},
 * {@code uninstall}), which the engine hands over when one of them is asked for. Registered with
 * a low ranking and the property {@code workbench.commands=repository}, so that it is never
 * taken for the engine's own entry point.
 */
@Component(service = Workbench.class, property = { "workbench.commands=repository", "service.ranking:Integer=-1000" })
public final class RepositoryCommands implements Workbench {
    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    @Override
    public int execute(String[] args, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        Session session = new Session(context, o, e);
        CommandLine cli = new CommandLine(new Root());
        Map<String, Supplier<CommandLine>> subcommands = subcommands(session);
        String asked = args.length > 0 ? args[0] : "";
        for (Map.Entry<String, Supplier<CommandLine>> sub : subcommands.entrySet()) {
            // only the command asked for: picocli reads every command's annotations when it is added,
            // which a cold JVM pays for (the others are added for help and for suggestions on a typo)
            if (!subcommands.containsKey(asked) || sub.getKey().equals(asked)) {
                cli.addSubcommand(sub.getKey(), sub.getValue().get());
            }
        }
        cli.setOut(o);
        cli.setErr(e);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> failure(ex, e));
        cli.setParameterExceptionHandler((ex, a) -> {
            e.println("error: " + ex.getMessage());
            e.println("see: ./workbench " + ex.getCommandLine().getCommandSpec().qualifiedName(" ")
                    .replaceFirst("^workbench ?", "") + " --help");
            return INVALID;
        });
        int status = cli.execute(args);
        o.flush();
        e.flush();
        return status;
    }

    /** Each command by name, made when asked for. */
    private static Map<String, Supplier<CommandLine>> subcommands(Session session) {
        Map<String, Supplier<CommandLine>> all = new LinkedHashMap<>();
        all.put("repo", () -> new CommandLine(new RepoCommand(session)).addSubcommand(new RepoCommand.Index(session))
                .addSubcommand(new RepoCommand.Add(session)).addSubcommand(new RepoCommand.ListRepositories(session))
                .addSubcommand(new RepoCommand.Remove(session)));
        all.put("search", () -> new CommandLine(new SearchCommand(session)));
        all.put("install", () -> new CommandLine(new InstallCommand(session)));
        all.put("update", () -> new CommandLine(new UpdateCommand(session)));
        all.put("uninstall", () -> new CommandLine(new UninstallCommand(session)));
        all.put("hint", () -> new CommandLine(new HintCommand(session)));
        all.put("fetch-pinned", () -> new CommandLine(new FetchPinnedCommand(session)));
        return all;
    }

    static int failure(Exception ex, PrintWriter err) {
        if (ex instanceof InvalidRequest) {
            err.println("error: " + ex.getMessage());
            return INVALID;
        }
        if (ex instanceof IOException) {
            err.println("failed: " + ex.getMessage());
            return FAILED;
        }
        err.println("failed: " + ex);
        return FAILED;
    }

    @CommandLine.Command(name = "workbench", mixinStandardHelpOptions = true)
    static final class Root implements Runnable {
        @Override
        public void run() {
            // only the subcommands do anything
        }
    }
}
