package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * The jars a start with no plugin need not install are those the distribution's record names as
     * bundles left unstarted; each such set has a bundle cache of its own.
     */
    @Test
    void theJarsOfTheBundlesLeftOutAreFoundByTheRecordAndKeyTheirOwnCache(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve(BuiltInManifest.FILE), "# the record\n"
                + "aa bundles/prior-gaussian-1.0.0.jar org.workbench.prior-gaussian 1.0.0\n"
                + "bb bundles/prior-laplace-1.0.0.jar org.workbench.prior-laplace 1.0.0\n"
                + "cc bundles/task-train-classifier-1.0.0.jar org.workbench.task-train-classifier 1.0.0\n");
        Path gaussian = home.resolve("bundles/prior-gaussian-1.0.0.jar");
        Path laplace = home.resolve("bundles/prior-laplace-1.0.0.jar");
        Path classifier = home.resolve("bundles/task-train-classifier-1.0.0.jar");
        Path unrecorded = home.resolve("bundles/new-1.0.0.jar");
        ProviderBundles bundles = new ProviderBundles(Set.of("org.workbench.prior-laplace", "org.workbench.task-train-classifier"));
        assertEquals(List.of(laplace, classifier), bundles.notInstalled(home, List.of(gaussian, laplace, classifier, unrecorded)));
        assertEquals(List.of(), ProviderBundles.ALL.notInstalled(home, List.of(gaussian, laplace)));

        assertEquals("", ProviderBundles.cacheSuffix(List.of()));
        String two = ProviderBundles.cacheSuffix(List.of(laplace, classifier));
        assertEquals(two, ProviderBundles.cacheSuffix(List.of(classifier, laplace)), "the same set, the same cache");
        assertNotEquals(two, ProviderBundles.cacheSuffix(List.of(laplace, gaussian)));
        assertTrue(two.matches("-without-2-[0-9a-f]+"), two);
    }
}
