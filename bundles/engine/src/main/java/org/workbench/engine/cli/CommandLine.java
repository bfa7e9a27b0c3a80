package org.workbench.engine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.Suggestions;

/**
 * A parsed command line: {@code COMMAND [ARG...] [--out DIR] [--set PATH=VALUE]... [--threads N]
 * [--experiments DIR] [--quiet]}.
 *
 * @param command     the command
 * @param arguments   positional arguments (files, KIND/NAME)
 * @param out         the results folder
 * @param overrides   {@code --set} overrides, in order
 * @param threads     threads for sweep points
 * @param experiments the experiments folder for {@code all}
 * @param quiet       no progress output
 * @param limits      {@code --timeout} and {@code --max-points}
 * @param cluster     executor, worker and resume options
 */
public record CommandLine(String command, List<String> arguments, Path out, List<String> overrides, int threads,
        Path experiments, boolean quiet, LimitOptions limits, ClusterOptions cluster) {
    /** The commands the engine knows ({@code shell} is handled by the launcher before the engine runs). */
    public static final List<String> COMMANDS = List.of("run", "validate", "list", "describe", "report", "all", "shell",
            "schema", "help", "worker");

    public static CommandLine parse(String[] args) throws InvalidInputException {
        if (args.length == 0) {
            return new CommandLine("help", List.of(), Path.of("results"), List.of(), defaultThreads(),
                    Path.of("experiments"), false, LimitOptions.defaults(), ClusterOptions.none());
        }
        String command = args[0];
        if (!COMMANDS.contains(command)) {
            throw new InvalidInputException(null, null, "unknown command '" + command + "'"
                    + Suggestions.didYouMean(command, COMMANDS) + "; commands: " + String.join(", ", COMMANDS));
        }
        List<String> positional = new ArrayList<>();
        List<String> overrides = new ArrayList<>();
        Path out = Path.of("results");
        Path experiments = Path.of("experiments");
        int threads = defaultThreads();
        boolean quiet = false;
        LimitOptions limits = LimitOptions.defaults();
        ClusterOptions.Builder cluster = new ClusterOptions.Builder();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            int consumed = ClusterOptions.accept(args, i, cluster);
            if (consumed >= 0) {
                i = consumed;
                continue;
            }
            switch (a) {
                case "--out" -> out = Path.of(outFolder(value(args, ++i, a)));
                case "--set" -> overrides.add(value(args, ++i, a));
                case "--experiments" -> experiments = Path.of(value(args, ++i, a));
                case "--quiet" -> quiet = true;
                case "--threads" -> {
                    String v = value(args, ++i, a);
                    try {
                        threads = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        threads = 0;
                    }
                    if (threads < 1) {
                        throw new InvalidInputException(null, null, "--threads needs a positive whole number, got '" + v + "'");
                    }
                }
                default -> {
                    LimitOptions limited = limits.read(args, i);
                    if (limited != null) {
                        limits = limited;
                        i += LimitOptions.width(args, i) - 1;
                    } else if (a.startsWith("--set=")) {
                        overrides.add(a.substring("--set=".length()));
                    } else if (a.startsWith("--out=")) {
                        out = Path.of(outFolder(a.substring("--out=".length())));
                    } else if (a.startsWith("--")) {
                        List<String> options = new ArrayList<>(List.of("--out", "--set", "--threads", "--experiments",
                                "--quiet"));
                        options.addAll(LimitOptions.NAMES);
                        options.addAll(ClusterOptions.OPTIONS);
                        throw new InvalidInputException(null, null, "unknown option '" + a + "'"
                                + Suggestions.didYouMean(a, options) + "; options: " + String.join(", ", options));
                    } else {
                        positional.add(a);
                    }
                }
            }
        }
        return new CommandLine(command, List.copyOf(positional), out, List.copyOf(overrides), threads, experiments, quiet, limits,
                cluster.build());
    }

    private static String value(String[] args, int i, String option) throws InvalidInputException {
        if (i >= args.length) {
            throw new InvalidInputException(null, null, option + " needs a value");
        }
        return args[i];
    }

    private static String outFolder(String value) throws InvalidInputException {
        if (value.isBlank()) {
            throw new InvalidInputException(null, null, "--out needs a folder, got an empty value (the default is results)");
        }
        return value;
    }

    private static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
