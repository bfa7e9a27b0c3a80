package org.workbench.benchmarks;

import java.nio.file.Path;
import java.util.Map;

import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.testing.TestContext;

/** Components made the way the engine makes them: through their public providers, with validated parameters. */
final class Components {
    private Components() {
    }

    static <T> T create(Provider<T> provider, Map<String, Object> with, long seed) {
        return provider.create(Parameters.withDefaults(provider.parameters(), with),
                new TestContext("benchmark", seed, Path.of(System.getProperty("java.io.tmpdir"))));
    }
}
