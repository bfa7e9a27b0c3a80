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

import org.workbench.backend.vector.cache.KernelCache;
import org.workbench.backend.vector.cache.KernelChoice;

/**
 * Which {@link KernelPlan} each float product of one backend runs. In the default mode
 * ({@value #ENV} unset or {@code auto}) a product of at least {@link #MEASURED_FROM} multiply-adds
 * looks up its {@link ShapeClass} (and the backend's thread count) among the choices remembered
 * for this machine ({@link MachineKey}) in the {@link KernelCache}; the first product of a class
 * not there times the candidates ({@link KernelPlanner}) and the choice is written to the cache, so
 * later runs pay nothing. Smaller products, and every product under {@code WORKBENCH_KERNEL=fallback},
 * run the built-in plan; {@code WORKBENCH_KERNEL=<plan>} (e.g. {@code 512b-12x2-t1}) pins every product
 * to one plan, for reproducible checks (results are the same bits under every plan: this pins the time,
 * not the numbers). What each class ran, and the timings it was chosen by, is {@link #describe}d for
 * the run's record. One backend's, used by one caller at a time.
 */
final class Kernels {
    /** The environment variable that pins the kernels: {@code auto} (default), {@code fallback} or a plan. */
    static final String ENV = "WORKBENCH_KERNEL";
    /** The system property that does the same, before the environment (benchmarks set it per run). */
    static final String PROPERTY = "workbench.kernel";
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
    private final KernelCache cache;
    private final String machine;
    private final Map<ShapeClass, KernelPlan> plans = new HashMap<>();
    /** What each shape class ran, for the record: the choice and where it came from. */
    private final Map<String, String> record = new TreeMap<>();
    private Map<String, KernelChoice> remembered;

    Kernels(String setting, int maxThreads, KernelCache cache, String machine) {
        this(setting, maxThreads, cache, machine, KernelPlanner::time);
    }

    Kernels(String setting, int maxThreads, KernelCache cache, String machine, Timing timing) {
        this.maxThreads = maxThreads;
        this.timing = timing;
        this.setting = setting == null || setting.isBlank() ? "auto" : setting.strip().toLowerCase(Locale.ROOT);
        this.fallbackOnly = this.setting.equals("fallback");
        this.pinned = this.setting.equals("auto") || fallbackOnly ? null : pin(this.setting, maxThreads);
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
                    + "; or 'auto' (measure, the default) or 'fallback' (the built-in plan)", e);
        }
    }

    /** The plan for this product; may time the candidates on it (leaving the product in {@code c}). */
    KernelPlan plan(FloatGemm gemm, float[] a, boolean transA, float[] b, boolean transB, float[] c, int m, int n, int k) {
        if (pinned != null) {
            record.putIfAbsent("all", pinned.id() + " (pinned by " + ENV + ")");
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
        String key = shape.key() + " on " + maxThreads + (maxThreads == 1 ? " thread" : " threads");
        if (remembered == null) {
            remembered = cache.read(machine);
        }
        KernelChoice choice = remembered.get(key);
        plan = choice == null || stale(choice) ? null : known(choice.plan());
        if (plan != null) {
            record.put(key, choice.micros().isEmpty() ? plan.id() + " (built in, from the cache: no candidate was compiled in time"
                    + " to be timed at " + choice.measuredAt() + "; measured again a day later)" : describe(choice, "from the cache"));
        } else {
            long t0 = System.nanoTime();
            Map<KernelPlan, Double> times = timing.time(gemm, KernelPlan.candidates(maxThreads), a, transA, b, transB,
                    c, m, n, k);
            if (times.isEmpty()) {
                // the JIT compiled no candidate in time (a machine under heavy load): the built-in plan, measured next run
                // remembered for a day, so that the runs of a loaded machine do not each wait for the JIT in vain
                plan = KernelPlan.fallback(maxThreads, multiplyAdds);
                record.put(key, plan.id() + " (built in: no candidate was compiled in time to be timed)");
                plans.put(shape, plan);
                remember(key, new KernelChoice(plan.id(), Map.of(), m + "x" + n + "x" + k, now()));
                return plan;
            }
            plan = KernelPlanner.fastest(times);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            Map<String, Double> micros = new LinkedHashMap<>();
            times.forEach((p, t) -> micros.put(p.id(), t));
            choice = new KernelChoice(plan.id(), micros, m + "x" + n + "x" + k, now());
            record.put(key, describe(choice, "measured now in " + millis + " ms"));
            remember(key, choice);
        }
        plans.put(shape, plan);
        return plan;
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

    /** Whether a choice made without timings (no candidate compiled in time) is a day old: then it is measured again. */
    private static boolean stale(KernelChoice choice) {
        if (!choice.micros().isEmpty()) {
            return false;
        }
        try {
            return Instant.parse(choice.measuredAt()).isBefore(Instant.now().minus(1, ChronoUnit.DAYS));
        } catch (RuntimeException unreadable) {
            return true;
        }
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

    private static String describe(KernelChoice choice, String source) {
        StringBuilder out = new StringBuilder(choice.plan());
        out.append(String.format(Locale.ROOT, " %.1f us (%s; timed on %s:", choice.chosenMicros(), source, choice.shape()));
        choice.micros().entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> out.append(String.format(Locale.ROOT, " %s %.1f", e.getKey(), e.getValue())));
        return out.append(')').toString();
    }

    /** The kernels' plans that this backend used so far, with their timings: for the run's record. */
    String describe() {
        if (record.isEmpty()) {
            return "kernels " + setting + (pinned == null && !fallbackOnly ? " (none measured or looked up yet)" : "");
        }
        StringBuilder out = new StringBuilder("kernels ").append(setting).append(" on ").append(machine).append(':');
        record.forEach((shape, what) -> out.append(" [").append(shape).append(": ").append(what).append(']'));
        return out.toString();
    }

    /** The plans remembered for this machine (for the warm-up to compile), or every candidate's kernel when none. */
    List<MicroKernel> kernelsToCompile() {
        if (pinned != null) {
            return List.of(pinned.kernel());
        }
        if (fallbackOnly) {
            return List.of(KernelPlan.fallback(maxThreads, Long.MAX_VALUE).kernel());
        }
        if (remembered == null) {
            remembered = cache.read(machine);
        }
        if (remembered.isEmpty()) {
            return KernelPlan.kernels();
        }
        Map<String, MicroKernel> out = new LinkedHashMap<>();
        for (KernelChoice choice : remembered.values()) {
            KernelPlan plan = known(choice.plan());
            if (plan != null) {
                out.putIfAbsent(plan.kernel().getClass().getName(), plan.kernel());
            }
        }
        return List.copyOf(out.values());
    }
}
