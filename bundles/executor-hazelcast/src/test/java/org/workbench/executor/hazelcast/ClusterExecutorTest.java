package org.workbench.executor.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.workbench.api.execution.BundlePin;
import org.workbench.api.execution.Executor;
import org.workbench.api.execution.MissingBundleException;
import org.workbench.api.execution.Unit;
import org.workbench.api.execution.UnitCallback;
import org.workbench.api.execution.UnitRunner;

/**
 * Two members and a coordinator in this JVM on 127.0.0.1: every unit is answered once, spread over
 * both members, and a unit that one member refuses (it lacks a pinned bundle) runs on the other;
 * a unit that every member refuses fails naming them.
 */
class ClusterExecutorTest {
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }

    /** Answers "id@member", and refuses the units whose id is in {@code refuses}. */
    private static UnitRunner runner(String name, List<String> refuses) {
        return (unit, jars, here) -> {
            if (refuses.contains(unit.id())) {
                throw new MissingBundleException(new BundlePin("b", "1.0.0", ""), name + " lacks bundle b 1.0.0");
            }
            return unit.id() + "@" + name;
        };
    }

    @Test
    void unitsSpreadOverMembersAndARefusedUnitRunsElsewhere() throws Exception {
        String cluster = "test-" + UUID.randomUUID();
        int first = freePort();
        ClusterSettings one = new ClusterSettings(cluster, List.of(), first, "127.0.0.1", 2, 20, true);
        ClusterExecutor a = new ClusterExecutor(one);
        ClusterExecutor b = new ClusterExecutor(new ClusterSettings(cluster, List.of("127.0.0.1:" + first), freePort(),
                "127.0.0.1", 2, 20, true));
        String addressA = a.serve(runner("a", List.of("refused-by-a", "refused-by-all")));
        String addressB = b.serve(runner("b", List.of("refused-by-all")));
        try (Executor coordinator = new ClusterExecutor(new ClusterSettings(cluster, List.of(addressA, addressB), 0,
                "127.0.0.1", 1, 20, true))) {
            Map<String, String> finished = new ConcurrentHashMap<>();
            Map<String, String> failed = new ConcurrentHashMap<>();
            List<Unit> units = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                units.add(new Unit("u" + i, "{}", List.of()));
            }
            units.add(new Unit("refused-by-a", "{}", List.of()));
            units.add(new Unit("refused-by-all", "{}", List.of()));
            coordinator.execute(units, (unit, jars, here) -> {
                throw new AssertionError("the coordinator runs nothing itself");
            }, new UnitCallback() {
                @Override
                public void finished(Unit unit, String result, String member) {
                    assertTrue(finished.put(unit.id(), result + " " + member) == null, "answered twice: " + unit.id());
                }

                @Override
                public void failed(Unit unit, String reason, String member) {
                    failed.put(unit.id(), reason);
                }
            });
            assertEquals(13, finished.size(), failed.toString());
            assertEquals("refused-by-a@b " + addressB, finished.get("refused-by-a"));
            assertTrue(finished.values().stream().anyMatch(v -> v.contains("@a ")), finished.toString());
            assertTrue(finished.values().stream().anyMatch(v -> v.contains("@b ")), finished.toString());
            String reason = failed.get("refused-by-all");
            assertTrue(reason.contains("no member can run it") && reason.contains("a lacks bundle")
                    && reason.contains("b lacks bundle"), reason);
        } finally {
            a.close();
            b.close();
        }
    }
}
