package org.workbench.backend.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Times candidate {@link PlanSet}s on a {@link RunSequence}, as a run would run them: every set runs the
 * whole sequence (its segments in order, each product on the plan the set gives it, on one thread or on
 * all of the backend's as the plan says) in interleaved rounds, so a burst of load from elsewhere hits the
 * sets alike, and each segment keeps its best time. A set's epoch is the sum over segments of their best
 * time times their count in an epoch. The kernels must have been compiled (by {@link KernelWarmUp#compile}):
 * their compile cost is counted apart, per distinct kernel a set runs.
 */
final class RunMeasurement {
    static final int MIN_ROUNDS = 5;
    static final int MAX_ROUNDS = 30;
    /** Wall time after which no round starts once {@link #MIN_ROUNDS} are done. */
    static final long BUDGET_NANOS = 3_000_000_000L;

    private final RunSequence sequence;
    private final FloatGemm gemm;
    /** Operands of each product of the sequence, by product. */
    private final Map<RunSequence.Product, float[][]> operands = new HashMap<>();

    RunMeasurement(RunSequence sequence, FloatGemm gemm) {
        this.sequence = sequence;
        this.gemm = gemm;
        SplittableRandom random = new SplittableRandom(784);
        for (RunSequence.Segment segment : sequence.segments()) {
            for (RunSequence.Product p : segment.products()) {
                operands.computeIfAbsent(p, q -> new float[][] {values(q.m() * q.k(), random), values(q.k() * q.n(), random),
                    new float[q.m() * q.n()]});
            }
        }
    }

    /** Each set's products of one epoch in milliseconds, in the sets' order. */
    Map<PlanSet, Double> epochMillis(List<PlanSet> sets) {
        List<RunSequence.Segment> segments = sequence.segments();
        double[][] best = new double[sets.size()][segments.size()];
        for (double[] b : best) {
            Arrays.fill(b, Double.POSITIVE_INFINITY);
        }
        // each set's plans resolved once, outside the timed loops
        List<List<KernelPlan[]>> plans = new ArrayList<>();
        for (PlanSet set : sets) {
            List<KernelPlan[]> bySegment = new ArrayList<>();
            for (RunSequence.Segment segment : segments) {
                bySegment.add(segment.products().stream().map(set::plan).toArray(KernelPlan[]::new));
            }
            plans.add(bySegment);
        }
        long start = System.nanoTime();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (round >= MIN_ROUNDS && System.nanoTime() - start > BUDGET_NANOS) {
                break;
            }
            for (int j = 0; j < sets.size(); j++) {
                int s = (j + round) % sets.size(); // a different set first each round
                for (int g = 0; g < segments.size(); g++) {
                    RunSequence.Segment segment = segments.get(g);
                    KernelPlan[] segmentPlans = plans.get(s).get(g);
                    long t0 = System.nanoTime();
                    for (int r = 0; r < segment.repeat(); r++) {
                        for (int p = 0; p < segmentPlans.length; p++) {
                            run(segment.products().get(p), segmentPlans[p]);
                        }
                    }
                    best[s][g] = Math.min(best[s][g], (System.nanoTime() - t0) / 1e6 / segment.repeat());
                }
            }
        }
        Map<PlanSet, Double> out = new LinkedHashMap<>();
        for (int s = 0; s < sets.size(); s++) {
            double epoch = 0;
            for (int g = 0; g < segments.size(); g++) {
                epoch += best[s][g] * segments.get(g).perEpoch();
            }
            out.put(sets.get(s), epoch);
        }
        return out;
    }

    private void run(RunSequence.Product p, KernelPlan plan) {
        float[][] o = operands.get(p);
        gemm.multiply(o[0], p.transA(), o[1], p.transB(), o[2], p.m(), p.n(), p.k(), plan);
    }

    private static float[] values(int size, SplittableRandom random) {
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) random.nextDouble(-1, 1);
        }
        return out;
    }
}
