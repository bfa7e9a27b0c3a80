package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The long-lived runtime over a few hundred runs, with a plugin replaced and removed between them:
 * its heap after a full GC, its thread count and the number of the plugin's class loaders still
 * alive stay flat. Prints the figures.
 */
class SoakIT {
    static final int RUNS = 160;
    static final Path GRADIENTS = WorkbenchRuntimeIT.EXPERIMENTS.resolve("p3-2-gradients-inline.json");

    @TempDir
    Path work;

    @Test
    void heapThreadsAndClassLoadersStayFlat() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        PluginJars.drop(FaultyPlugin.build(work, "1.0.0"), plugins, "faulty.jar");
        try (Launcher launcher = Launcher.start(WorkbenchRuntimeIT.HOME, plugins, false);
                ServiceWaiter faulty = new ServiceWaiter(launcher.framework().getBundleContext(),
                        "(&(objectClass=org.workbench.api.Provider)(workbench.name=faulty))")) {
            faulty.await(refs -> refs.size() == 1, 10_000, "the faulty prior");
            Path out = work.resolve("results");
            Path faultyRun = FaultsIT.descriptorIn(work, "ok", "");
            List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
            int version = 0;
            long[] baseline = null;
            for (int i = 0; i < RUNS; i++) {
                if (i == 20) {
                    baseline = measure();
                }
                if (i % 40 == 39) {
                    if (version % 2 == 0) {
                        Files.delete(plugins.resolve("faulty.jar"));
                        faulty.await(List::isEmpty, 10_000, "the faulty prior removed");
                    }
                    version++;
                    String v = "1.0." + version;
                    PluginJars.drop(FaultyPlugin.build(work, v), plugins, "faulty.jar");
                    // a reference whose service went away between the lookup and this check has no bundle
                    faulty.await(refs -> refs.size() == 1 && refs.get(0).getBundle() != null
                            && refs.get(0).getBundle().getVersion().toString().equals(v), 10_000, "faulty " + v);
                }
                ClassLoader current = loaderOf(launcher);
                if (loaders.stream().noneMatch(r -> r.get() == current)) {
                    loaders.add(new WeakReference<>(current));
                }
                Path file = i % 20 == 0 ? faultyRun : GRADIENTS;
                WorkbenchRuntimeIT.Outcome o = PluginsIT.executeOn(launcher, "run", file.toString(), "--out",
                        out.resolve("r" + (i % 4)).toString(), "--quiet");
                assertEquals(0, o.status(), "run " + i + ": " + o.err());
            }
            long[] end = measure();
            long alive = aliveAfterCollecting(loaders);
            System.out.printf("soak: %d runs, %d plugin versions: heap after GC %.1f MB -> %.1f MB, threads %d -> %d, "
                    + "faulty class loaders alive %d of %d%n", RUNS, version + 1, baseline[0] / 1e6, end[0] / 1e6,
                    baseline[1], end[1], alive, loaders.size());
            assertTrue(end[0] < baseline[0] + 64_000_000L, "heap grew from " + baseline[0] + " to " + end[0]);
            assertTrue(end[1] <= baseline[1] + 4, "threads grew from " + baseline[1] + " to " + end[1]);
            assertTrue(alive <= 2, () -> alive + " class loaders of the faulty plugin are still alive: " + holders(launcher, loaders)
                    + leakDump());
        }
    }

    /**
     * Writes the heap (live objects) to {@code target/soak-leak.hprof} for tracing what holds a loader (its
     * paths from the GC roots, with any heap analyser); says where, or why it could not.
     */
    static String leakDump() {
        Path file = Path.of("target", "soak-leak.hprof").toAbsolutePath();
        try {
            Files.deleteIfExists(file);
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
            return "; the heap is in " + file;
        } catch (java.io.IOException | RuntimeException e) {
            return "; no heap dump: " + e;
        }
    }

    /** Each loader still alive: its bundle's version and state, whether removal is pending, and threads using it. */
    static String holders(Launcher launcher, List<WeakReference<ClassLoader>> loaders) {
        org.osgi.framework.wiring.FrameworkWiring fw = launcher.framework().adapt(org.osgi.framework.wiring.FrameworkWiring.class);
        java.util.Collection<Bundle> pending = fw.getRemovalPendingBundles();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < loaders.size(); i++) {
            ClassLoader l = loaders.get(i).get();
            if (l == null) {
                continue;
            }
            out.append("[loader ").append(i);
            if (l instanceof org.osgi.framework.BundleReference br && br.getBundle() != null) {
                Bundle b = br.getBundle();
                out.append(" bundle ").append(b.getBundleId()).append(' ').append(b.getVersion()).append(" state ").append(b.getState())
                        .append(pending.contains(b) ? " removal pending" : "");
                org.osgi.framework.wiring.BundleRevisions revs = b.adapt(org.osgi.framework.wiring.BundleRevisions.class);
                for (org.osgi.framework.wiring.BundleRevision r : revs == null ? List.<org.osgi.framework.wiring.BundleRevision>of() : revs.getRevisions()) {
                    org.osgi.framework.wiring.BundleWiring w = r.getWiring();
                    if (w != null && w.getClassLoader() == l) {
                        out.append(" revision ").append(r.getVersion()).append(w.isCurrent() ? " current" : " old")
                                .append(w.isInUse() ? " in use" : "");
                    }
                }
            }
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getContextClassLoader() == l) {
                    out.append(" tccl-of ").append(t.getName());
                }
            }
            out.append("] ");
        }
        return out.toString();
    }

    static ClassLoader loaderOf(Launcher launcher) {
        for (Bundle b : launcher.framework().getBundleContext().getBundles()) {
            if ("test.faulty".equals(b.getSymbolicName())) {
                BundleWiring w = b.adapt(BundleWiring.class);
                return w == null ? null : w.getClassLoader();
            }
        }
        return null;
    }

    /**
     * How many of {@code loaders} are still reachable, collected and counted again for up to ten
     * seconds while more than two are alive: the bundle replaced just before the last run is
     * refreshed away by the framework asynchronously, and one count right after the runs found three
     * alive once in a full suite (CI) where this test alone finds one. A loader that stays reachable
     * for ten seconds of collections is a leak all the same.
     */
    static long aliveAfterCollecting(List<WeakReference<ClassLoader>> loaders) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            long alive = loaders.stream().map(WeakReference::get).filter(l -> l != null).count();
            if (alive <= 2 || System.nanoTime() > deadline) {
                return alive;
            }
            Thread.sleep(200);
            measure();
        }
    }

    /** Heap used after full collections, and live threads. */
    static long[] measure() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return new long[] {memory.getHeapMemoryUsage().getUsed(), ManagementFactory.getThreadMXBean().getThreadCount()};
    }
}
