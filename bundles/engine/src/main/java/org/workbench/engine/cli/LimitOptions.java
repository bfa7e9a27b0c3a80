package org.workbench.engine.cli;

import java.time.Duration;

import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.run.SweepSize;

/**
 * The options that bound a run: {@code --timeout SECONDS} (each run of the command ends, exit 1,
 * when it takes longer; a descriptor's own {@code timeout} applies when shorter) and
 * {@code --max-points N} (the largest sweep accepted, default {@value SweepSize#DEFAULT_LIMIT}).
 *
 * @param timeout   the time limit of each run, or {@code null} for none
 * @param maxPoints the largest sweep accepted
 */
public record LimitOptions(Duration timeout, long maxPoints) {
    /** The options' names, for help and suggestions. */
    public static final java.util.List<String> NAMES = java.util.List.of("--timeout", SweepSize.FLAG);

    public static LimitOptions defaults() {
        return new LimitOptions(null, SweepSize.DEFAULT_LIMIT);
    }

    /**
     * Reads the option at {@code args[i]} if it is one of these (as {@code --name VALUE} or
     * {@code --name=VALUE}).
     *
     * @return the updated options, or {@code null} when {@code args[i]} is not one of them
     */
    public LimitOptions read(String[] args, int i) throws InvalidInputException {
        String a = args[i];
        for (String name : NAMES) {
            if (a.equals(name) || a.startsWith(name + "=")) {
                String value = a.equals(name) ? (i + 1 < args.length ? args[i + 1] : null) : a.substring(name.length() + 1);
                if (value == null) {
                    throw new InvalidInputException(null, null, name + " needs a value");
                }
                return name.equals("--timeout") ? new LimitOptions(seconds(value), maxPoints)
                        : new LimitOptions(timeout, points(value));
            }
        }
        return null;
    }

    /** How many arguments {@code args[i]} and its value take (1 for {@code --name=VALUE}, 2 otherwise). */
    public static int width(String[] args, int i) {
        return args[i].contains("=") ? 1 : 2;
    }

    private static Duration seconds(String value) throws InvalidInputException {
        double s;
        try {
            s = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            s = Double.NaN;
        }
        if (!(s > 0) || s > 365 * 24 * 3600.0 || !value.matches("[0-9.eE+-]+")) {
            throw new InvalidInputException(null, null, "--timeout needs a number of seconds > 0 and at most a year "
                    + "(31536000), such as 600; got '" + value + "'");
        }
        return Duration.ofNanos(Math.max(1, (long) (s * 1e9)));
    }

    private static long points(String value) throws InvalidInputException {
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > SweepSize.HIGHEST_LIMIT) {
            throw new InvalidInputException(null, null, SweepSize.FLAG + " needs a whole number from 1 to "
                    + SweepSize.HIGHEST_LIMIT + "; got '" + value + "'");
        }
        return n;
    }
}
