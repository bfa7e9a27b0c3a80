package org.workbench.executor.hazelcast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.workbench.api.execution.BundlePin;
import org.workbench.api.execution.RepositorySource;
import org.workbench.api.execution.Unit;
import org.workbench.api.execution.UnitRunner;

/**
 * The coordinator's repository in the cluster's map: each unit reads the index under the key of its
 * own pins, jars by their path and nothing else; the coordinator never overwrites a jar already in
 * the map (the member checks whatever it reads), and offers nothing when its runner has no repository.
 */
class ClusterRepositoryTest {
    private static final BundlePin A = new BundlePin("org.example.a", "1.0.0", "aa".repeat(32));
    private static final BundlePin B = new BundlePin("org.example.b", "2.0.0", "bb".repeat(32));
    private static final byte[] INDEX = "<repository/>".getBytes(StandardCharsets.UTF_8);

    /** A runner whose repository holds the index and one jar per pin, named by its SHA-256. */
    private static UnitRunner runner(Map<String, Collection<BundlePin>> asked) {
        return new UnitRunner() {
            @Override
            public String run(Unit unit, org.workbench.api.execution.JarSource jars,
                    org.workbench.api.execution.Executor here) {
                return "{}";
            }

            @Override
            public Map<String, byte[]> repository(Collection<BundlePin> pins) {
                asked.put("pins", pins);
                Map<String, byte[]> files = new LinkedHashMap<>();
                files.put(RepositorySource.INDEX, INDEX);
                pins.forEach(p -> files.put(p.sha256() + ".jar", p.symbolicName().getBytes(StandardCharsets.UTF_8)));
                return files;
            }
        };
    }

    @Test
    void eachUnitReadsTheIndexOfItsPinsAndTheJarsItNames() throws Exception {
        Map<String, byte[]> map = new HashMap<>();
        Map<String, Collection<BundlePin>> asked = new HashMap<>();
        Unit one = new Unit("point/0", "{}", List.of(A));
        Unit both = new Unit("point/1", "{}", List.of(A, B));
        assertTrue(ClusterRepository.offer(map, runner(asked), List.of(one, both)));
        assertEquals(List.of(A, B), List.copyOf(asked.get("pins")), "one repository of every unit's pins");

        ClusterRepository forBoth = new ClusterRepository(map::get, both.bundles());
        assertArrayEquals(INDEX, forBoth.file(RepositorySource.INDEX).orElseThrow());
        assertArrayEquals("org.example.b".getBytes(StandardCharsets.UTF_8), forBoth.file(B.sha256() + ".jar").orElseThrow());
        assertEquals(Optional.empty(), forBoth.jar(B), "no jar by its pin alone: only through the index");
        assertEquals(Optional.empty(), forBoth.file("../" + B.sha256() + ".jar"));
        assertEquals(Optional.empty(), forBoth.file(ClusterRepository.indexKey(one.bundles())), "no other unit's index by key");

        ClusterRepository other = new ClusterRepository(map::get, List.of(B));
        assertEquals(Optional.empty(), other.file(RepositorySource.INDEX), "no index was offered for these pins");
        assertNotEquals(ClusterRepository.indexKey(List.of(A)), ClusterRepository.indexKey(List.of(A, B)));
    }

    @Test
    void aJarAlreadyInTheMapIsLeftForTheMemberToCheck() throws Exception {
        Map<String, byte[]> map = new HashMap<>();
        byte[] there = "whatever another member wrote".getBytes(StandardCharsets.UTF_8);
        map.put(A.sha256() + ".jar", there);
        ClusterRepository.offer(map, runner(new HashMap<>()), List.of(new Unit("point/0", "{}", List.of(A))));
        assertArrayEquals(there, map.get(A.sha256() + ".jar"));
    }

    @Test
    void aRunnerWithoutARepositoryOffersNothing() throws Exception {
        UnitRunner none = (unit, jars, here) -> "{}";
        Map<String, byte[]> map = new HashMap<>();
        assertFalse(ClusterRepository.offer(map, none, List.of(new Unit("point/0", "{}", List.of(A)))));
        assertTrue(map.isEmpty());
    }
}
