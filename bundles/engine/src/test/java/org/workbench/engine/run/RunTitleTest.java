package org.workbench.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A title names what ran: a provider swapped out by an override is renamed to the one that ran. */
class RunTitleTest {
    private static final Map<String, Set<String>> KNOWN = Map.of("optimizer", Set.of("sgd", "adam"),
            "prior", Set.of("gaussian", "laplace"), "likelihood", Set.of("gaussian"), "task", Set.of("train-classifier"));

    @Test
    void anOptimizerNamedInTheTitleThatDidNotRunIsRenamed() {
        String title = "4 An MLP for Fashion-MNIST: 784-256-10, ReLU, softmax cross-entropy, SGD";
        assertEquals("4 An MLP for Fashion-MNIST: 784-256-10, ReLU, softmax cross-entropy, adam",
                RunTitle.of(title, Map.of("optimizer", Set.of("adam")), KNOWN));
        assertEquals(title, RunTitle.of(title, Map.of("optimizer", Set.of("sgd")), KNOWN), "SGD ran: the title stays");
    }

    @Test
    void aWordThatNamesAnythingThatRanStays() {
        String title = "Gaussian mean with a Laplace prior";
        assertEquals(title, RunTitle.of(title, Map.of("prior", Set.of("laplace"), "likelihood", Set.of("gaussian")), KNOWN));
        assertEquals("Gaussian mean with a gaussian prior".replace("Gaussian mean", "Gaussian mean"),
                RunTitle.of(title, Map.of("prior", Set.of("gaussian"), "likelihood", Set.of("gaussian")), KNOWN));
    }

    @Test
    void severalComponentsOfTheKindLeaveTheTitleAlone() {
        assertEquals("SGD", RunTitle.of("SGD", Map.of("optimizer", Set.of("adam", "lbfgs")), KNOWN));
        assertEquals("SGDs and sgd-like", RunTitle.of("SGDs and sgd-like", Map.of("optimizer", Set.of("adam")), KNOWN),
                "only whole words");
    }
}
