package org.workbench.backend.vector;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.workbench.api.ResultTree;
import org.workbench.backend.vector.cache.KernelCache;
import org.workbench.backend.vector.cache.KernelChoice;

/**
 * Which {@link KernelPlan} each float product of one backend runs. In the default mode
 * ({@value #ENV} unset or {@code auto}) a product of at least {@link #MEASURED_FROM} multiply-adds
 * looks up its {@link ShapeClass} (and the backend's thread count) among the choices measured for
 * this machine ({@link MachineKey}) in the {@link KernelCache} and runs the remembered plan; a class
 * not measured here yet runs the built-in plan, costing the run nothing, and is noted in the cache
 * so that {@code ./workbench kernels --measure} ({@link KernelMeasurement}) times it later. Under
 * {@value #MEASURE} the first product of every class times the candidates now ({@link KernelPlanner})
 * and the choice is written to the cache. Smaller products, and every product under
 * {@code WORKBENCH_KERNEL=fallback}, run the built-in plan; {@code WORKBENCH_KERNEL=<plan>} (e.g.
 * {@code 512b-12x2-t1}) pins every product to one plan, for reproducible checks (results are the same
 * bits under every plan: this pins the time, not the numbers). What each class ran and where it came
 * from is {@link #describe}d briefly for the run's record, with the timings apart ({@link #details}).
 * One backend's, used by one caller at a time.
 */
final class Kernels {
    /** The environment variable that sets the kernels: {@code auto} (default), {@code measure}, {@code fallback} or a plan. */
    static final String ENV = "WORKBENCH_KERNEL";
    /** The system property that does the same, before the environment (benchmarks set it per run). */
    static final String PROPERTY = "workbench.kernel";
    /** The setting that times the candidates of every shape class now and remembers the fastest. */
    static final String MEASURE = "measure";
    /** Multiply-adds below which a product runs the built-in plan unmeasured: timing it costs more than it can win. */
    static final long MEASURED_FROM = 1L << 18;

    /** How candidates are timed ({@link KernelPlanner#time}; tests give their own). */
    interface Timing {
        Map<KernelPlan, Double> time(FloatGemm gemm, List<KernelPlan> candidates, float[] a, boolean transA, float[] b,
                boolean transB, float[] c, int m, int n, int k);
    }

    private final int maxThreads;
    private final Timing timing;
    private final String setting;
    /** The plan every product runs, or null. */
    private final KernelPlan pinned;
    private final boolean fallbackOnly;
    /** Whether every shape class is timed now (the setting {@value #MEASURE}), whatever the cache holds. */
    private final boolean measuring;
    private final KernelCache cache;
    private final String machine;
    private final Map<ShapeClass, KernelPlan> plans = new HashMap<>();
    /** What each shape class ran, for the record: the choice and where it came from. */
    private final Map<String, Choice> record = new TreeMap<>();
    private Map<String, KernelChoice> remembered;

    Kernels(String setting, int maxThreads, KernelCache cache, String machine) {
        this(setting, maxThreads, cache, machine, KernelPlanner::time);
    }

    Kernels(String setting, int maxThreads, KernelCache cache, String machine, Timing timing) {
        this.maxThreads = maxThreads;
        this.timing = timing;
        this.setting = setting == null || setting.isBlank() ? "auto" : setting.strip().toLowerCase(Locale.ROOT);
        this.fallbackOnly = this.setting.equals("fallback");
        this.measuring = this.setting.equals(MEASURE);
        this.pinned = this.setting.equals("auto") || fallbackOnly || measuring ? null : pin(this.setting, maxThreads);
        this.cache = cache;
        this.machine = machine;
    }

    /** As the system property {@value #PROPERTY} or else the environment says, with the user's cache. */
    static Kernels fromEnvironment(int maxThreads) {
        return new Kernels(System.getProperty(PROPERTY, System.getenv(ENV)), maxThreads, KernelCache.user(), MachineKey.current());
    }

    private static KernelPlan pin(String setting, int maxThreads) {
        try {
            return KernelPlan.parse(setting, maxThreads);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("environment variable " + ENV + ": " + e.getMessage()
                    + "; or 'auto' (the plans measured on this machine, the default), 'measure' (time the candidates now)"
                    + " or 'fallback' (the built-in plan)", e);
        }
    }

    /**
     * The plan for this product. Under {@code measure}, the first product of each shape class times the
     * candidates on it (leaving the product in {@code c}) and remembers the fastest; under {@code auto},
     * a class measured on this machine before runs its remembered plan, and one not measured yet runs the
     * built-in plan at no cost and is noted in the cache as waiting for {@code ./workbench kernels --measure}.
     */
    KernelPlan plan(FloatGemm gemm, float[] a, boolean transA, float[] b, boolean transB, float[] c, int m, int n, int k) {
        if (pinned != null) {
            record.putIfAbsent("all", new Choice(pinned.id(), "pinned by " + ENV, Map.of()));
            return pinned;
        }
        long multiplyAdds = (long) m * n * k;
        if (fallbackOnly || multiplyAdds < MEASURED_FROM) {
            return KernelPlan.fallback(maxThreads, multiplyAdds);
        }
        ShapeClass shape = ShapeClass.of(transA, transB, m, n, k);
        KernelPlan plan = plans.get(shape);
        if (plan != null) {
            return plan;
        }
        String key = key(shape, maxThreads);
        if (remembered == null) {
            remembered = cache.read(machine);
        }
        KernelChoice choice = remembered.get(key);
        plan = measuring || choice == null || choice.micros().isEmpty() ? null : known(choice.plan());
        if (plan != null) {
            record.put(key, new Choice(plan.id(), "from the cache, measured " + choice.measuredAt(), choice.micros()));
        } else if (!measuring) {
            // not measured on this machine yet: the built-in plan, and a note that the class waits for `kernels --measure`
            plan = KernelPlan.fallback(maxThreads, multiplyAdds);
            record.put(key, new Choice(plan.id(), "built in, not measured here yet", Map.of()));
            if (choice == null) {
                remember(key, new KernelChoice(plan.id(), Map.of(), m + "x" + n + "x" + k, now()));
            }
        } else {
            long t0 = System.nanoTime();
            Map<KernelPlan, Double> times = timing.time(gemm, KernelPlan.candidates(maxThreads), a, transA, b, transB,
                    c, m, n, k);
            if (times.isEmpty()) {
                // the JIT compiled no candidate within the measuring budget: the built-in plan, the class still waiting
                plan = KernelPlan.fallback(maxThreads, multiplyAdds);
                record.put(key, new Choice(plan.id(), "built in: no candidate was compiled in time to be timed", Map.of()));
            } else {
                plan = KernelPlanner.fastest(times);
                long millis = (System.nanoTime() - t0) / 1_000_000;
                Map<String, Double> micros = new LinkedHashMap<>();
                times.forEach((p, t) -> micros.put(p.id(), t));
                choice = new KernelChoice(plan.id(), micros, m + "x" + n + "x" + k, now());
                record.put(key, new Choice(plan.id(), "measured now in " + millis + " ms", micros));
                remember(key, choice);
            }
        }
        plans.put(shape, plan);
        return plan;
    }

    /** A shape class's key in the cache: the class and the backend's thread count, e.g. {@code ab^T 256x256x1024 on 2 threads}. */
    static String key(ShapeClass shape, int threads) {
        return shape.key() + " on " + threads + (threads == 1 ? " thread" : " threads");
    }

    private void remember(String key, KernelChoice choice) {
        remembered.put(key, choice);
        try {
            cache.put(machine, key, choice);
        } catch (IOException | RuntimeException e) {
            System.err.println("warning: could not remember the kernel choice in " + cache.file() + ": " + e);
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The plan a remembered choice names, with this backend's threads; null when it names none there is (measure again). */
    private KernelPlan known(String id) {
        try {
            KernelPlan plan = KernelPlan.parse(id, maxThreads);
            return plan.id().equals(id) ? plan : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The kernels' plans that this backend used so far, briefly, for the run's record: per shape class
     * the plan and where it came from, e.g. {@code kernels auto: ab^T 256x256x1024 on 2 threads 512b-12x2-t2
     * (from the cache, measured 2026-12-07T13:40:00Z); ...}. The timings are in {@link #details()}.
     */
    String describe() {
        if (record.isEmpty()) {
            return "kernels " + setting + (pinned == null && !fallbackOnly ? " (none measured or looked up yet)" : "");
        }
        StringBuilder out = new StringBuilder("kernels ").append(setting).append(':');
        String separator = " ";
        for (Map.Entry<String, Choice> e : record.entrySet()) {
            Choice choice = e.getValue();
            out.append(separator).append(e.getKey()).append(' ').append(choice.plan()).append(" (").append(choice.source()).append(')');
            separator = "; ";
        }
        return out.toString();
    }

    /**
     * What each shape class ran and the candidates' times it was chosen by, for the run's record as
     * structured data: {@code machine}, {@code kernelSetting} and {@code kernels[]} of {shapeClass, plan,
     * source, candidates[] of {plan, micros}} (fastest first; empty when none was timed).
     */
    ResultTree details() {
        ResultTree out = new ResultTree().put("machine", machine).put("kernelSetting", setting);
        if (record.isEmpty()) {
            out.putList("kernels", List.of());
        }
        record.forEach((shape, choice) -> {
            ResultTree c = new ResultTree().put("shapeClass", shape).put("plan", choice.plan()).put("source", choice.source());
            if (choice.micros().isEmpty()) {
                c.putList("candidates", List.of());
            }
            choice.micros().entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(t -> c.append("candidates",
                    new ResultTree().put("plan", t.getKey()).put("micros", Math.round(t.getValue() * 10) / 10.0)));
            out.append("kernels", c);
        });
        return out;
    }

    /** One shape class's plan in this backend, where it came from and the candidates' times (empty: none timed). */
    private record Choice(String plan, String source, Map<String, Double> micros) {
    }

    /**
     * The kernels this backend's products will run, for the warm-up to compile: a pinned plan's, the
     * remembered plans' for this machine and, where a class has no measured plan yet (or nothing is
     * remembered), the built-in plan's; under {@code measure}, every candidate's.
     */
    List<MicroKernel> kernelsToCompile() {
        if (pinned != null) {
            return List.of(pinned.kernel());
        }
        MicroKernel builtIn = KernelPlan.fallback(maxThreads, Long.MAX_VALUE).kernel();
        if (fallbackOnly) {
            return List.of(builtIn);
        }
        if (measuring) {
            return KernelPlan.kernels();
        }
        if (remembered == null) {
            remembered = cache.read(machine);
        }
        Map<String, MicroKernel> out = new LinkedHashMap<>();
        boolean unmeasured = remembered.isEmpty();
        for (KernelChoice choice : remembered.values()) {
            KernelPlan plan = choice.micros().isEmpty() ? null : known(choice.plan());
            if (plan != null) {
                out.putIfAbsent(plan.kernel().getClass().getName(), plan.kernel());
            } else {
                unmeasured = true;
            }
        }
        if (unmeasured) {
            out.putIfAbsent(builtIn.getClass().getName(), builtIn);
        }
        return List.copyOf(out.values());
    }
}
