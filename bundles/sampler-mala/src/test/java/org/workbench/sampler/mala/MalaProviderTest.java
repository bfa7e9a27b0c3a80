package org.workbench.sampler.mala;

import org.workbench.api.Provider;
import org.workbench.api.linear.PosteriorSampler;
import org.workbench.api.testing.ProviderContract;

class MalaProviderTest extends ProviderContract<PosteriorSampler> {
    @Override
    protected Provider<PosteriorSampler> provider() {
        return new MalaProvider();
    }
}
