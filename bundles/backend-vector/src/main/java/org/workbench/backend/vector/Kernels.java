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
import org.workbench.backend.vector.cache.RunChoice;

/**
 * Which {@link KernelPlan} each float product of one backend runs. In the default mode ({@value #ENV}
 * unset or {@code auto}) a product of at least {@link #MEASURED_FROM} multiply-adds runs the plan that
 * the set of plans chosen for this machine ({@link MachineKey}) and thread count gives its
 * {@link ShapeClass} ({@link RunChoice}, chosen by {@code ./workbench kernels --measure} on a run's
 * products in training order, {@link KernelMeasurement}); where none was chosen, the set chosen is the
 * built-in one, or the set names no plan for the class, the product runs the built-in plan. A class
 * met without any measurement is noted in the cache. Under {@value #MEASURE} the first product of every
 * class times the candidates alone now ({@link KernelPlanner}) and runs the fastest. Smaller products,
 * and every product under {@code WORKBENCH_KERNEL=fallback}, run the built-in plan;
 * {@code WORKBENCH_KERNEL=<plan>} (e.g. {@code 512b-12x2-t1}) pins every product to one plan, for
 * reproducible checks (results are the same bits under every plan: this pins the time, not the
 * numbers). The setting is {@link #describe}d for the run's record, and what each class ran, where it
 * came from and the timings in {@link #details}. One backend's, used by one caller at a time.
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
    /** The set of plans chosen for runs here, once looked up; {@link #runLookedUp} says whether it was. */
    private RunChoice run;
    private boolean runLookedUp;

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
        if (!measuring) {
            plan = chosen(key, choice, m, n, k);
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
                record.put(key, new Choice(plan.id(), "measured alone now in " + millis + " ms", micros));
                remember(key, choice);
            }
        }
        plans.put(shape, plan);
        return plan;
    }

    /**
     * Under {@code auto}: the plan the set chosen for runs here gives the class {@code key}, or the built-in
     * plan (where no set was chosen, the built-in set was, or the set names no plan for the class), recorded
     * with where it came from and the class's candidates timed alone, if any; a class never met before is
     * noted in the cache for {@code kernels --measure}.
     */
    private KernelPlan chosen(String key, KernelChoice choice, int m, int n, int k) {
        Map<String, Double> alone = choice == null ? Map.of() : choice.micros();
        RunChoice set = runChoice();
        RunChoice.Candidate chosenSet = set == null ? null : set.chosenSet();
        String id = chosenSet == null || set.chosen().equals(RunChoice.BUILT_IN) ? null : chosenSet.plans().get(key);
        KernelPlan plan = id == null ? null : known(id);
        if (plan != null) {
            record.put(key, new Choice(plan.id(), "set '" + set.chosen() + "', chosen on a run's products " + set.measuredAt(), alone));
            return plan;
        }
        plan = KernelPlan.fallback(maxThreads, (long) m * n * k);
        String source;
        if (set == null) {
            source = "built in, not measured here yet";
        } else if (set.chosen().equals(RunChoice.BUILT_IN)) {
            source = "built in, kept by the measurement on a run's products " + set.measuredAt();
        } else {
            source = "built in: the set '" + set.chosen() + "' chosen " + set.measuredAt() + " names no plan for it";
        }
        record.put(key, new Choice(plan.id(), source, alone));
        if (choice == null) {
            remember(key, new KernelChoice(plan.id(), Map.of(), m + "x" + n + "x" + k, now()));
        }
        return plan;
    }

    /** The set of plans chosen for runs on this machine and thread count, or null (looked up once). */
    private RunChoice runChoice() {
        if (!runLookedUp) {
            run = cache.run(machine, maxThreads);
            runLookedUp = true;
        }
        return run;
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

    /** The kernel setting, for the run's record ({@code kernels auto}, {@code kernels fallback}, {@code kernels 512b-12x2-t1}). */
    String describe() {
        return "kernels " + setting;
    }

    /** Each shape class met so far, its plan and where it came from, e.g. {@code ab^T 256x256x1024 on 2 threads 512b-12x2-t2 (...)}. */
    String classesMeasured() {
        StringBuilder out = new StringBuilder();
        String separator = "";
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
        RunChoice set = pinned == null && !fallbackOnly && !measuring && !record.isEmpty() ? runChoice() : null;
        if (set != null) {
            ResultTree r = new ResultTree().put("chosen", set.chosen()).put("measuredAt", set.measuredAt()).put("margin", set.margin());
            for (RunChoice.Candidate c : set.candidates()) {
                r.append("candidates", new ResultTree().put("set", c.name()).put("runMillis", round(c.runMillis()))
                        .put("epochMillis", round(c.epochMillis())).put("compileMillis", round(c.compileMillis()))
                        .put("kernels", String.join(" ", c.kernels())));
            }
            out.put("run", r);
        }
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

    private static double round(double millis) {
        return Math.round(millis * 10) / 10.0;
    }

    /** One shape class's plan in this backend, where it came from and the candidates' times (empty: none timed). */
    private record Choice(String plan, String source, Map<String, Double> micros) {
    }

    /**
     * The kernels this backend's products will run, for the warm-up to compile: a pinned plan's, or the
     * plans' of the set chosen for runs on this machine and the built-in plan's; under {@code measure},
     * every candidate's.
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
        Map<String, MicroKernel> out = new LinkedHashMap<>();
        RunChoice set = runChoice();
        RunChoice.Candidate chosenSet = set == null || set.chosen().equals(RunChoice.BUILT_IN) ? null : set.chosenSet();
        if (chosenSet != null) {
            for (String id : chosenSet.plans().values()) {
                KernelPlan plan = known(id);
                if (plan != null) {
                    out.putIfAbsent(plan.kernel().getClass().getName(), plan.kernel());
                }
            }
        }
        // the built-in kernel too: the products below MEASURED_FROM and the classes the set does not name run it
        out.putIfAbsent(builtIn.getClass().getName(), builtIn);
        return List.copyOf(out.values());
    }
}
