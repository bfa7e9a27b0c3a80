package org.workbench.diagnostics;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

/**
 * JIT warm-up, nothing else: while a sampler's chains leave a core idle, a daemon thread on it
 * runs {@link PosteriorSummaries} a bounded number of times on small synthetic chains of its own, so that the JIT has compiled the diagnostics' code (by
 * ordinary compilation of methods called many times, not on-stack replacement of the long loops of
 * a single call) before the real summary is asked for. In a fresh JVM those compiles, not the
 * arithmetic, were most of the diagnostics' cost (about 0.75 s of C2 time for 22,000 draws of 100
 * coordinates, against 0.15 s of warm work). It reads and writes only its own arrays and shares no
 * state with the real summary, so no result changes; it stops at {@link #close} (the chains are
 * done) or after {@link #ROUNDS} rounds, whichever comes first. Like the start-up's readying of
 * the graphics on a daemon thread, it only moves work that would happen anyway off the critical path.
 * <p>
 * It runs a round only while a core is free at that moment ({@link RunnableThreads}: the machine's
 * runnable threads, its own included, fit in the cores), and otherwise waits
 * {@link #WAIT_MILLIS} and looks again: the chain's own first compiles, another process, or a
 * second chain take the core first.
 */
public final class DiagnosticsWarmUp implements AutoCloseable {
    /** Synthetic coordinates per round: one full block of 8 and a partial one, as real runs have. */
    static final int COORDINATES = 12;
    /** Draws per synthetic chain: short, so that each method is called often and compiled whole. */
    static final int DRAWS = 1024;
    /** At most this many rounds (some 0.2 s of one core once compiled). */
    static final int ROUNDS = 100;
    /** How long the warm-up waits before it looks again for a free core. */
    static final long WAIT_MILLIS = 5;
    /**
     * The synthetic coordinates' AR(1) coefficients: chains that mix at once, slowly (Geyer's
     * sequence runs past the directly summed lags to the FFT) and in between.
     */
    private static final double[] PHI = {0, 0.3, 0.6, 0.9, 0.97, 0.995, -0.2, 0.5, 0.8, 0.1, 0.7, 0.99};

    private final Thread thread;
    private volatile boolean stopped;
    private volatile int rounds;

    private DiagnosticsWarmUp(int chains, boolean start) {
        if (!start) {
            thread = null;
            return;
        }
        double[][] draws = new double[chains][];
        double[][] estimates = new double[chains][];
        SplittableRandom random = new SplittableRandom(20211);
        for (int c = 0; c < chains; c++) {
            draws[c] = autoregressive(random);
            estimates[c] = autoregressive(random);
        }
        thread = new Thread(() -> run(draws, estimates), "diagnostics JIT warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /**
     * Starts the warm-up for a summary of {@code chains} chains while {@code busyThreads} threads
     * sample, unless those threads fill the cores; its rounds then wait for a free core. Where the
     * system does not say how many threads are runnable, the warm-up starts only if the cores exceed
     * the sampling threads plus the machine's load average by half a core. On a machine without a
     * free core the warm-up's thread would take its time from the chains (measured: a chain 1.8x
     * slower at load 11 on two cores, for 10% off the diagnostics).
     */
    public static DiagnosticsWarmUp whileSampling(int chains, int busyThreads) {
        int cores = Runtime.getRuntime().availableProcessors();
        boolean start = busyThreads < cores && (RunnableThreads.now() >= 0 || idleCore(cores, busyThreads,
                Math.max(0, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())));
        return new DiagnosticsWarmUp(chains, start);
    }

    /** Starts the warm-up unconditionally (to measure it: {@code GibbsBenchmark -p warmUp=true}). */
    public static DiagnosticsWarmUp start(int chains) {
        return new DiagnosticsWarmUp(chains, true);
    }

    /** Whether {@code runnable} threads, the asking one included, leave one of {@code cores} to it; an unknown count (-1) does. */
    static boolean freeCoreNow(int cores, int runnable) {
        return runnable <= cores;
    }

    /** Whether {@code cores} leave one idle beside {@code busyThreads} and a load average of {@code load}. */
    static boolean idleCore(int cores, int busyThreads, double load) {
        return busyThreads + load + 0.5 <= cores;
    }

    /** Whether a warm-up thread was started. */
    public boolean started() {
        return thread != null;
    }

    /** Rounds completed so far. */
    int rounds() {
        return rounds;
    }

    /** Stops the warm-up after its current round (a few milliseconds once compiled); does not wait for it. */
    @Override
    public void close() {
        stopped = true;
    }

    /** Waits for the warm-up thread to end (tests). */
    void join() throws InterruptedException {
        if (thread != null) {
            thread.join();
        }
    }

    private void run(double[][] draws, double[][] estimates) {
        int cores = Runtime.getRuntime().availableProcessors();
        for (int r = 0; r < ROUNDS && !stopped; ) {
            if (!freeCoreNow(cores, RunnableThreads.now())) {
                try {
                    Thread.sleep(WAIT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                continue;
            }
            PosteriorSummaries.of(draws, estimates, COORDINATES, 1.0, 1);
            rounds = ++r;
        }
    }

    /** {@link #COORDINATES} AR(1) series with unit innovations, interleaved per draw. */
    private static double[] autoregressive(SplittableRandom random) {
        double[] out = new double[DRAWS * COORDINATES];
        double[] state = new double[COORDINATES];
        for (int t = 0; t < DRAWS; t++) {
            for (int j = 0; j < COORDINATES; j++) {
                state[j] = PHI[j] * state[j] + random.nextGaussian();
                out[t * COORDINATES + j] = state[j];
            }
        }
        return out;
    }
}
