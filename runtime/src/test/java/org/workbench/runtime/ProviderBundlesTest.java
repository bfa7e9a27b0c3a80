package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which of the distribution's bundles a light run leaves unstarted, from the engine's index and the names the run uses. */
class ProviderBundlesTest {
    private static final List<String> INDEX = List.of(
            "backend ejml org.workbench.backend-ejml",
            "data csv org.workbench.data-basic",
            "data gaussian-sample org.workbench.data-basic",
            "executor local org.workbench.engine",
            "likelihood gaussian org.workbench.likelihood-gaussian",
            "prior gaussian org.workbench.prior-gaussian",
            "prior laplace org.workbench.prior-laplace",
            "task gaussian-mean org.workbench.task-gaussian-mean",
            "task train-classifier org.workbench.task-train-classifier");

    @Test
    void bundlesOfProvidersNotNamedAreLeftOutButNeverABackendOrAnExecutor() {
        assertEquals(Set.of("org.workbench.prior-laplace", "org.workbench.task-train-classifier"),
                ProviderBundles.unneeded(INDEX, Set.of("gaussian-mean", "gaussian-sample", "gaussian")));
        assertEquals(Set.of("org.workbench.prior-gaussian", "org.workbench.likelihood-gaussian",
                "org.workbench.task-train-classifier", "org.workbench.data-basic"),
                ProviderBundles.unneeded(INDEX, Set.of("gaussian-mean", "laplace")),
                "a bundle stays when one of its providers is named; a name of any kind counts");
    }

    @Test
    void anIndexLineThatDoesNotReadAsThreeWordsKeepsEveryBundle() {
        assertEquals(Set.of(), ProviderBundles.unneeded(List.of("prior laplace org.workbench.prior-laplace",
                "prior org.workbench.prior-gaussian"), Set.of("gaussian-mean")));
    }
}
