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
 * A unit on its way to a member: its id, JSON payload and pins, nothing else (no class of the
 * workbench's bundles is loaded by name). On the member it runs through the engine's runner and
 * answers with an {@link Answer} as text.
 */
final class UnitCall implements Callable<String>, IdentifiedDataSerializable, HazelcastInstanceAware {
    static final int FACTORY_ID = 0x57b;
    static final int CLASS_ID = 1;
    static final String RUNNER = "workbench.runner";
    static final String NESTED = "workbench.nested";
    private Unit unit;
    private transient HazelcastInstance instance;

    UnitCall() {
    }

    UnitCall(Unit unit) {
        this.unit = unit;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.instance = instance;
    }

    @Override
    public String call() {
        Object runner = instance.getUserContext().get(RUNNER);
        String member = ClusterExecutor.address(instance.getCluster().getLocalMember());
        if (!(runner instanceof UnitRunner r)) {
            return Answer.missing(member, "this member runs no workbench engine");
        }
        JarSource jars = pin -> {
            if (pin.sha256().isEmpty() || Boolean.FALSE.equals(instance.getUserContext().get(ClusterSettings.FETCH))) {
                return Optional.empty();
            }
            Object bytes = instance.getMap(ClusterSettings.JARS).get(pin.sha256());
            return bytes instanceof byte[] b ? Optional.of(b) : Optional.empty();
        };
        try {
            return Answer.ok(member, r.run(unit, jars, (Executor) instance.getUserContext().get(NESTED)));
        } catch (MissingBundleException e) {
            return Answer.missing(member, e.getMessage());
        } catch (Exception | LinkageError e) {
            return Answer.failed(member, e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    Unit unit() {
        return unit;
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
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        String id = in.readString();
        String payload = in.readString();
        int n = in.readInt();
        List<BundlePin> pins = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pins.add(new BundlePin(in.readString(), in.readString(), in.readString()));
        }
        unit = new Unit(id, payload, pins);
    }

    /** Creates unit calls on the receiving side. */
    static final class Factory implements DataSerializableFactory {
        @Override
        public IdentifiedDataSerializable create(int typeId) {
            return typeId == CLASS_ID ? new UnitCall() : null;
        }
    }
}
