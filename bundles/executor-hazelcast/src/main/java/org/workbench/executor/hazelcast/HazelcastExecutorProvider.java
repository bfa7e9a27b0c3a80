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
import org.workbench.api.Setting;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.execution.Executor;

/** {@code executor/hazelcast}: a run's units on the members of a Hazelcast cluster. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.EXECUTOR, name = "hazelcast",
        summary = "The members of a Hazelcast cluster (TCP-IP join, loopback unless an interface is named)",
        options = {"--cluster=cluster", "--join=join", "--port=port", "--interface=interface", "--slots=slots",
            "--secret-file=" + SecretFile.PARAMETER, "--no-fetch=fetch=false"})
public final class HazelcastExecutorProvider implements Provider<Executor> {
    /** Whether {@code address} is a loopback address (a name that does not resolve is not). */
    static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    /** The parameters, each declared once. */
    record Settings(
            @Setting("the cluster's name; members and coordinators of one cluster share it") String cluster,
            @Setting(value = "members to join, HOST:PORT,... (none: a worker starts a new cluster)", defaultValue = "")
            String join,
            @Setting(value = "this member's port (0: 5701 for a worker, a free one for a coordinator, "
                    + "the next free one counting up when taken)", defaultValue = "0", atLeast = 0) int port,
            @Setting(value = "the address to bind and announce", name = "interface", defaultValue = "127.0.0.1")
            String address,
            @Setting(value = "units a worker runs at once (0: one per core)", defaultValue = "0", atLeast = 0) int slots,
            @Setting(value = "seconds a coordinator waits for its first member", name = "wait", defaultValue = "30",
                    atLeast = 1) int waitSeconds,
            @Setting(value = "whether a worker fetches a pinned bundle it lacks from the coordinator's repository",
                    defaultValue = "true") boolean fetch,
            @Setting(value = "a file holding the cluster's shared secret (16 to 4096 bytes, "
                    + "readable by its owner only); every unit and answer is then signed with it, and members "
                    + "without it cannot join. Required on an interface other than loopback", name = SecretFile.PARAMETER,
                    optional = true) Path secretFile) {
    }

    private static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public Executor create(Parameters p, ComponentContext context) {
        Settings s = p.as(Settings.class);
        String cluster = s.cluster().trim();
        if (cluster.isEmpty()) {
            throw new InvalidParameterException("cluster", "a cluster needs a name (--cluster NAME)");
        }
        String address = s.address().trim();
        Envelope envelope = s.secretFile() == null ? Envelope.NONE
                : Envelope.of(SecretFile.read(context.resolve(s.secretFile())));
        if (!envelope.keyed() && !loopback(address)) {
            throw new InvalidParameterException(SecretFile.PARAMETER, "a cluster on interface " + address + " (not "
                    + "loopback) needs a shared secret: --secret-file FILE (see docs/cluster-trust.md); without one, "
                    + "anything that reaches the port could run code on the members");
        }
        ClusterSettings settings = new ClusterSettings(cluster, ClusterSettings.addresses(s.join()), s.port(), address,
                s.slots() == 0 ? Runtime.getRuntime().availableProcessors() : s.slots(), s.waitSeconds(), s.fetch());
        return new ClusterExecutor(settings.trusting(envelope, settings.hashes()));
    }
}
