package org.workbench.engine.run;

import java.math.BigInteger;

import org.workbench.engine.descriptor.Descriptor;
import org.workbench.engine.descriptor.SweepAxis;
import org.workbench.engine.input.InvalidInputException;

/**
 * A sweep's number of points, the product of its axes' lengths, computed before anything is
 * expanded and without overflow, and the limit on it: a sweep larger than the limit is refused
 * with exit 2 naming its size and the flag that raises the limit, instead of being expanded into
 * gigabytes of points (or overflowing a counter) before anything runs.
 */
public final class SweepSize {
    /** The default limit on a sweep's points. */
    public static final long DEFAULT_LIMIT = 100_000;
    /** The highest limit {@code --max-points} accepts: the points of a plan are held in one list. */
    public static final long HIGHEST_LIMIT = Integer.MAX_VALUE - 8;
    /** The option that raises the limit. */
    public static final String FLAG = "--max-points";

    private SweepSize() {
    }

    /** The exact number of points (1 without a sweep). */
    public static BigInteger of(Descriptor d) {
        BigInteger total = BigInteger.ONE;
        for (SweepAxis axis : d.sweep()) {
            total = total.multiply(BigInteger.valueOf(axis.values().size()));
        }
        return total;
    }

    /**
     * @return the number of points, when it is within {@code limit}
     * @throws InvalidInputException when it is not
     */
    public static int check(Descriptor d, long limit) throws InvalidInputException {
        BigInteger total = of(d);
        if (total.compareTo(BigInteger.valueOf(limit)) > 0) {
            StringBuilder axes = new StringBuilder();
            for (SweepAxis axis : d.sweep()) {
                axes.append(axes.length() == 0 ? "" : " x ").append(axis.values().size());
            }
            throw new InvalidInputException(d.file(), "$.sweep", "the sweep has " + String.format("%,d", total)
                    + " points (" + axes + "), more than the limit of " + String.format("%,d", limit) + "; sweep "
                    + "fewer values, or raise the limit with " + FLAG + " N (at most " + String.format("%,d",
                            HIGHEST_LIMIT) + ")");
        }
        return total.intValueExact();
    }
}
