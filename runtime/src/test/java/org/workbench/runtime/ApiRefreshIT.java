package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Updating the API bundle, which every plugin imports, refreshes exactly its dependents: bundles
 * that do not import it (Gson, EJML, XChart, SCR...) are never stopped, and the engine serves
 * commands again afterwards.
 */
class ApiRefreshIT {
    @TempDir
    Path work;

    @Test
    void updatingTheApiRefreshesOnlyItsDependents() throws Exception {
        try (Launcher launcher = Launcher.start(WorkbenchRuntimeIT.HOME, work.resolve("plugins"), false)) {
            BundleContext context = launcher.framework().getBundleContext();
            Bundle api = List.of(context.getBundles()).stream()
                    .filter(b -> "org.workbench.api".equals(b.getSymbolicName())).findFirst().orElseThrow();
            FrameworkWiring wiring = launcher.framework().adapt(FrameworkWiring.class);
            Collection<Bundle> closure = wiring.getDependencyClosure(List.of(api));
            Set<String> stopped = ConcurrentHashMap.newKeySet();
            // synchronous: called while the refresh stops each bundle, so every STOPPED is in by the time
            // PACKAGES_REFRESHED arrives (an ordinary listener hears of them later, on Felix's event thread)
            SynchronousBundleListener listener = event -> {
                if (event.getType() == BundleEvent.STOPPED) {
                    stopped.add(event.getBundle().getSymbolicName());
                }
            };
            context.addBundleListener(listener);
            api.update();
            CountDownLatch refreshed = new CountDownLatch(1);
            wiring.refreshBundles(List.of(api), event -> {
                if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                    refreshed.countDown();
                }
            });
            assertTrue(refreshed.await(30, TimeUnit.SECONDS), "refresh did not complete");
            context.removeBundleListener(listener);

            Set<String> dependents = closure.stream().map(Bundle::getSymbolicName).collect(Collectors.toSet());
            assertTrue(dependents.contains("org.workbench.engine") && dependents.contains("org.workbench.prior-gaussian"),
                    dependents.toString());
            assertEquals(dependents, stopped.stream().filter(dependents::contains).collect(Collectors.toSet()));
            for (String untouched : List.of("com.google.gson", "org.workbench.lib-ejml", "org.workbench.lib-xchart",
                    "org.apache.felix.scr")) {
                assertFalse(stopped.contains(untouched), untouched + " was stopped by the refresh");
                assertFalse(dependents.contains(untouched), untouched + " depends on the API?");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = launcher.execute(new String[] {"list"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertEquals(0, status);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("gaussian-mean"));
        }
    }
}
