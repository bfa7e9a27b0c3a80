package org.workbench.sampler.gibbslaplace;

import org.workbench.api.Provider;
import org.workbench.api.linear.PosteriorSampler;
import org.workbench.api.testing.ProviderContract;

class GibbsLaplaceProviderTest extends ProviderContract<PosteriorSampler> {
    @Override
    protected Provider<PosteriorSampler> provider() {
        return new GibbsLaplaceProvider();
    }
}
