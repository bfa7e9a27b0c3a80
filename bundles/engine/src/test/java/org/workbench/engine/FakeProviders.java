package org.workbench.engine;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Version;
import org.workbench.api.ComponentContext;
import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Plot;
import org.workbench.api.Provider;
import org.workbench.api.Role;
import org.workbench.api.Task;
import org.workbench.api.TaskContext;
import org.workbench.api.TaskProvider;
import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.catalog.ProviderSource;

/** Small providers for engine tests, served without a framework. */
final class FakeProviders implements ProviderSource {
    private final List<ProviderEntry> entries = new ArrayList<>();

    FakeProviders() {
        add(Kinds.TASK, "sum", "1.0.0", new SumTaskProvider());
        add(Kinds.DATA, "values", "1.0.0", new ValuesProvider(1.0));
        add(Kinds.DATA, "values", "1.2.0", new ValuesProvider(10.0));
        add(Kinds.DATA, "values", "2.0.0", new ValuesProvider(100.0));
    }

    FakeProviders add(String kind, String name, String version, Provider<?> provider) {
        entries.add(ProviderEntry.of(kind, name, "", Version.parseVersion(version), "test." + name, 0, provider));
        return this;
    }

    /** A registered provider whose component cannot be activated (its service object is null). */
    FakeProviders addBroken(String kind, String name, String version) {
        entries.add(new ProviderEntry(kind, name, "", Version.parseVersion(version), "test.broken." + name, 0, () -> null));
        return this;
    }

    @Override
    public List<ProviderEntry> entries() {
        return List.copyOf(entries);
    }

    /** data 'values': the given values times the provider's scale, plus a random draw when noise > 0. */
    static class ValuesProvider implements Provider<DataSource> {
        private final double scale;

        ValuesProvider(double scale) {
            this.scale = scale;
        }

        @Override
        public Class<DataSource> type() {
            return DataSource.class;
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(Parameter.vector("values", "the values"),
                    Parameter.number("noise", "stddev of added noise").withDefault(0.0).atLeast(0),
                    Parameter.integer("n", "a count that sweeps vary").withDefault(1).atLeast(1),
                    Parameter.bool("shareAcrossN", "draw the noise from the seed shared across n").withDefault(false),
                    Parameter.bool("record", "keep the drawn values as a generated input").withDefault(false));
        }

        @Override
        public DataSource create(Parameters p, ComponentContext context) {
            double[] v = p.vector("values");
            double noise = p.number("noise");
            long n = p.integer("n");
            long seed = p.bool("shareAcrossN") ? context.seedAcross("n") : context.seed();
            if (p.bool("record")) {
                var random = new java.util.SplittableRandom(seed);
                double[] drawn = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    drawn[i] = v[i] * scale * n + noise * random.nextGaussian();
                }
                context.generated("draws", List.of("value"), v.length, (row, column) -> drawn[row]);
            }
            return () -> {
                var random = new java.util.SplittableRandom(seed);
                double[] out = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    out[i] = v[i] * scale * n + noise * random.nextGaussian();
                }
                return Dataset.values(out);
            };
        }
    }

    /** Misbehaves as a careless plugin would: hangs (interruptibly or not), recurses without end, or computes NaN. */
    static void misbehave(String how, TaskContext c) throws InterruptedException {
        switch (how) {
            case "sleep" -> Thread.sleep(Long.MAX_VALUE);
            case "spin" -> {
                long x = 0;
                while (x >= 0) {
                    x = x * 31 + 1 | 1;
                    x &= Long.MAX_VALUE;
                }
            }
            case "report" -> reportForever(c);
            case "recurse" -> recurse(0);
            case "nan" -> c.results().put("posterior.mean", 0.0 / 0.0);
            default -> {
            }
        }
    }

    /** How the last "report" loop ended: the exception that left it. */
    static volatile Throwable reportLoopEnd;
    /** Whether a "report" loop has made its first report. */
    static volatile boolean reportLoopRunning;

    /** A training loop's shape: computes and reports progress, and never waits on anything interruptible. */
    private static void reportForever(TaskContext c) {
        try (org.workbench.api.Progress progress = c.progress("loop", Long.MAX_VALUE)) {
            long x = 1;
            for (long step = 1; x != 0; step++) {
                for (int i = 0; i < 10_000; i++) {
                    x = x * 31 + 1 | 1;
                }
                progress.update(step, "x " + (x & 0xff));
                reportLoopRunning = true;
            }
        } catch (RuntimeException | Error e) {
            reportLoopEnd = e;
            throw e;
        }
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    /** task 'sum': sums the data, times a factor; fails on request; draws a plot when asked. */
    static class SumTaskProvider implements TaskProvider {
        @Override
        public List<Role<?>> roles() {
            return List.of(Role.one("data", Kinds.DATA, DataSource.class));
        }

        @Override
        public java.util.Map<String, String> resultKeyDescriptions() {
            return java.util.Map.of("sum", "the sum of the data's values times factor");
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(Parameter.number("factor", "multiplies the sum").withDefault(1.0),
                    Parameter.bool("fail", "throw during the run").withDefault(false),
                    Parameter.bool("plot", "draw a plot").withDefault(false),
                    Parameter.bool("logPlot", "draw a plot on a logarithmic x axis from x = 0").withDefault(false),
                    Parameter.string("failWhile", "throw while this file exists").withDefault(""),
                    Parameter.string("misbehave", "how to misbehave").withDefault("no")
                            .oneOf("no", "sleep", "spin", "report", "recurse", "nan"));
        }

        @Override
        public Task create(Parameters p, ComponentContext context) {
            return new Task() {
                @Override
                public void run(TaskContext c) throws Exception {
                    if (p.bool("fail")) {
                        throw new IllegalStateException("asked to fail");
                    }
                    if (!p.string("failWhile").isEmpty() && java.nio.file.Files.exists(java.nio.file.Path.of(p.string("failWhile")))) {
                        throw new IllegalStateException("failing while " + p.string("failWhile") + " exists");
                    }
                    misbehave(p.string("misbehave"), c);
                    double[] x = c.component("data", DataSource.class).load().targets();
                    double sum = 0;
                    for (double v : x) {
                        sum += v;
                    }
                    c.results().put("sum", sum * p.number("factor"));
                    c.results().put("taskDraw", c.random().nextDouble());
                    c.results().undefined("ratio", "nothing to divide");
                    for (int k = 1; k <= 3; k++) {
                        c.results().append("steps", new org.workbench.api.ResultTree().put("step", (long) k)
                                .put("value", sum * k));
                    }
                    if (p.bool("logPlot")) {
                        c.plot(Plot.builder("log-values").xLabel("n").logX(true)
                                .line("sum", new double[] {0, 1, 2}, new double[] {sum, sum, sum}).build());
                    }
                    if (p.bool("plot")) {
                        c.plot(Plot.builder("values").title("The sum").line("x", new double[] {0, 1}, new double[] {sum, sum}).build());
                    }
                }
            };
        }
    }
}
