package org.workbench.engine.descriptor;

import java.nio.file.Path;

import org.workbench.engine.input.InvalidInputException;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/**
 * The descriptor's top-level {@code "origin"}: which bundles may provide its components.
 * {@value #BUILT_IN} takes the distribution's own bundles only (checked against the build's record
 * of their SHA-256), as every shipped homework descriptor does, so that no plugin answers a
 * homework question; {@value #ANY} (the default) takes any installed provider, the highest version
 * in range winning, and a run that uses third-party code says so and records it.
 */
public final class Origins {
    /** The key. */
    public static final String KEY = "origin";
    /** Built-in bundles only. */
    public static final String BUILT_IN = "built-in";
    /** Any installed bundle (the default). */
    public static final String ANY = "any";

    private Origins() {
    }

    /** Whether {@code d} takes built-in providers only. */
    public static boolean builtInOnly(Descriptor d) {
        JsonElement o = d.effective().get(KEY);
        return o instanceof JsonPrimitive p && p.isString() && BUILT_IN.equals(p.getAsString());
    }

    /** Checks the value of {@code "origin"}. */
    static void check(Path file, JsonElement value) throws InvalidInputException {
        if (!(value instanceof JsonPrimitive p) || !p.isString()
                || !(BUILT_IN.equals(p.getAsString()) || ANY.equals(p.getAsString()))) {
            throw new InvalidInputException(file, "$." + KEY, "must be \"" + BUILT_IN + "\" (the distribution's own "
                    + "bundles only, as the homework descriptors say) or \"" + ANY + "\" (any installed provider, the "
                    + "default), got " + value);
        }
    }
}
