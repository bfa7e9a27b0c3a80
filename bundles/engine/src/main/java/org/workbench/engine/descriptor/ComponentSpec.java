package org.workbench.engine.descriptor;

import com.google.gson.JsonObject;

/**
 * One component as a descriptor names it.
 *
 * @param use          the provider's name
 * @param versionRange an OSGi version range, or {@code null} for any version (highest wins)
 * @param with         its parameters as written (never {@code null})
 * @param jsonPath     where it stands in the descriptor, e.g. {@code $.components.prior}
 */
public record ComponentSpec(String use, String versionRange, JsonObject with, String jsonPath) {
}
