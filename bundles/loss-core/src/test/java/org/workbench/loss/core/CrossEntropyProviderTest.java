package org.workbench.loss.core;

import org.workbench.api.Provider;
import org.workbench.api.nn.Loss;
import org.workbench.api.testing.ProviderContract;

class CrossEntropyProviderTest extends ProviderContract<Loss> {
    @Override
    protected Provider<Loss> provider() {
        return new CrossEntropyProvider();
    }
}
