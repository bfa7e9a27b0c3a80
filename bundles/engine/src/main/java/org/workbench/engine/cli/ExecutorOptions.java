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
 * {@link Provider#OPTIONS}, read without activating any, and those that the executors on demand
 * declare in their jars ({@link DeclaredExecutorOptions}), read without starting them; a run that
 * names an executor with members starts its bundles first, since it needs them.
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
        if (name != null && !"local".equals(name)) {
            // a run on a named executor with members needs its bundles anyway
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
        if (name == null) {
            // an option no running executor declares: the executors on demand declare theirs in their jars,
            // read without starting them (a mistyped option must not start Hazelcast only to be refused)
            try {
                ExecutorAliases.parse(DeclaredExecutorOptions.of(context.onDemand().jars(OnDemandBundles.CLUSTER)))
                        .forEach(out::putIfAbsent);
            } catch (IllegalArgumentException bad) {
                context.err().println("warning: an executor of the distribution declares an option badly: " + bad.getMessage());
            }
        }
        return out;
    }
}
