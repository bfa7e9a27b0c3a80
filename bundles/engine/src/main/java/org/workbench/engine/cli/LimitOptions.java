package org.workbench.engine.cli;

import java.time.Duration;

import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.run.SweepSize;

/**
 * The limits of a run, parsed from {@code --timeout SECONDS} (each run of the command ends, exit 1,
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

    /** Parses {@code --timeout}: seconds, more than 0 and at most a year. */
    static Duration seconds(String value) throws InvalidInputException {
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

    /** Parses {@code --max-points}: a whole number from 1 to the highest limit. */
    static long points(String value) throws InvalidInputException {
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
