package org.workbench.engine.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.workbench.api.Kinds;
import org.workbench.api.Provider;
import org.workbench.engine.catalog.OnDemandBundles;
import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.catalog.ProviderSource;

/**
 * The short options that the registered executors declare in their service property
 * {@link Provider#OPTIONS}, read without activating any; the executors with members are started on
 * demand first, since their bundles are not there for a plain run.
 */
final class ExecutorOptions {
    private final CommandContext context;

    ExecutorOptions(CommandContext context) {
        this.context = context;
    }

    /**
     * The aliases that executor {@code name} declares, or every executor when {@code name} is {@code null}
     * (the first to declare an option has it).
     */
    Map<String, ExecutorAliases.Alias> declared(String name) {
        if (!"local".equals(name)) {
            context.onDemand().start(OnDemandBundles.CLUSTER); // a folder that does not start leaves its options unknown
        }
        ProviderSource providers = context.providers();
        Map<String, ExecutorAliases.Alias> out = new LinkedHashMap<>();
        for (ProviderEntry e : providers.entries()) {
            if (e.kind().equals(Kinds.EXECUTOR) && (name == null || e.name().equals(name))) {
                try {
                    ExecutorAliases.parse(providers.property(e, Provider.OPTIONS)).forEach(out::putIfAbsent);
                } catch (IllegalArgumentException bad) {
                    context.err().println("warning: " + e.label() + " declares an option badly: " + bad.getMessage());
                }
            }
        }
        return out;
    }
}
