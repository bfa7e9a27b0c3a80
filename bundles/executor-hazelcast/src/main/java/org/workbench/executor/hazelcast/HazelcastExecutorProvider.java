package org.workbench.executor.hazelcast;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.InvalidParameterException;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.execution.Executor;

/** {@code executor/hazelcast}: a run's units on the members of a Hazelcast cluster. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.EXECUTOR, name = "hazelcast",
        summary = "The members of a Hazelcast cluster (TCP-IP join, loopback unless an interface is named)")
public final class HazelcastExecutorProvider implements Provider<Executor> {
    /** Whether {@code address} is a loopback address (a name that does not resolve is not). */
    static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.string("cluster", "the cluster's name; members and coordinators of one cluster share it"),
                Parameter.string("join", "members to join, HOST:PORT,... (none: a worker starts a new cluster)")
                        .withDefault(""),
                Parameter.integer("port", "this member's port (0: 5701 for a worker, a free one for a coordinator, "
                        + "the next free one counting up when taken)").withDefault(0L).atLeast(0),
                Parameter.string("interface", "the address to bind and announce").withDefault("127.0.0.1"),
                Parameter.integer("slots", "units a worker runs at once (0: one per core)").withDefault(0L).atLeast(0),
                Parameter.integer("wait", "seconds a coordinator waits for its first member").withDefault(30L).atLeast(1),
                Parameter.bool("fetch", "whether a worker fetches a pinned bundle it lacks from the coordinator")
                        .withDefault(true),
                Parameter.string(SecretFile.PARAMETER, "a file holding the cluster's shared secret (16 to 4096 bytes, "
                        + "readable by its owner only); every unit and answer is then signed with it, and members "
                        + "without it cannot join. Required on an interface other than loopback")
                        .withDefault(""));
    }

    @Override
    public Executor create(Parameters p, ComponentContext context) {
        String cluster = p.string("cluster").trim();
        if (cluster.isEmpty()) {
            throw new InvalidParameterException("cluster", "a cluster needs a name (--cluster NAME)");
        }
        String address = p.string("interface").trim();
        String secretFile = p.string(SecretFile.PARAMETER).trim();
        Envelope envelope = secretFile.isEmpty() ? Envelope.NONE
                : Envelope.of(SecretFile.read(context.resolve(Path.of(secretFile))));
        if (!envelope.keyed() && !loopback(address)) {
            throw new InvalidParameterException(SecretFile.PARAMETER, "a cluster on interface " + address + " (not "
                    + "loopback) needs a shared secret: --secret-file FILE (see docs/cluster-trust.md); without one, "
                    + "anything that reaches the port could run code on the members");
        }
        ClusterSettings settings = new ClusterSettings(cluster, ClusterSettings.addresses(p.string("join")),
                p.intValue("port"), address, p.intValue("slots") == 0
                        ? Runtime.getRuntime().availableProcessors() : p.intValue("slots"), p.intValue("wait"), p.bool("fetch"));
        return new ClusterExecutor(settings.trusting(envelope, settings.hashes()));
    }
}
