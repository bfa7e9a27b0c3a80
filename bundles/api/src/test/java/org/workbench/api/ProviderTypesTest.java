package org.workbench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.workbench.api.bayes.LaplacePrior;
import org.workbench.api.bayes.Prior;

class ProviderTypesTest {
    /** A base that leaves the component type open; subclasses close it. */
    abstract static class Base<T> implements Provider<T> {
        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public T create(Parameters parameters, ComponentContext context) {
            return null;
        }
    }

    static final class Direct implements Provider<Prior> {
        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public Prior create(Parameters parameters, ComponentContext context) {
            return null;
        }
    }

    static final class ClosedBySubclass extends Base<LaplacePrior> {
    }

    interface PriorProvider extends Provider<LaplacePrior> {
    }

    static final class ThroughAnInterface implements PriorProvider {
        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public LaplacePrior create(Parameters parameters, ComponentContext context) {
            return null;
        }
    }

    static final class Open<T> extends Base<T> {
    }

    @Test
    void theTypeIsTheClassGivenAsProvidersTypeArgument() {
        assertEquals(Prior.class, new Direct().type());
        assertEquals(LaplacePrior.class, new ThroughAnInterface().type());
        assertEquals(LaplacePrior.class, new ClosedBySubclass().type());
        assertEquals(Task.class, new TaskProvider() {
            @Override
            public List<Role<?>> roles() {
                return List.of();
            }

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }

            @Override
            public Task create(Parameters parameters, ComponentContext context) {
                return null;
            }
        }.type());
    }

    @Test
    void anOpenTypeArgumentAsksForAnOverride() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Open<Prior>().type());
        assertTrue(e.getMessage().contains("override type()"), e.getMessage());
    }

    @Test
    void aTypedRoleAcceptsSubtypesAndAnUntypedOneAnything() {
        Role<Prior> prior = Role.one("prior", Kinds.PRIOR, Prior.class);
        assertTrue(prior.typed() && prior.accepts(LaplacePrior.class) && !prior.accepts(Task.class));
        @SuppressWarnings("deprecation")
        Role<Object> untyped = Role.one("prior", Kinds.PRIOR);
        assertTrue(!untyped.typed() && untyped.accepts(Task.class));
    }
}
