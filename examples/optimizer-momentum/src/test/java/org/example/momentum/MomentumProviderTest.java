package org.example.momentum;

import org.workbench.api.Provider;
import org.workbench.api.nn.GradientOptimizer;
import org.workbench.api.testing.ProviderContract;

/** The contract every provider keeps (unique, described parameters; defaults in range; a fresh component per run). */
class MomentumProviderTest extends ProviderContract<GradientOptimizer> {
    @Override
    protected Provider<GradientOptimizer> provider() {
        return new MomentumProvider();
    }
}
