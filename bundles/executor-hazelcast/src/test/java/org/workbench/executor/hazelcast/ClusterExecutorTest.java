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

    /** Collects what a coordinator reports. */
    private static final class Outcomes implements UnitCallback {
        final Map<String, String> finished = new ConcurrentHashMap<>();
        final Map<String, String> failed = new ConcurrentHashMap<>();

        @Override
        public void finished(Unit unit, String result, String member) {
            assertTrue(finished.put(unit.id(), result + " " + member) == null, "answered twice: " + unit.id());
        }

        @Override
        public void failed(Unit unit, String reason, String member) {
            failed.put(unit.id(), reason);
        }
    }

    @Test
    void withASecretATamperedMemberRunsNothingAndARogueGetsRefusals() throws Exception {
        String cluster = "trust-" + UUID.randomUUID();
        Envelope secret = Envelope.of("the cluster's secret, 32 bytes.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        BundlePin pin = new BundlePin("org.workbench.prior-gaussian", "1.0.0", "ab".repeat(32));
        BundleHashes honest = p -> java.util.Optional.of(p.sha256());
        BundleHashes tampered = p -> java.util.Optional.of("cd".repeat(32));
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(said, true));
        int first = freePort();
        ClusterExecutor a = new ClusterExecutor(new ClusterSettings(cluster, List.of(), first, "127.0.0.1", 2, 20, true)
                .trusting(secret, honest));
        ClusterExecutor t = new ClusterExecutor(new ClusterSettings(cluster, List.of("127.0.0.1:" + first), freePort(),
                "127.0.0.1", 2, 20, true).trusting(secret, tampered));
        java.util.Set<String> ran = ConcurrentHashMap.newKeySet();
        UnitRunner marking = (unit, jars, here) -> {
            ran.add(unit.id());
            return unit.id();
        };
        String addressA = a.serve(marking);
        String addressT = t.serve((unit, jars, here) -> {
            throw new AssertionError("the tampered member ran " + unit.id());
        });
        try {
            List<Unit> units = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                units.add(new Unit("point/" + i, "{}", List.of(pin)));
            }
            Outcomes honestRun = new Outcomes();
            try (Executor coordinator = new ClusterExecutor(new ClusterSettings(cluster, List.of(addressA, addressT), 0,
                    "127.0.0.1", 1, 20, true).trusting(secret, honest))) {
                coordinator.execute(units, marking, honestRun);
            }
            assertEquals(8, honestRun.finished.size(), honestRun.failed.toString());
            assertTrue(honestRun.finished.values().stream().allMatch(v -> v.endsWith(" " + addressA)),
                    honestRun.finished.toString());
            String notes = said.toString();
            assertTrue(notes.contains("cluster: member " + addressT + " refused unit")
                    && notes.contains("org.workbench.prior-gaussian 1.0.0 differs"), notes);

            ran.clear();
            Outcomes rogueRun = new Outcomes();
            try (Executor rogue = new ClusterExecutor(new ClusterSettings(secret.clusterName(cluster),
                    List.of(addressA, addressT), 0, "127.0.0.1", 1, 5, true).trusting(Envelope.NONE, honest))) {
                rogue.execute(units.subList(0, 2), marking, rogueRun);
            }
            assertEquals(Map.of(), rogueRun.finished);
            assertEquals(2, rogueRun.failed.size());
            assertTrue(rogueRun.failed.get("point/0").contains("not signed with this cluster's secret"),
                    rogueRun.failed.toString());
            assertEquals(java.util.Set.of(), ran, "no member ran a rogue's unit");
        } finally {
            System.setErr(err);
            a.close();
            t.close();
        }
    }
}
