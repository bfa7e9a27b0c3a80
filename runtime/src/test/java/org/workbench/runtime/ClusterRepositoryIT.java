package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/**
 * A member that lacks a plugin gets it through the coordinator's repository (issue 23 item 5), in a
 * separate JVM: another member of the cluster (this test's JVM, a Hazelcast lite member as a hostile
 * process on loopback would be) has put a jar with one byte changed into the cluster's repository
 * map under the plugin's path. The member refuses it (the jar is not the one the coordinator's index
 * describes), installs nothing, and the run fails naming it; once the tampered entry is gone, the
 * coordinator offers its own jar and the member installs that and computes the run.
 */
class ClusterRepositoryIT {
    private static final String CLUSTER = "it-repo-" + UUID.randomUUID().toString().substring(0, 8);
    @TempDir
    static Path work;
    static WorkbenchProcess worker;
    static String address;
    static HazelcastInstance hostile;

    @BeforeAll
    static void start() throws Exception {
        Path noPlugins = Files.createDirectories(work.resolve("no-plugins"));
        int port = ClusterIT.freePort();
        worker = WorkbenchProcess.start(work.resolve("worker"), noPlugins, "worker", "--cluster", CLUSTER, "--port",
                Integer.toString(port));
        address = worker.ready();
        System.setProperty("hazelcast.logging.type", "none");
        System.setProperty("hazelcast.phone.home.enabled", "false");
        Config c = new Config().setClusterName(CLUSTER).setLiteMember(true);
        c.getNetworkConfig().setPort(ClusterIT.freePort()).setPortAutoIncrement(true);
        c.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = c.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(List.of(address));
        hostile = Hazelcast.newHazelcastInstance(c);
    }

    @AfterAll
    static void stop() throws Exception {
        if (hostile != null) {
            hostile.shutdown();
        }
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void aTamperedJarInTheClusterIsRefusedAndTheCoordinatorsOwnIsInstalled() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("coordinator-plugins"));
        Path jar = Files.copy(PluginsIT.PLUGIN, plugins.resolve("student-t.jar"));
        byte[] bytes = Files.readAllBytes(jar);
        String path = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)) + ".jar";
        byte[] tampered = bytes.clone();
        tampered[tampered.length / 2] ^= 1;
        IMap<String, byte[]> repository = hostile.getMap("workbench-repository");
        repository.set(path, tampered);

        String[] cluster = {"--executor", "hazelcast", "--cluster", CLUSTER, "--join", address};
        WorkbenchProcess refused = ClusterIT.runIn(work.resolve("refused"), plugins, PluginsIT.DESCRIPTOR,
                work.resolve("out-refused"), cluster);
        assertEquals(1, refused.exit(), refused.stderr());
        assertTrue(refused.stderr().contains("is not the jar the index describes") && refused.stderr().contains(address),
                refused.stderr());
        assertTrue(worker.alive(), "the member keeps running");

        repository.delete(path);
        WorkbenchProcess installed = ClusterIT.runIn(work.resolve("installed"), plugins, PluginsIT.DESCRIPTOR,
                work.resolve("out-installed"), cluster);
        JsonObject result = ClusterIT.finished(installed);
        assertEquals(List.of(address), ClusterIT.members(result).stream().distinct().toList());
        assertTrue(result.has("results"), result.toString());
    }
}
