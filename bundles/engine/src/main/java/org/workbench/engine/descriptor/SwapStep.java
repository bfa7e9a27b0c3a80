package org.workbench.engine.descriptor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Version;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.Suggestions;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * One hot swap of a run, as its effective descriptor records it under {@code "swaps"} so that a
 * rerun replays it: at the task's safe point {@code at} ({@code "epoch 5"}; or, when the task names
 * none, at the {@code check}-th time it asked for a newer component of the role), the component in
 * {@code role} is replaced by version {@code version} of the same provider.
 *
 * @param role    the role swapped, e.g. {@code optimizer}
 * @param version the exact version swapped in
 * @param at      the task's safe point, or {@code null}
 * @param check   the how-many-th request for a newer component of the role this was (from 1)
 * @param point   the sweep point's index, or {@code null} for a run without a sweep
 */
public record SwapStep(String role, Version version, String at, int check, Integer point) {
    private static final Set<String> KEYS = Set.of("role", "version", "at", "check", "point");

    /** The steps of {@code root}'s {@code "swaps"}, checked against the roles it fills. */
    static List<SwapStep> parse(Path file, JsonObject root, Map<String, RoleSpec> roles) throws InvalidInputException {
        JsonElement swaps = root.get("swaps");
        if (swaps == null) {
            return List.of();
        }
        String example = "an array of {\"role\": \"optimizer\", \"version\": \"1.1.0\", \"at\": \"epoch 5\", \"check\": 5}"
                + " (what a run records in its effective descriptor)";
        if (!swaps.isJsonArray()) {
            throw new InvalidInputException(file, "$.swaps", "must be " + example + ", got " + swaps);
        }
        List<SwapStep> steps = new ArrayList<>();
        for (int i = 0; i < swaps.getAsJsonArray().size(); i++) {
            String path = "$.swaps[" + i + "]";
            JsonElement e = swaps.getAsJsonArray().get(i);
            if (!e.isJsonObject()) {
                throw new InvalidInputException(file, path, "must be " + example + ", got " + e);
            }
            JsonObject o = e.getAsJsonObject();
            for (String key : o.keySet()) {
                if (!KEYS.contains(key)) {
                    throw new InvalidInputException(file, path + "." + key, "unknown key '" + key + "' in a swap"
                            + Suggestions.didYouMean(key, KEYS) + "; valid keys: at, check, point, role, version");
                }
            }
            String role = string(file, o, "role", path, true);
            RoleSpec spec = roles.get(role);
            if (spec == null || spec.list()) {
                throw new InvalidInputException(file, path + ".role", "a swap replaces the component of a single role "
                        + "the descriptor fills under \"components\"; got '" + role + "'"
                        + Suggestions.didYouMean(role, roles.keySet()));
            }
            Version version;
            try {
                version = Version.parseVersion(string(file, o, "version", path, true));
            } catch (IllegalArgumentException bad) {
                throw new InvalidInputException(file, path + ".version", "not a version such as 1.1.0: " + bad.getMessage());
            }
            String at = string(file, o, "at", path, false);
            int check = whole(file, o, "check", path, 1);
            Integer point = o.has("point") ? whole(file, o, "point", path, 0) : null;
            steps.add(new SwapStep(role, version, at, check, point));
        }
        return List.copyOf(steps);
    }

    /** Whether this step is the swap a task asks for now. */
    public boolean matches(String role, Integer point, String at, int check) {
        return this.role.equals(role) && (this.point == null || this.point.equals(point))
                && (this.at != null && at != null ? this.at.equals(at) : this.check == check);
    }

    private static String string(Path file, JsonObject o, String key, String path, boolean required)
            throws InvalidInputException {
        JsonElement v = o.get(key);
        if (v == null) {
            if (required) {
                throw new InvalidInputException(file, path, "a swap needs \"" + key + "\"");
            }
            return null;
        }
        if (!(v instanceof JsonPrimitive p) || !p.isString() || p.getAsString().isBlank()) {
            throw new InvalidInputException(file, path + "." + key, "must be a non-empty string, got " + v);
        }
        return v.getAsString();
    }

    private static int whole(Path file, JsonObject o, String key, String path, int min) throws InvalidInputException {
        JsonElement v = o.get(key);
        if (v == null) {
            throw new InvalidInputException(file, path, "a swap needs \"" + key + "\" (a whole number from " + min + ")");
        }
        if (!(v instanceof JsonPrimitive p) || !p.isNumber() || p.getAsDouble() != Math.rint(p.getAsDouble())
                || p.getAsDouble() < min || p.getAsDouble() > Integer.MAX_VALUE) {
            throw new InvalidInputException(file, path + "." + key, "must be a whole number from " + min + ", got " + v);
        }
        return p.getAsInt();
    }
}
