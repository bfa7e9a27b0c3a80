package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProseTest {
    @Test
    void greekNamesAndPowersReadAsSymbols() {
        assertEquals("1.1 The posterior of μ given D", Prose.unicode("1.1 The posterior of mu given D"));
        assertEquals("x = μ + ε, ε ~ N(0, σ² = 1), prior μ ~ N(0, τ² = 4)",
                Prose.unicode("x = mu + eps, eps ~ N(0, sigma^2 = 1), prior mu ~ N(0, tau^2 = 4)"));
        assertEquals("N(μ_MLE, σ²) with (1/τ² + n/σ²)⁻¹ and x̄, τ → 0 when |x̄| ≤ σ²/(n τ)",
                Prose.unicode("N(mu_MLE, sigma^2) with (1/tau^2 + n/sigma^2)^-1 and xbar, tau -> 0 when |xbar| <= sigma^2/(n tau)"));
    }

    @Test
    void resultKeysAndOrdinaryWordsStay() {
        assertEquals("tauPath, tauCritical, pluginMle.variance, music, computed, lambdas, study.tau",
                Prose.unicode("tauPath, tauCritical, pluginMle.variance, music, computed, lambdas, study.tau"));
    }
}
