package org.workbench.engine.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workbench.engine.input.InvalidInputException;

/**
 * The command-line options of executors, workers and resumes: {@code --executor NAME},
 * {@code --join HOST:PORT,...}, {@code --cluster NAME}, {@code --port N}, {@code --interface ADDRESS}, {@code --slots N},
 * {@code --resume}, {@code --no-fetch} (a worker that never fetches a bundle it lacks). Values given here override the descriptor's {@code executor.with}.
 *
 * @param executor the executor named on the command line, or {@code null}
 * @param with     executor parameters given as options, by parameter name
 * @param resume   whether to resume an interrupted or partial run
 */
public record ClusterOptions(String executor, Map<String, String> with, boolean resume) {
    /** The options this record reads, for messages. */
    public static final List<String> OPTIONS = List.of("--executor", "--join", "--cluster", "--port", "--interface",
            "--slots", "--resume", "--no-fetch");

    public static ClusterOptions none() {
        return new ClusterOptions(null, Map.of(), false);
    }

    /**
     * Reads the option at {@code args[i]} if it is one of these.
     *
     * @return the index of the last argument consumed, or {@code -1} when {@code args[i]} is not one of these
     */
    static int accept(String[] args, int i, Builder b) throws InvalidInputException {
        String a = args[i];
        switch (a) {
            case "--resume" -> {
                b.resume = true;
                return i;
            }
            case "--no-fetch" -> {
                b.with.put("fetch", "false");
                return i;
            }
            case "--executor" -> {
                b.executor = value(args, i, a);
                return i + 1;
            }
            case "--join", "--cluster", "--port", "--interface", "--slots" -> {
                b.with.put(a.substring(2), value(args, i, a));
                return i + 1;
            }
            default -> {
                return -1;
            }
        }
    }

    private static String value(String[] args, int i, String option) throws InvalidInputException {
        if (i + 1 >= args.length) {
            throw new InvalidInputException(null, null, option + " needs a value");
        }
        return args[i + 1];
    }

    /** Collects the options while a command line is read. */
    static final class Builder {
        private String executor;
        private final Map<String, String> with = new LinkedHashMap<>();
        private boolean resume;

        ClusterOptions build() {
            return new ClusterOptions(executor, Map.copyOf(with), resume);
        }
    }
}
