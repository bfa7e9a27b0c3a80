package org.workbench.task.trainclassifier;

import java.util.List;

import org.workbench.api.DataSource;
import org.workbench.api.Kinds;
import org.workbench.api.Role;
import org.workbench.api.nn.Backend;
import org.workbench.api.nn.GradientOptimizer;
import org.workbench.api.nn.Layer;
import org.workbench.api.nn.Loss;

/** The roles of task {@code train-classifier}, shared by its provider and the task. */
final class Roles {
    static final Role<DataSource> DATA = Role.one("data", Kinds.DATA, DataSource.class);
    static final Role<Layer> NETWORK = Role.list("network", Kinds.LAYER, Layer.class);
    static final Role<Loss> LOSS = Role.one("loss", Kinds.LOSS, Loss.class);
    static final Role<GradientOptimizer> OPTIMIZER =
            Role.one("optimizer", Kinds.OPTIMIZER, GradientOptimizer.class);
    /** The fastest backend that works here: vector where the JVM has jdk.incubator.vector, else ejml. */
    static final Role<Backend> BACKEND = Role.optionalPreferring("backend", Kinds.BACKEND, Backend.class, "vector", "ejml");

    /** Every role, in the order the engine creates them. */
    static final List<Role<?>> ALL = List.of(DATA, NETWORK, LOSS, OPTIMIZER, BACKEND);

    private Roles() {
    }
}
