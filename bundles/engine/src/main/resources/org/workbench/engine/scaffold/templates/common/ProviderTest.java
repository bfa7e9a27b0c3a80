package {{package}};

import org.workbench.api.Provider;
import org.workbench.api.testing.ProviderContract;
import {{interface}};

/** The contract every provider keeps (unique, described parameters; defaults in range; a fresh component per run). */
class {{className}}ProviderTest extends ProviderContract<{{interfaceSimple}}> {
    @Override
    protected Provider<{{interfaceSimple}}> provider() {
        return new {{className}}Provider();
    }
}
