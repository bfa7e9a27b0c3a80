package org.workbench.executor.hazelcast;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.workbench.api.execution.BundlePin;
import org.workbench.api.execution.JarSource;
import org.workbench.api.execution.Unit;
import org.workbench.api.execution.UnitRunner;

/**
 * The cost of authentication per unit without the network: what a coordinator and a member do for
 * one unit besides sending it (sign the unit with a fresh nonce; on the member verify it, remember
 * the nonce, compare the pins with its hashes, sign the answer; on the coordinator parse and check
 * the answer), without a secret and with one, for a p1 point's sizes (3 KB out, 60 KB back) and a
 * 2.5 replication's (3 KB out, 0.1 KB back). Prints the thread's CPU microseconds per unit (CPU
 * time, so that other processes on a loaded machine count less). Not a test.
 *
 * <pre>mvn -q -o -f bundles/executor-hazelcast/pom.xml test-compile, then
 * java -cp target/classes:target/test-classes:HAZELCAST_JAR:API_JAR:OSGI_CORE_JAR \
 *   org.workbench.executor.hazelcast.AuthenticationCost [UNITS]</pre>
 */
public final class AuthenticationCost {
    private AuthenticationCost() {
    }

    public static void main(String[] args) {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        String payload = "{\"kind\":\"point\",\"descriptor\":" + "x".repeat(3000) + "}";
        List<BundlePin> pins = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            pins.add(new BundlePin("org.workbench.bundle-" + i, "1.0.0", Integer.toHexString(i).repeat(64)));
        }
        Unit unit = new Unit("point/0", payload, pins);
        Envelope secret = Envelope.of("a secret of the benchmark, 32 b".getBytes(StandardCharsets.UTF_8));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (int round = 0; round < 3; round++) {
            for (int answerBytes : new int[] {60_000, 100}) {
                String result = "{\"r\":\"" + "y".repeat(answerBytes) + "\"}";
                UnitRunner runner = (u, jars, here) -> result;
                for (Envelope envelope : new Envelope[] {Envelope.NONE, secret}) {
                    Trust trust = new Trust(envelope, new SeenNonces(), pin -> Optional.of(pin.sha256()),
                            new TrustLog(quiet));
                    long t0 = cpu.getCurrentThreadCpuTime();
                    int ok = 0;
                    for (int i = 0; i < units; i++) {
                        String nonce = SeenNonces.fresh();
                        UnitCall call = new UnitCall(unit, "127.0.0.1:5703", nonce, envelope);
                        Answer answer = Answer.parse(call.answer("127.0.0.1:5701", trust, runner, null, JarSource.NONE)
                                .text());
                        if (AnswerCheck.untrusted(answer, unit, nonce, envelope).isEmpty()) {
                            ok++;
                        }
                    }
                    double us = (cpu.getCurrentThreadCpuTime() - t0) / 1e3 / units;
                    if (round == 2) {
                        System.out.printf("{\"secret\":%b,\"answerBytes\":%d,\"units\":%d,\"cpuMicrosPerUnit\":%.1f}%n",
                                envelope.keyed(), result.length(), ok, us);
                    }
                }
            }
        }
    }
}
