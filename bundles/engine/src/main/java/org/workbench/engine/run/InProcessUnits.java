package org.workbench.engine.run;

import org.workbench.engine.catalog.BundleJars;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import org.workbench.api.execution.BundlePin;
import org.workbench.api.execution.Executor;
import org.workbench.api.execution.JarSource;
import org.workbench.api.execution.Unit;
import org.workbench.api.execution.UnitRunner;

/**
 * The coordinator's runner: computes a unit in this JVM from the live objects registered under its
 * id (no serialisation), and serves the repository of the bundles it pins to members that lack them.
 */
final class InProcessUnits implements UnitRunner {
    private final Map<String, Callable<String>> work = new ConcurrentHashMap<>();
    private final BundleJars jars;

    InProcessUnits(BundleJars jars) {
        this.jars = jars;
    }

    void register(Unit unit, Callable<String> callable) {
        work.put(unit.id(), callable);
    }

    @Override
    public String run(Unit unit, JarSource source, Executor here) throws Exception {
        Callable<String> c = work.remove(unit.id());
        if (c == null) {
            throw new IllegalStateException("no in-process work for unit " + unit.id());
        }
        return c.call();
    }

    @Override
    public Optional<byte[]> jar(BundlePin pin) throws Exception {
        return jars.jar(pin);
    }

    @Override
    public Map<String, byte[]> repository(Collection<BundlePin> pins) throws Exception {
        return jars.repository(pins);
    }

    @Override
    public Optional<String> sha256(BundlePin pin) {
        return jars.sha256(pin);
    }
}
