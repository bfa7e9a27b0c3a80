package org.workbench.executor.hazelcast;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.workbench.api.InvalidParameterException;

import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;

/**
 * How this JVM joins a cluster, and the Hazelcast configuration that follows: the named cluster,
 * TCP-IP join of the given members, multicast and auto-detection off, bound to one interface
 * (loopback by default), logging off, no phone-home. With a secret the Hazelcast cluster name is
 * the given name and a tag derived from the secret, so a process without the secret joins no member.
 *
 * @param cluster   the cluster's name
 * @param join      members to join, {@code HOST:PORT}
 * @param port      this member's port, 0 for the default
 * @param address   the interface to bind and announce
 * @param slots     units a worker runs at once
 * @param waitSeconds how long a coordinator waits for its first member
 * @param fetch     whether a worker fetches a pinned bundle it lacks from the coordinator
 * @param envelope  the shared secret's MACs and cluster name ({@link Envelope#NONE} without a secret)
 * @param hashes    the SHA-256 of this member's bundles, compared with the coordinator's pins; {@code null}:
 *                  the runner's ({@link org.workbench.api.execution.UnitRunner#sha256})
 */
record ClusterSettings(String cluster, List<String> join, int port, String address, int slots, int waitSeconds,
        boolean fetch, Envelope envelope, BundleHashes hashes) {
    static final String FETCH = "workbench.fetch";
    static final String POINTS = "workbench-points";
    static final String UNITS = "workbench-units";
    static final String REPOSITORY = "workbench-repository";
    static final String SLOTS = "workbench.slots";
    private static final int WORKER_PORT = 5701;
    private static final java.util.concurrent.atomic.AtomicInteger INSTANCES = new java.util.concurrent.atomic.AtomicInteger();

    /** Settings without a secret, with the hashes of the runner's framework. */
    ClusterSettings(String cluster, List<String> join, int port, String address, int slots, int waitSeconds,
            boolean fetch) {
        this(cluster, join, port, address, slots, waitSeconds, fetch, Envelope.NONE, null);
    }

    /** The same settings with {@code envelope} and {@code hashes}. */
    ClusterSettings trusting(Envelope envelope, BundleHashes hashes) {
        return new ClusterSettings(cluster, join, port, address, slots, waitSeconds, fetch, envelope, hashes);
    }

    static List<String> addresses(String join) {
        List<String> out = new ArrayList<>();
        for (String part : join.split(",")) {
            String a = part.trim();
            if (a.isEmpty()) {
                continue;
            }
            if (!a.matches("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}")) {
                throw new InvalidParameterException("join", "'" + a + "' is not HOST:PORT (e.g. 127.0.0.1:5701)");
            }
            out.add(a);
        }
        return out;
    }

    /** The configuration of a worker ({@code lite = false}) or of a coordinator ({@code lite = true}, runs nothing). */
    Config config(boolean lite, Map<String, Object> userContext) {
        quietLogging();
        Config c = new Config();
        c.setClusterName(envelope.clusterName(cluster));
        c.setInstanceName("workbench-" + (lite ? "coordinator-" : "worker-") + ProcessHandle.current().pid() + "-"
                + INSTANCES.incrementAndGet());
        c.setLiteMember(lite);
        c.setProperty("hazelcast.logging.type", "none");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        c.setProperty("hazelcast.socket.bind.any", "false");
        c.setProperty("hazelcast.local.localAddress", address);
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", "6");
        c.setProperty("hazelcast.wait.seconds.before.join", "0");
        c.setProperty("hazelcast.graceful.shutdown.max.wait", "5");
        c.getMemberAttributeConfig().setAttribute(SLOTS, Integer.toString(slots));
        NetworkConfig net = c.getNetworkConfig();
        int chosen = port != 0 ? port : lite ? freePort() : WORKER_PORT;
        net.setPort(chosen).setPortAutoIncrement(port == 0).setPortCount(100);
        net.getInterfaces().setEnabled(true).addInterface(address);
        JoinConfig j = net.getJoin();
        j.getMulticastConfig().setEnabled(false);
        j.getAutoDetectionConfig().setEnabled(false);
        j.getTcpIpConfig().setEnabled(true).setMembers(join).setConnectionTimeoutSeconds(2);
        c.getSerializationConfig().addDataSerializableFactory(UnitCall.FACTORY_ID, new UnitCall.Factory());
        // the workbench sends nothing with Java serialization: a member that joined with the name
        // alone gets no class of ours or of a library deserialised, only the JDK's and Hazelcast's
        // own (exceptions), and never the known gadget classes (Hazelcast's default blacklist)
        JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig().setDefaultsDisabled(false);
        filter.getWhitelist().addPrefixes("java.", "com.hazelcast.", "[");
        c.getSerializationConfig().setJavaSerializationFilterConfig(filter);
        c.getExecutorConfig(POINTS).setPoolSize(slots).setStatisticsEnabled(false);
        c.getExecutorConfig(UNITS).setPoolSize(slots).setStatisticsEnabled(false);
        c.getMapConfig(REPOSITORY).setBackupCount(0).setAsyncBackupCount(0);
        c.setClassLoader(ClusterSettings.class.getClassLoader());
        c.getUserContext().putAll(userContext);
        c.getUserContext().put(FETCH, fetch);
        return c;
    }

    /** Hazelcast reads its logging type once per JVM, before any configuration: keep it quiet. */
    private static void quietLogging() {
        if (System.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", "none");
        }
        if (System.getProperty("hazelcast.phone.home.enabled") == null) {
            System.setProperty("hazelcast.phone.home.enabled", "false");
        }
    }

    private int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            return WORKER_PORT + 50;
        }
    }
}
