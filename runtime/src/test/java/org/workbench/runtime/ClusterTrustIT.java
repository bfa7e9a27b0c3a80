package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * A cluster that only trusts its own, across separate JVMs on 127.0.0.1: two workers share a secret
 * file, one of them with a tampered built-in {@code prior-gaussian} jar (same name and version, its
 * prior's mean off by one). An honest coordinator's sweep gives exactly the local run's numbers,
 * every point computed by the honest member, with a note naming the tampered member and bundle. A
 * rogue with its own plugin gets nothing run: with a wrong secret it joins no member; knowing the
 * cluster's derived name (as one listening on the network would) but not the secret, it joins and
 * its units are refused, and no worker ever creates its plugin.
 */
class ClusterTrustIT {
    static final String CLUSTER = "trust-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    static Path work;
    static Path secret;
    static Path noPlugins;
    static final List<WorkbenchProcess> processes = new ArrayList<>();
    static WorkbenchProcess honest;
    static WorkbenchProcess tampered;
    static String honestAddress;
    static String tamperedAddress;

    @BeforeAll
    static void startWorkers() throws Exception {
        noPlugins = Files.createDirectories(work.resolve("no-plugins"));
        secret = secretFile(work.resolve("secret"));
        Path original = WorkbenchRuntimeIT.HOME.resolve("bundles/prior-gaussian-1.0.0.jar");
        Path tamperedHome = ClusterPlugins.homeWith(WorkbenchRuntimeIT.HOME,
                ClusterPlugins.tamperedGaussian(work, original), work.resolve("tampered-home"));
        int first = ClusterIT.freePort();
        honest = start(WorkbenchRuntimeIT.HOME, "honest", "worker", "--cluster", CLUSTER, "--port",
                Integer.toString(first), "--secret-file", secret.toString());
        tampered = start(tamperedHome, "tampered", "worker", "--cluster", CLUSTER, "--port",
                Integer.toString(ClusterIT.freePort()), "--join", "127.0.0.1:" + first, "--secret-file", secret.toString());
        honestAddress = honest.ready();
        tamperedAddress = tampered.ready();
    }

    @AfterAll
    static void stop() throws Exception {
        for (WorkbenchProcess p : processes) {
            p.close();
        }
    }

    static Path secretFile(Path file) throws Exception {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        Files.writeString(file, Base64.getEncoder().encodeToString(b) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    static WorkbenchProcess start(Path home, String name, String... args) throws Exception {
        WorkbenchProcess p = WorkbenchProcess.start(home, work.resolve(name), noPlugins, args);
        processes.add(p);
        return p;
    }

    static WorkbenchProcess run(String name, Path plugins, Path descriptor, String... options) throws Exception {
        WorkbenchProcess p = ClusterIT.runIn(work.resolve(name), plugins, descriptor, work.resolve("out-" + name), options);
        processes.add(p);
        return p;
    }

    static String[] onCluster(String cluster, String join, Path secretFile) {
        List<String> all = new ArrayList<>(List.of("--executor", "hazelcast", "--cluster", cluster, "--join", join));
        if (secretFile != null) {
            all.addAll(List.of("--secret-file", secretFile.toString()));
        }
        return all.toArray(String[]::new);
    }

    static Path descriptor(String name, String prior, String executor, String sweep) throws Exception {
        Path file = work.resolve(name + ".json");
        Files.writeString(file, "{\"format\": 1, \"name\": \"" + name + "\", \"seed\": 7,"
                + " \"task\": {\"use\": \"gaussian-mean\", \"with\": {\"plots\": false}},"
                + " \"components\": {"
                + "   \"data\": {\"use\": \"gaussian-sample\", \"with\": {\"n\": 20, \"mean\": 1.5, \"stddev\": 1.0}},"
                + "   \"prior\": {\"use\": \"" + prior + "\"" + (prior.equals("gaussian")
                        ? ", \"with\": {\"mean\": 0.0, \"variance\": 4.0}" : "") + "},"
                + "   \"likelihood\": {\"use\": \"gaussian\", \"with\": {\"variance\": 1.0}}}"
                + (executor == null ? "" : ", \"executor\": " + executor)
                + (sweep == null ? "" : ", \"sweep\": " + sweep) + "}");
        return file;
    }

    /** The cluster name a member with the secret uses (what Hazelcast's join messages carry on the network). */
    static String derivedName(String name, Path secretFile) throws Exception {
        byte[] s = Files.readString(secretFile).strip().getBytes(StandardCharsets.UTF_8);
        byte[] nameKey = hmac(s, "workbench cluster: name");
        return name + "-" + HexFormat.of().formatHex(hmac(nameKey, name), 0, 8);
    }

    private static byte[] hmac(byte[] key, String field) throws Exception {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        m.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        return m.doFinal(bytes);
    }

    static boolean marked(String processName) {
        return Files.exists(work.resolve(processName).resolve("tmp").resolve("rogue-marker"));
    }

    @Test
    void aTamperedMemberChangesNoPoint() throws Exception {
        Path sweep = descriptor("tamper-sweep", "gaussian", null, "{\"prior.mean\": [-2, -1, 0, 1, 2, 3]}");
        WorkbenchProcess local = run("tamper-local", noPlugins, sweep);
        WorkbenchProcess cluster = run("tamper-cluster", noPlugins, sweep,
                onCluster(CLUSTER, honestAddress + "," + tamperedAddress, secret));
        JsonObject here = ClusterIT.finished(local);
        JsonObject there = ClusterIT.finished(cluster);
        ClusterIT.assertSameNumbers(here, there);
        assertEquals(List.of(honestAddress), ClusterIT.members(there).stream().distinct().toList(),
                "every point ran on the honest member");
        String err = cluster.stderr();
        assertTrue(err.contains("cluster: member " + tamperedAddress) && err.contains("org.workbench.prior-gaussian 1.0.0"),
                err);
        assertTrue(tampered.stderr().contains("org.workbench.prior-gaussian 1.0.0 differs"), tampered.stderr());
    }

    @Test
    void aRogueWithoutTheSecretGetsNothingRun() throws Exception {
        Path roguePlugins = Files.createDirectories(work.resolve("rogue-plugins"));
        Files.copy(ClusterPlugins.rogue(work), roguePlugins.resolve("rogue.jar"));
        Path quick = descriptor("rogue", "rogue", "{\"use\": \"hazelcast\", \"with\": {\"wait\": 2}}",
                "{\"data.n\": [5, 10]}");
        Path alone = descriptor("rogue-alone", "rogue", null, null);

        WorkbenchProcess control = run("rogue-control", roguePlugins, alone);
        Path wrong = secretFile(work.resolve("wrong-secret"));
        WorkbenchProcess wrongSecret = run("rogue-wrong-secret", roguePlugins, quick,
                onCluster(CLUSTER, honestAddress, wrong));
        WorkbenchProcess knowsTheName = run("rogue-knows-the-name", roguePlugins, quick,
                onCluster(derivedName(CLUSTER, secret), honestAddress + "," + tamperedAddress, null));
        assertEquals(0, control.exit(), control.stderr());
        assertTrue(marked("rogue-control"), "the rogue's plugin marks the JVM that creates it");
        assertEquals(1, wrongSecret.exit(), wrongSecret.stderr());
        assertTrue(wrongSecret.stderr().contains("no cluster member"), wrongSecret.stderr());
        assertEquals(1, knowsTheName.exit(), knowsTheName.stderr());
        String err = knowsTheName.stderr();
        assertTrue(err.contains("refused unit") && err.contains("not signed with this cluster's secret")
                && err.contains(honestAddress) && err.contains(tamperedAddress), err);
        assertTrue(honest.stderr().contains("cluster: refused a unit sent by"), honest.stderr());

        assertFalse(marked("honest"), "the honest worker never created the rogue's plugin");
        assertFalse(marked("tampered"), "the other worker never created the rogue's plugin");
        assertTrue(honest.alive() && tampered.alive(), "the workers keep running");
    }

    @Test
    void aSecretFileOthersCanReadIsRefused() throws Exception {
        Path open = secretFile(work.resolve("open-secret"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        WorkbenchProcess worker = start(WorkbenchRuntimeIT.HOME, "open-secret-worker", "worker", "--cluster", CLUSTER,
                "--port", Integer.toString(ClusterIT.freePort()), "--secret-file", open.toString());
        assertEquals(2, worker.exit(), worker.stderr());
        assertTrue(worker.stderr().contains(open + " can be read or written by group or others")
                && worker.stderr().contains("chmod 600"), worker.stderr());
    }
}
