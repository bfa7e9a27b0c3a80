package org.workbench.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A component sweep's points are indexed with the provider, version and parameters each point ran. */
class ComponentSweepIndexTest {
    @TempDir
    Path results;

    @Test
    void eachPointIsFoundByItsOwnProvider() throws Exception {
        Map<String, Double> priors = new LinkedHashMap<>();
        priors.put("gaussian", 0.5);
        priors.put("laplace", 0.25);
        FakeRuns.componentSweep(results, "p1-priors", "a", priors, "2026-01-01T00:00:00Z");
        try (RunStore store = RunStore.open(StoreLocation.of(results, Map.of()).url(), new Properties())) {
            StoreSync.sync(store, results);
            assertEquals("p1-priors/a#2", names(store.query(new RunQuery("prior.use = 'laplace'", null, List.of(), 10, 0))));
            assertEquals("p1-priors/a#1", names(store.query(new RunQuery("prior.use = 'gaussian'", null, List.of(), 10, 0))));
            assertEquals("p1-priors/a#2", names(store.query(new RunQuery("prior.version = '2.1.0'", null, List.of(), 10, 0))));
            assertEquals("p1-priors/a#2", names(store.query(new RunQuery("prior.scale < 0.3", null, List.of(), 10, 0))));
            QueryAnswer both = store.query(new RunQuery("", "prior.use", List.of("prior.use", "prior.scale",
                    "likelihood.variance", "results.mse"), 10, 0));
            assertEquals(Map.of("prior.use", "gaussian", "prior.scale", 0.5, "likelihood.variance", 1.0,
                    "results.mse", 1.0), both.rows().get(0).values());
            assertEquals(Map.of("prior.use", "laplace", "prior.scale", 0.25, "likelihood.variance", 1.0,
                    "results.mse", 0.5), both.rows().get(1).values());
        }
    }

    private static String names(QueryAnswer answer) {
        return answer.rows().stream().map(r -> r.experiment() + "/" + r.runId() + "#" + r.point())
                .collect(Collectors.joining(" "));
    }
}
