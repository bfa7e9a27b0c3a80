package org.workbench.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.workbench.api.linear.PosteriorSummary;

/**
 * The diagnostics' JIT warm-up changes no number: a summary computed while it runs equals, bit for
 * bit, one computed without it, and the one-thread route it uses equals the parallel one. It starts
 * only when a core is idle and stops when closed.
 */
class DiagnosticsWarmUpTest {
    private static double[][] chains(int chains, int iterations, int p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[chains][iterations * p];
        for (double[] chain : out) {
            double[] state = new double[p];
            for (int t = 0; t < iterations; t++) {
                for (int j = 0; j < p; j++) {
                    state[j] = 0.1 * j / p * state[j] + random.nextGaussian() + j;
                    chain[t * p + j] = state[j];
                }
            }
        }
        return out;
    }

    private static void assertSame(PosteriorSummary want, PosteriorSummary got) {
        assertArrayEquals(want.mean(), got.mean());
        assertArrayEquals(want.mcse(), got.mcse());
        assertArrayEquals(want.ess(), got.ess());
        assertArrayEquals(want.essTail(), got.essTail());
        assertArrayEquals(want.rhat(), got.rhat());
    }

    @Test
    void aSummaryBesideTheWarmUpEqualsOneWithoutIt() throws InterruptedException {
        double[][] draws = chains(2, 1001, 20, 5);
        double[][] means = chains(2, 1001, 20, 6);
        PosteriorSummary alone = PosteriorSummaries.of(draws, means, 20, 1.0);
        DiagnosticsWarmUp warmUp = DiagnosticsWarmUp.start(2);
        assertTrue(warmUp.started());
        while (warmUp.rounds() < 1) {
            Thread.onSpinWait(); // until it runs: the next rounds overlap the summary below
        }
        PosteriorSummary beside = PosteriorSummaries.of(draws, means, 20, 1.0);
        warmUp.close();
        warmUp.join();
        assertSame(alone, beside);
        assertTrue(warmUp.rounds() < DiagnosticsWarmUp.ROUNDS, warmUp.rounds() + " rounds after close");
    }

    @Test
    void oneThreadEqualsTheParallelRoute() {
        double[][] draws = chains(1, 800, 13, 7);
        assertSame(PosteriorSummaries.of(draws, draws, 13, 1.0), PosteriorSummaries.of(draws, draws, 13, 1.0, 1));
    }

    @Test
    void anIdleCoreIsOneBeyondTheChainsAndTheLoad() {
        assertTrue(DiagnosticsWarmUp.idleCore(2, 1, 0.0));
        assertTrue(DiagnosticsWarmUp.idleCore(2, 1, 0.4));
        assertTrue(DiagnosticsWarmUp.idleCore(4, 1, 2.5));
        assertFalse(DiagnosticsWarmUp.idleCore(2, 1, 0.8));
        assertFalse(DiagnosticsWarmUp.idleCore(2, 2, 0.0));
        assertFalse(DiagnosticsWarmUp.idleCore(8, 1, 11.0));
    }

    @Test
    void aRoundRunsWhenTheRunnableThreadsFitTheCores() {
        assertTrue(DiagnosticsWarmUp.freeCoreNow(2, 2), "the chain and the warm-up itself");
        assertFalse(DiagnosticsWarmUp.freeCoreNow(2, 3), "a compiler thread or another process as well");
        assertTrue(DiagnosticsWarmUp.freeCoreNow(8, 5));
        assertTrue(DiagnosticsWarmUp.freeCoreNow(2, -1), "unknown: the start's load-average rule decided");
    }

    @Test
    void theRunnableCountIsTheNumeratorOfLoadavgsFourthField() {
        assertEquals(3, RunnableThreads.parse("0.67 2.87 4.28 3/80 16821\n"));
        assertEquals(12, RunnableThreads.parse("10.58 8.93 7.12 12/1203 99"));
        assertEquals(-1, RunnableThreads.parse("0.67 2.87 4.28"));
        assertEquals(-1, RunnableThreads.parse("0.67 2.87 4.28 x/80 1"));
        assertEquals(-1, RunnableThreads.parse(""));
    }

    @Test
    void nothingStartsWhenTheChainsFillTheCores() throws InterruptedException {
        DiagnosticsWarmUp warmUp = DiagnosticsWarmUp.whileSampling(1, Runtime.getRuntime().availableProcessors());
        assertFalse(warmUp.started());
        warmUp.close();
        warmUp.join();
        assertTrue(warmUp.rounds() == 0);
    }
}
