package org.workbench.engine.run;

import java.util.HashMap;
import java.util.Map;

import org.workbench.api.Parameters;
import org.workbench.engine.descriptor.ComponentSpec;
import org.workbench.engine.input.InvalidInputException;

import com.google.gson.JsonElement;

/**
 * The parameters bound for a plan's points, shared between the points where they are the same: a
 * component's parameters at a point depend only on its spec and its own role's sweep values, so a
 * sweep over 100,000 seeds binds each component once instead of 100,000 times (which held a quarter
 * of a gigabyte of equal maps). {@link Parameters} are immutable (their arrays are copied when read).
 */
final class BoundParameters {
    /** Binds one component's parameters; throws when they are invalid (nothing is kept then). */
    interface Binding {
        Parameters bind() throws InvalidInputException;
    }

    /** A spec by identity: two specs that are equal JSON are not looked at (they may hold large data). */
    private record Same(ComponentSpec spec) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Same s && s.spec == spec;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(spec);
        }
    }

    private record Key(Same spec, String provider, String values) {
    }

    private final Map<Key, Parameters> bound = new HashMap<>();

    /**
     * The parameters of {@code spec} run by {@code provider} at the point of sweep values {@code set},
     * bound by {@code binding} the first time these are asked for.
     *
     * @param role the role whose sweep values ({@code role.param}) go into the parameters, or
     *             {@code null} when none do
     */
    Parameters get(ComponentSpec spec, String provider, String role, Map<String, JsonElement> set, Binding binding)
            throws InvalidInputException {
        StringBuilder values = new StringBuilder();
        if (role != null) {
            String prefix = role + ".";
            for (Map.Entry<String, JsonElement> e : set.entrySet()) {
                if (e.getKey().startsWith(prefix)) {
                    values.append(e.getKey()).append('=').append(e.getValue()).append('\u0000');
                }
            }
        }
        Key key = new Key(new Same(spec), provider, values.toString());
        Parameters p = bound.get(key);
        if (p == null) {
            p = binding.bind();
            bound.put(key, p);
        }
        return p;
    }
}
