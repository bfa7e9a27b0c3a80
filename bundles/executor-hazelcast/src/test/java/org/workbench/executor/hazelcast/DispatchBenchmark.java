package org.workbench.executor.hazelcast;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.workbench.api.execution.BundlePin;
import org.workbench.api.execution.Unit;
import org.workbench.api.execution.UnitCallback;
import org.workbench.api.execution.UnitRunner;

/**
 * The cost per unit of going through the cluster, without the unit's own work: a coordinator and
 * one worker member (separate Hazelcast instances talking over 127.0.0.1) exchange units whose
 * payload and answer have the sizes of a real p1 point (3 KB out, 60 KB back with its plots) and
 * of a 2.5 replication (3 KB out, 0.1 KB back), one at a time (1 slot) and with 2 slots; the
 * member's runner answers at once; each without a secret and with one (the cost of authentication:
 * the HMAC-SHA256 of the unit and of the answer, the nonce, the member's pin check and the
 * coordinator's answer check). Prints microseconds per unit. Not a test.
 *
 * <pre>mvn -q -o -f bundles/executor-hazelcast/pom.xml test-compile exec:java \
 *   -Dexec.mainClass=org.workbench.executor.hazelcast.DispatchBenchmark -Dexec.classpathScope=test</pre>
 */
public final class DispatchBenchmark {
    private DispatchBenchmark() {
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }

    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        String payload = "{\"kind\":\"point\",\"descriptor\":" + "x".repeat(3000) + "}";
        List<BundlePin> pins = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            pins.add(new BundlePin("org.workbench.bundle-" + i, "1.0.0", "0".repeat(64)));
        }
        BundleHashes honest = pin -> java.util.Optional.of(pin.sha256());
        Envelope secret = Envelope.of("a secret of the benchmark, 32 b".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (Envelope envelope : new Envelope[] {Envelope.NONE, secret, Envelope.NONE, secret}) {
        for (int slots : new int[] {1, 2}) {
            String cluster = "bench-" + UUID.randomUUID();
            int port = freePort();
            ClusterExecutor worker = new ClusterExecutor(new ClusterSettings(cluster, List.of(), port, "127.0.0.1", slots,
                    20, true).trusting(envelope, honest));
            for (int answerBytes : new int[] {60_000, 100}) {
                String answer = "{\"r\":\"" + "y".repeat(answerBytes) + "\"}";
                UnitRunner runner = (unit, jars, here) -> answer;
                String address = worker.serve(runner);
                try (ClusterExecutor coordinator = new ClusterExecutor(new ClusterSettings(cluster, List.of(address), 0,
                        "127.0.0.1", 1, 20, true).trusting(envelope, honest))) {
                    for (int round = 0; round < 2; round++) {
                        List<Unit> list = new ArrayList<>();
                        for (int i = 0; i < units; i++) {
                            list.add(new Unit("point/" + i, payload, pins));
                        }
                        AtomicInteger done = new AtomicInteger();
                        long t0 = System.nanoTime();
                        coordinator.execute(list, runner, new UnitCallback() {
                            @Override
                            public void finished(Unit unit, String result, String member) {
                                done.incrementAndGet();
                            }

                            @Override
                            public void failed(Unit unit, String reason, String member) {
                                throw new IllegalStateException(reason);
                            }
                        });
                        double us = (System.nanoTime() - t0) / 1e3 / units;
                        if (round == 1) {
                            System.out.printf("{\"secret\":%b,\"slots\":%d,\"answerBytes\":%d,\"units\":%d,"
                                    + "\"microsPerUnit\":%.0f}%n", envelope.keyed(), slots, answer.length(), done.get(), us);
                        }
                    }
                }
                worker.close();
                worker = new ClusterExecutor(new ClusterSettings(cluster, List.of(), port, "127.0.0.1", slots, 20, true)
                        .trusting(envelope, honest));
            }
            worker.close();
        }
        }
        System.exit(0);
    }
}
