package org.workbench.backend.vector;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.workbench.backend.vector.cache.KernelCache;
import org.workbench.backend.vector.cache.KernelChoice;

/**
 * {@code ./workbench kernels --measure}: times the candidate plans of every shape class this machine
 * needs and remembers the fastest, in a JVM of its own, so that runs pay nothing: problem 4's products
 * (the shipped descriptor's 784-256-10 network in batches of 256, its last batch of 96 rows, and the
 * forward passes of the accuracy in chunks of 1024 rows) and every class a run on this machine found not measured yet (noted in the cache by
 * {@link Kernels}). Each class is timed on a product of the size the cache noted (problem 4's: its own),
 * on random operands. The cost is the JIT's, once per machine and JDK: each candidate kernel is compiled
 * by C2 before it is timed (about 1.3 s of a busy core each), then all are timed in interleaved rounds.
 * Public for the engine's {@code kernels} command (through {@link KernelCache#measure}); not exported.
 */
public final class KernelMeasurement {
    /** Problem 4's products of at least {@link Kernels#MEASURED_FROM} multiply-adds: m, n, k, transA, transB. */
    static final int[][] PROBLEM_4 = {
        {256, 256, 784, 0, 1},  // forward X W1^T
        {256, 10, 256, 0, 1},   // forward H W2^T
        {256, 784, 256, 1, 0},  // dW1 = G1^T X
        {10, 256, 256, 1, 0},   // dW2 = G2^T H
        {256, 256, 10, 0, 0},   // dH = G2 W2
        {256, 784, 256, 0, 0},  // G1 W1, the first layer's dX (not needed in training; GemmBenchmark's dX)
        {96, 256, 784, 0, 1},   // the last training batch's forward product
        {256, 784, 96, 1, 0},   // and its dW1
        {1024, 256, 784, 0, 1}, // the accuracy's forward products, in chunks of 1024 rows
        {1024, 10, 256, 0, 1},
    };

    private KernelMeasurement() {
    }

    /**
     * Measures every class for a backend of {@code threads} threads on this machine into {@code cache},
     * saying each choice on {@code out}; the number of classes measured. Fails, saying why, in a JVM
     * whose JIT has no C2 (then no candidate could be compiled to be timed).
     */
    public static int measure(KernelCache cache, int threads, PrintStream out) {
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (!KernelWarmUp.hasC2(jvm)) {
            throw new IllegalStateException("measuring the kernels needs the JIT's C2 compiler, which this JVM runs without ("
                    + String.join(" ", jvm) + "); start it without -XX:TieredStopAtLevel=1 or -Xint");
        }
        String machine = MachineKey.current();
        Kernels kernels = new Kernels(Kernels.MEASURE, threads, cache, machine);
        FloatGemm gemm = new FloatGemm(new Workers(threads));
        int measured = 0;
        for (int[] s : products(cache.read(machine), threads)) {
            SplittableRandom random = new SplittableRandom(784);
            int m = s[0];
            int n = s[1];
            int k = s[2];
            float[] a = values(m * k, random);
            float[] b = values(k * n, random);
            float[] c = new float[m * n];
            kernels.plan(gemm, a, s[3] == 1, b, s[4] == 1, c, m, n, k);
            measured++;
        }
        out.println(kernels.describe());
        Map<String, KernelChoice> all = cache.read(machine);
        Map<String, KernelChoice> fewer = fewerKernels(all);
        for (Map.Entry<String, KernelChoice> e : fewer.entrySet()) {
            if (!e.getValue().plan().equals(all.get(e.getKey()).plan())) {
                out.println(e.getKey() + ": " + e.getValue().plan() + " instead of " + all.get(e.getKey()).plan()
                        + " (within " + Math.round((SAME_KERNEL_MARGIN - 1) * 100) + "%, and one kernel fewer to compile in a run)");
                try {
                    cache.put(machine, e.getKey(), e.getValue());
                } catch (java.io.IOException | RuntimeException failed) {
                    out.println("warning: could not remember it in " + cache.file() + ": " + failed);
                }
            }
        }
        return measured;
    }

    /** How much slower than a class's fastest plan a plan of the machine's most chosen kernel may be, and still be chosen. */
    static final double SAME_KERNEL_MARGIN = 1.05;

    /**
     * The choices with fewer distinct micro-kernels: where the kernel chosen for the most classes has a plan
     * within {@link #SAME_KERNEL_MARGIN} of a class's fastest, that plan (a run's first epoch waits for C2
     * to compile each distinct kernel it runs: about a second of a core each). Classes without timings are
     * left as they are.
     */
    static Map<String, KernelChoice> fewerKernels(Map<String, KernelChoice> choices) {
        Map<String, Integer> uses = new java.util.TreeMap<>();
        for (KernelChoice choice : choices.values()) {
            if (!choice.micros().isEmpty()) {
                uses.merge(kernelOf(choice.plan()), 1, Integer::sum);
            }
        }
        Map<String, KernelChoice> out = new LinkedHashMap<>(choices);
        if (uses.isEmpty()) {
            return out;
        }
        String most = java.util.Collections.max(uses.entrySet(), Map.Entry.comparingByValue()).getKey();
        choices.forEach((key, choice) -> {
            if (choice.micros().isEmpty() || kernelOf(choice.plan()).equals(most)) {
                return;
            }
            double best = choice.chosenMicros();
            String bestOfMost = null;
            double time = Double.POSITIVE_INFINITY;
            for (Map.Entry<String, Double> t : choice.micros().entrySet()) {
                // the same rule as the planner's: a plan on several threads carries the thread margin
                double score = t.getValue() * (t.getKey().endsWith("-t1") ? 1 : KernelPlanner.THREAD_MARGIN);
                if (kernelOf(t.getKey()).equals(most) && score < time) {
                    time = score;
                    bestOfMost = t.getKey();
                }
            }
            double bestScore = best * (choice.plan().endsWith("-t1") ? 1 : KernelPlanner.THREAD_MARGIN);
            if (bestOfMost != null && time <= bestScore * SAME_KERNEL_MARGIN) {
                out.put(key, new KernelChoice(bestOfMost, choice.micros(), choice.shape(), choice.measuredAt()));
            }
        });
        return out;
    }

    /** The kernel of a plan's name, without its threads: {@code 512b-12x2} of {@code 512b-12x2-t2}. */
    private static String kernelOf(String plan) {
        int t = plan.lastIndexOf("-t");
        return t < 0 ? plan : plan.substring(0, t);
    }

    /** Whether this machine has at least one shape class with a measured choice in {@code cache}. */
    public static boolean measured(KernelCache cache) {
        return cache.read(MachineKey.current()).values().stream().anyMatch(choice -> !choice.micros().isEmpty());
    }

    /** The products to time, one a class: problem 4's, then each class noted in {@code remembered} for {@code threads}. */
    static List<int[]> products(Map<String, KernelChoice> remembered, int threads) {
        Map<String, int[]> byClass = new LinkedHashMap<>();
        for (int[] s : PROBLEM_4) {
            byClass.putIfAbsent(Kernels.key(ShapeClass.of(s[3] == 1, s[4] == 1, s[0], s[1], s[2]), threads), s);
        }
        for (Map.Entry<String, KernelChoice> e : remembered.entrySet()) {
            String key = e.getKey();
            String[] size = e.getValue().shape().split("x");
            if (size.length != 3) {
                continue;
            }
            boolean transA = key.startsWith("a^T");
            boolean transB = key.startsWith("b^T", key.indexOf('b'));
            try {
                int[] s = {Integer.parseInt(size[0]), Integer.parseInt(size[1]), Integer.parseInt(size[2]), transA ? 1 : 0,
                    transB ? 1 : 0};
                if (Kernels.key(ShapeClass.of(transA, transB, s[0], s[1], s[2]), threads).equals(key)) {
                    byClass.putIfAbsent(key, s);
                }
            } catch (NumberFormatException notAShape) {
                // a hand-edited entry: left as it is
            }
        }
        return new ArrayList<>(byClass.values());
    }

    private static float[] values(int size, SplittableRandom random) {
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) random.nextDouble(-1, 1);
        }
        return out;
    }
}
