package org.workbench.api.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReadableNamesTest {
    @Test
    void resultAndSweepKeysReadAsWords() {
        assertEquals("test MSE, MAP", ReadableNames.of("study.testMse.map.mean"));
        assertEquals("predictive variance Var(x | D)", ReadableNames.of("predictive.variance"));
        assertEquals("prior scale τ", ReadableNames.ofSweepKey("prior.scale"));
        assertEquals("n", ReadableNames.ofSweepKey("data.n"));
        assertEquals("prior variance τ²", ReadableNames.ofSweepKey("prior.variance"));
        assertEquals("MLE", ReadableNames.of("results.mle"));
        assertEquals("MAP / MLE", ReadableNames.of("ratioMapOverMle"));
        assertEquals("test accuracy", ReadableNames.of("testAccuracy"));
    }

    @Test
    void severalKeysShareTheirCommonPart() {
        assertEquals("test MSE", ReadableNames.common(List.of("study.testMse.map.mean", "study.testMse.posteriorMean.mean")));
        assertEquals("MLE, MAP", ReadableNames.common(List.of("mle", "map")));
        assertEquals("MLE", ReadableNames.common(List.of("mle")));
    }
}
