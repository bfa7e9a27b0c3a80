package org.workbench.task.gradientcheck;

import java.util.List;

import org.workbench.api.Kinds;
import org.workbench.api.Role;
import org.workbench.api.nn.Backend;
import org.workbench.api.nn.Layer;
import org.workbench.api.nn.Loss;

/** The roles of task {@code gradient-check}, shared by its provider and the task. */
final class Roles {
    static final Role<Layer> NETWORK = Role.list("network", Kinds.LAYER, Layer.class);
    static final Role<Loss> LOSS = Role.one("loss", Kinds.LOSS, Loss.class);
    static final Role<Backend> BACKEND = Role.optional("backend", Kinds.BACKEND, Backend.class, "ejml");

    /** Every role, in the order the engine creates them. */
    static final List<Role<?>> ALL = List.of(NETWORK, LOSS, BACKEND);

    private Roles() {
    }
}
