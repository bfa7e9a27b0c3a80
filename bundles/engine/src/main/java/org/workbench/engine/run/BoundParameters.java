package org.workbench.engine.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
    /** The maps of components' parameters made so far, by their labels and parameters (by identity). */
    private final Map<List<Object>, Map<String, Parameters>> maps = new HashMap<>();

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

    /**
     * An unmodifiable copy of {@code parameters} (the parameters of a point's components by label,
     * in order), the same copy for every point whose map holds the same labels and the very same
     * parameters: a sweep over 100,000 seeds holds one map, not 100,000 equal ones (27 MB).
     */
    Map<String, Parameters> shared(Map<String, Parameters> parameters) {
        List<Object> key = new ArrayList<>(2 * parameters.size());
        parameters.forEach((label, p) -> {
            key.add(label);
            key.add(new Identity(p));
        });
        return maps.computeIfAbsent(key, k -> Collections.unmodifiableMap(new LinkedHashMap<>(parameters)));
    }

    /** An object compared by identity. */
    private record Identity(Object of) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.of == of;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(of);
        }
    }
}
