package org.workbench.api.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.workbench.api.ComponentContext;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;

/**
 * The contract every provider keeps; each provider's test extends this class (published in the
 * API's test-jar) and supplies the provider and parameters that suffice to create a component.
 */
public abstract class ProviderContract<T> {
    /** The provider under test. */
    protected abstract Provider<T> provider();

    /** Values for the required parameters (defaults fill the rest). */
    protected Map<String, Object> minimalParameters() {
        return Map.of();
    }

    /** A context for creating components outside a run. */
    protected ComponentContext context() {
        return new TestContext("test", 181L, Path.of("."));
    }

    @Test
    void declaresATypeAndUniquelyNamedDescribedParameters() {
        assertNotNull(provider().type(), "type()");
        Set<String> names = new HashSet<>();
        for (Parameter p : provider().parameters()) {
            assertTrue(names.add(p.name()), "duplicate parameter " + p.name());
            assertFalse(p.description().isBlank(), "parameter " + p.name() + " has no description");
            assertTrue(p.name().matches("[a-z][A-Za-z0-9]*"), "parameter name " + p.name() + " is not lowerCamelCase");
        }
    }

    @Test
    void defaultsLieInTheirOwnRange() {
        for (Parameter p : provider().parameters()) {
            Object d = p.defaultValue();
            if (d instanceof Number n) {
                assertTrue(p.inRange(n.doubleValue()), p.name() + " default " + d + " outside " + p.rangeText());
            } else if (d instanceof double[] v) {
                for (double x : v) {
                    assertTrue(p.inRange(x), p.name() + " default element " + x + " outside " + p.rangeText());
                }
            } else if (d instanceof String s && !p.choices().isEmpty()) {
                assertTrue(p.choices().contains(s), p.name() + " default " + s + " not among " + p.choices());
            }
            if (p.required()) {
                assertEquals(null, d, p.name() + " is required yet has a default");
            }
        }
    }

    @Test
    void createsAFreshComponentPerCall() {
        Parameters parameters = Parameters.withDefaults(provider().parameters(), minimalParameters());
        T first = provider().create(parameters, context());
        T second = provider().create(parameters, context());
        assertNotNull(first);
        assertTrue(provider().type().isInstance(first), "component is not a " + provider().type());
        assertTrue(first != second, "create() returned the same instance twice");
    }

    /** Helper for subclasses: the provider's declared parameters by name. */
    protected Parameter declared(String name) {
        List<Parameter> all = provider().parameters();
        return all.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no parameter " + name));
    }
}
