package org.workbench.backend.vector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times candidate plans on the product at hand, FFTW "measure" style, and picks the fastest: the
 * candidates run in interleaved rounds (each once per round, so a burst of load from elsewhere hits
 * them alike) on the caller's operands into the caller's output, each keeping its best time; at
 * least {@link #MIN_ROUNDS} rounds, then more while the time spent stays under
 * {@link #BUDGET_NANOS}, at most {@link #MAX_ROUNDS}. A plan on several threads must beat the best
 * one-thread plan by {@link #THREAD_MARGIN}: a hand-off waits for a helper that the scheduler may
 * have parked, which costs more on a loaded machine than in a quiet measurement. Before the first
 * round, each kernel runs small products until it is compiled ({@link KernelWarmUp#compile}), so
 * the rounds time compiled code; one the JIT did not compile in time is left out (the JIT of a cold
 * JVM is most of the planning's cost: the timing itself takes about {@link #BUDGET_NANOS}). Every candidate computes the same bits, so the output holds the
 * product afterwards whichever ran last.
 */
final class KernelPlanner {
    static final int MIN_ROUNDS = 3;
    static final int MAX_ROUNDS = 9;
    static final long BUDGET_NANOS = 60_000_000L;
    static final double THREAD_MARGIN = 1.05;

    private KernelPlanner() {
    }

    /** Each compiled candidate's best time in microseconds, in the candidates' order (empty: none compiled in time). */
    static Map<KernelPlan, Double> time(FloatGemm gemm, List<KernelPlan> candidates, float[] a, boolean transA, float[] b,
            boolean transB, float[] c, int m, int n, int k) {
        // each kernel once (its plans on one and on all threads share its code), then every plan of those compiled
        Map<Class<?>, Boolean> compiled = new java.util.HashMap<>();
        for (KernelPlan plan : candidates) {
            compiled.computeIfAbsent(plan.kernel().getClass(), kernel -> KernelWarmUp.compile(plan.kernel(), () -> false));
        }
        List<KernelPlan> ready = new java.util.ArrayList<>();
        for (KernelPlan plan : candidates) {
            if (compiled.get(plan.kernel().getClass())) {
                ready.add(plan);
            }
        }
        return rounds(gemm, ready, a, transA, b, transB, c, m, n, k);
    }

    /** Each candidate's best time in microseconds over interleaved rounds, in the candidates' order (compiled or not: tests). */
    static Map<KernelPlan, Double> rounds(FloatGemm gemm, List<KernelPlan> candidates, float[] a, boolean transA, float[] b,
            boolean transB, float[] c, int m, int n, int k) {
        if (candidates.isEmpty()) {
            return Map.of();
        }
        double[] best = new double[candidates.size()];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        long start = System.nanoTime();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (round >= MIN_ROUNDS && System.nanoTime() - start > BUDGET_NANOS) {
                break;
            }
            for (int i = 0; i < candidates.size(); i++) {
                long t0 = System.nanoTime();
                gemm.multiply(a, transA, b, transB, c, m, n, k, candidates.get(i));
                best[i] = Math.min(best[i], (System.nanoTime() - t0) / 1e3);
            }
        }
        Map<KernelPlan, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            out.put(candidates.get(i), best[i]);
        }
        return out;
    }

    /** The fastest of {@code times}, a plan on several threads only if it beats every one-thread plan by the margin. */
    static KernelPlan fastest(Map<KernelPlan, Double> times) {
        KernelPlan best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (Map.Entry<KernelPlan, Double> e : times.entrySet()) {
            double score = e.getValue() * (e.getKey().threads() > 1 ? THREAD_MARGIN : 1);
            if (score < bestScore) {
                bestScore = score;
                best = e.getKey();
            }
        }
        return best;
    }
}
