package org.workbench.executor.hazelcast;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.workbench.api.execution.BundlePin;
import org.workbench.api.execution.Executor;
import org.workbench.api.execution.JarSource;
import org.workbench.api.execution.MissingBundleException;
import org.workbench.api.execution.Unit;
import org.workbench.api.execution.UnitRunner;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * A unit on its way to a member: its id, JSON payload and pins, the sender's address, a fresh nonce
 * and the MAC of all of them, nothing else (no class of the workbench's bundles is loaded by name).
 * On the member it runs through the engine's runner only when the MAC verifies with the member's
 * secret, the nonce is new, and every pinned bundle the member has is the pinned jar; it answers
 * with a signed {@link Answer} as text.
 */
final class UnitCall implements Callable<String>, IdentifiedDataSerializable, HazelcastInstanceAware {
    static final int FACTORY_ID = 0x57b;
    static final int CLASS_ID = 1;
    static final String RUNNER = "workbench.runner";
    static final String NESTED = "workbench.nested";
    static final String TRUST = "workbench.trust";
    private Unit unit;
    private String from;
    private String nonce;
    private String mac;
    private transient HazelcastInstance instance;

    UnitCall() {
    }

    /** A signed call of {@code unit}, sent by the member at {@code from}. */
    UnitCall(Unit unit, String from, String nonce, Envelope envelope) {
        this.unit = unit;
        this.from = from;
        this.nonce = nonce;
        this.mac = envelope.sign(fields(unit, from, nonce));
    }

    private static String[] fields(Unit unit, String from, String nonce) {
        return new String[] {"unit", unit.id(), from, nonce, unit.payload(), pins(unit.bundles())};
    }

    static String pins(List<BundlePin> pins) {
        StringBuilder b = new StringBuilder();
        for (BundlePin p : pins) {
            b.append(p.symbolicName()).append('\t').append(p.version()).append('\t').append(p.sha256()).append('\n');
        }
        return b.toString();
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.instance = instance;
    }

    @Override
    public String call() {
        String member = ClusterExecutor.address(instance.getCluster().getLocalMember());
        Trust trust = instance.getUserContext().get(TRUST) instanceof Trust t ? t : Trust.NONE;
        return answer(member, trust, instance.getUserContext().get(RUNNER),
                (Executor) instance.getUserContext().get(NESTED), repository()).text();
    }

    /**
     * The answer of this member (at {@code member}, trusting as {@code trust}) to this call; a pinned
     * bundle this member lacks comes from {@code repository}, the coordinator's.
     */
    Answer answer(String member, Trust trust, Object runner, Executor nested, JarSource repository) {
        Envelope envelope = trust.envelope();
        if (!envelope.verifies(mac, fields(unit, from, nonce))) {
            return refuse(member, trust, "from " + from + " (as it says)", "unit " + unit.id() + " is not signed with this"
                    + " cluster's secret (--secret-file): not run");
        }
        if (envelope.keyed() && !trust.seen().first(nonce)) {
            return refuse(member, trust, "from " + from, "unit " + unit.id() + " was sent before (a replay): not run");
        }
        Optional<String> differs = trust.hashes().differing(unit.bundles());
        if (differs.isPresent()) {
            return refuse(member, trust, "differs " + differs.get(), "unit " + unit.id() + " not run here: "
                    + differs.get());
        }
        if (!(runner instanceof UnitRunner r)) {
            return Answer.of(envelope, Answer.MISSING, member, unit.id(), nonce, List.of(),
                    "this member runs no workbench engine");
        }
        try {
            String result = r.run(unit, repository, nested);
            return Answer.of(envelope, Answer.OK, member, unit.id(), nonce, trust.hashes().of(unit.bundles()), result);
        } catch (MissingBundleException e) {
            return Answer.of(envelope, Answer.MISSING, member, unit.id(), nonce, List.of(), e.getMessage());
        } catch (Exception | LinkageError e) {
            return Answer.of(envelope, Answer.FAILED, member, unit.id(), nonce, List.of(),
                    e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    private Answer refuse(String member, Trust trust, String key, String why) {
        trust.log().note(key, "refused a unit sent by " + from + ": " + why);
        return Answer.of(trust.envelope(), Answer.REFUSED, member, unit.id(), nonce, List.of(), why);
    }

    /** The coordinator's repository of this unit's pins, none when this member does not fetch. */
    private JarSource repository() {
        if (Boolean.FALSE.equals(instance.getUserContext().get(ClusterSettings.FETCH))) {
            return JarSource.NONE;
        }
        return new ClusterRepository(instance.getMap(ClusterSettings.REPOSITORY)::get, unit.bundles());
    }

    Unit unit() {
        return unit;
    }

    String nonce() {
        return nonce;
    }

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(unit.id());
        out.writeString(unit.payload());
        out.writeInt(unit.bundles().size());
        for (BundlePin p : unit.bundles()) {
            out.writeString(p.symbolicName());
            out.writeString(p.version());
            out.writeString(p.sha256());
        }
        out.writeString(from);
        out.writeString(nonce);
        out.writeString(mac);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        String id = in.readString();
        String payload = in.readString();
        int n = in.readInt();
        if (n < 0 || n > 10_000) {
            throw new IOException("a unit with " + n + " pins");
        }
        List<BundlePin> pins = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pins.add(new BundlePin(in.readString(), in.readString(), in.readString()));
        }
        unit = new Unit(id, payload, pins);
        from = in.readString();
        nonce = in.readString();
        mac = in.readString();
    }

    /** Creates unit calls on the receiving side. */
    static final class Factory implements DataSerializableFactory {
        @Override
        public IdentifiedDataSerializable create(int typeId) {
            return typeId == CLASS_ID ? new UnitCall() : null;
        }
    }
}
