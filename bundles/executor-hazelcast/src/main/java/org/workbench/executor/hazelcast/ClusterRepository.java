package org.workbench.executor.hazelcast;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.workbench.api.execution.BundlePin;
import org.workbench.api.execution.RepositorySource;
import org.workbench.api.execution.Unit;
import org.workbench.api.execution.UnitRunner;

/**
 * The coordinator's repository of its units' pinned jars, passed through the cluster's map
 * {@value ClusterSettings#REPOSITORY}: the runner's R5 index, kept under a key naming the unit's
 * pins (so each unit reads an index of its own pins), and the jars it names under their paths. A
 * member reads it as a {@link RepositorySource}; the engine checks the index against the pins and
 * the jars against the index (a member may have written anything into the map).
 */
final class ClusterRepository implements RepositorySource {
    private final Function<String, Object> map;
    private final List<BundlePin> pins;

    /**
     * @param map  reads the cluster's map
     * @param pins the pins of the unit the member runs
     */
    ClusterRepository(Function<String, Object> map, List<BundlePin> pins) {
        this.map = map;
        this.pins = pins;
    }

    @Override
    public Optional<byte[]> file(String path) {
        String key = INDEX.equals(path) ? indexKey(pins) : path;
        if (!INDEX.equals(path) && (path.contains("/") || path.contains("\\") || path.startsWith("index/"))) {
            return Optional.empty();
        }
        return map.apply(key) instanceof byte[] bytes ? Optional.of(bytes) : Optional.empty();
    }

    /** The map key of the index of {@code pins}: their SHA-256 over names, versions and hashes. */
    static String indexKey(Collection<BundlePin> pins) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(UnitCall.pins(List.copyOf(pins)).getBytes(StandardCharsets.UTF_8));
            return "index/" + HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * Writes the runner's repository of every pin of {@code units} into {@code map}: the index under
     * each unit's key, a jar only when the map lacks its path.
     *
     * @return whether there was one (a runner that serves no jars has none, and members that lack a
     *         bundle say so)
     */
    static boolean offer(Map<String, byte[]> map, UnitRunner runner, List<Unit> units) throws Exception {
        Set<BundlePin> all = new LinkedHashSet<>();
        units.forEach(u -> all.addAll(u.bundles()));
        Map<String, byte[]> files = runner.repository(all);
        byte[] index = files.get(INDEX);
        if (index == null) {
            return false;
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (!f.getKey().equals(INDEX) && !map.containsKey(f.getKey())) {
                map.put(f.getKey(), f.getValue());
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        units.forEach(u -> keys.add(indexKey(u.bundles())));
        for (String key : keys) {
            map.put(key, index);
        }
        return true;
    }
}
