package org.workbench.task.trainclassifier;

/**
 * The random stream that orders the training rows: the same numbers as
 * {@code new java.util.SplittableRandom(seed)} gives through {@code nextInt(bound)} (SplitMix64 with
 * the golden gamma, and the JDK's rejection rule for a bound), but with its state in the open, so that
 * a checkpoint saves it and a resumed run continues the very same stream. Not thread-safe.
 */
final class ShuffleRandom {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private long state;

    /** A stream seeded like {@code new SplittableRandom(seed)}. */
    ShuffleRandom(long seed) {
        this.state = seed;
    }

    /** The whole state: a stream made with {@link #at(long)} of it continues this one exactly. */
    long state() {
        return state;
    }

    /** A stream that continues from a {@link #state()}. */
    static ShuffleRandom at(long state) {
        return new ShuffleRandom(state);
    }

    /** The next int, as {@code SplittableRandom.nextInt()}. */
    int nextInt() {
        state += GOLDEN_GAMMA;
        long z = state;
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    /** A uniform int in {@code [0, bound)}, as {@code SplittableRandom.nextInt(bound)}. */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        int r = nextInt();
        int m = bound - 1;
        if ((bound & m) == 0) {
            return r & m;
        }
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = nextInt() >>> 1) {
            // rejected: draw again
        }
        return r;
    }
}
