package org.workbench.backend.vector;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.workbench.backend.vector.cache.RunChoice;

/**
 * A candidate for what a run's products run: a plan per shape class (for a backend of {@code threads}
 * threads), with the built-in plan for the products a run never looks up (below {@link Kernels#MEASURED_FROM})
 * and for classes the set does not name. {@link #builtIn} names no class: every product runs the built-in rule
 * ({@link KernelPlan#fallback}), as on a machine that measured nothing.
 *
 * @param name    e.g. {@code built-in}, {@code fastest per class}, {@code 512b-8x3}
 * @param plans   plan ids by shape class key ({@link Kernels#key})
 * @param threads the backend's threads
 */
record PlanSet(String name, Map<String, String> plans, int threads) {
    PlanSet {
        plans = Map.copyOf(plans);
    }

    static PlanSet builtIn(int threads) {
        return new PlanSet(RunChoice.BUILT_IN, Map.of(), threads);
    }

    /** The plan this set runs {@code product} on. */
    KernelPlan plan(RunSequence.Product product) {
        return plan(product.transA(), product.transB(), product.m(), product.n(), product.k());
    }

    KernelPlan plan(boolean transA, boolean transB, int m, int n, int k) {
        long multiplyAdds = (long) m * n * k;
        String id = multiplyAdds < Kernels.MEASURED_FROM ? null
                : plans.get(Kernels.key(ShapeClass.of(transA, transB, m, n, k), threads));
        return id == null ? KernelPlan.fallback(threads, multiplyAdds) : KernelPlan.parse(id, threads);
    }

    /** The distinct micro-kernels {@code sequence} runs under this set, in the order first met, e.g. {@code 512b-12x2}. */
    Set<String> kernels(RunSequence sequence) {
        Set<String> out = new LinkedHashSet<>();
        for (RunSequence.Segment segment : sequence.segments()) {
            for (RunSequence.Product product : segment.products()) {
                String id = plan(product).id();
                out.add(id.substring(0, id.lastIndexOf("-t")));
            }
        }
        return out;
    }

    /** The plans this set gives the classes {@code sequence} looks up, by class (what a run records). */
    Map<String, String> plansFor(RunSequence sequence) {
        Map<String, String> out = new TreeMap<>();
        for (RunSequence.Segment segment : sequence.segments()) {
            for (RunSequence.Product p : segment.products()) {
                if (p.multiplyAdds() >= Kernels.MEASURED_FROM) {
                    out.put(Kernels.key(ShapeClass.of(p.transA(), p.transB(), p.m(), p.n(), p.k()), threads), plan(p).id());
                }
            }
        }
        return out;
    }
}
