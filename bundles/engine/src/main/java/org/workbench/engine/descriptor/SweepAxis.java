package org.workbench.engine.descriptor;

import java.util.List;

import com.google.gson.JsonElement;

/**
 * One axis of a sweep: {@code "data.n": [1, 10, 100]}, or the run's seed itself,
 * {@code "seed": [1, 2, 3]} (replications: each value is that point's seed), or a role's provider:
 * {@code "prior.use": ["gaussian", "laplace"]}, {@code "prior.version": ["1.0", "1.1"]}, or whole
 * component objects {@code "prior": [{"use": "gaussian"}, {"use": "laplace", "with": {"scale": 1}}]}
 * (a component axis: each point resolves its own provider).
 *
 * @param role      the role (or {@code task}) whose parameter varies; {@link #SEED} for the seed axis
 * @param parameter the parameter; {@link #USE} or {@link #VERSION} for the provider, "" for whole components
 * @param values    the values, in order
 * @param jsonPath  where the axis stands, e.g. {@code $.sweep['data.n']}
 */
public record SweepAxis(String role, String parameter, List<JsonElement> values, String jsonPath) {
    /** The key of the seed axis. */
    public static final String SEED = "seed";
    /** The parameter of an axis over a role's provider name. */
    public static final String USE = "use";
    /** The parameter of an axis over a role's provider version range. */
    public static final String VERSION = "version";

    public SweepAxis {
        values = List.copyOf(values);
    }

    /** The seed axis: every value is the seed of its points. */
    public static SweepAxis seed(List<JsonElement> values, String jsonPath) {
        return new SweepAxis(SEED, "", values, jsonPath);
    }

    /** Whether this is the seed axis. */
    public boolean isSeed() {
        return SEED.equals(role) && parameter.isEmpty();
    }

    /** Whether each value chooses the role's provider ({@code ROLE.use}, {@code ROLE.version} or {@code ROLE}). */
    public boolean isComponent() {
        return !isSeed() && (parameter.isEmpty() || parameter.equals(USE) || parameter.equals(VERSION));
    }

    /** Whether a sweep key (as a point's {@code set} holds it) chooses a role's provider: {@code prior.use}, {@code prior.version}, {@code prior}. */
    public static boolean isComponentKey(String key) {
        return key.endsWith("." + USE) || key.endsWith("." + VERSION) || !key.contains(".") && !key.equals(SEED);
    }

    /** The key as written: {@code role.parameter}, {@code role} for whole components, or {@code seed}. */
    public String key() {
        return isSeed() ? SEED : parameter.isEmpty() ? role : role + "." + parameter;
    }
}
