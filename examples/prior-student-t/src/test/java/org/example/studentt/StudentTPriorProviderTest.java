package org.example.studentt;

import org.workbench.api.Provider;
import org.workbench.api.bayes.Prior;
import org.workbench.api.testing.ProviderContract;

/** The contract every provider keeps (unique, described parameters; defaults in range; a fresh component per run). */
class StudentTPriorProviderTest extends ProviderContract<Prior> {
    @Override
    protected Provider<Prior> provider() {
        return new StudentTPriorProvider();
    }
}
