package org.workbench.engine.cli;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.workbench.api.Kinds;
import org.workbench.api.Workbench;
import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.catalog.ProviderSource;

/** {@code list}: every provider with its kind, name, version and bundle. */
final class ListCommand {
    private final ProviderSource providers;
    private final Supplier<List<String>> plugins;

    /**
     * @param plugins one line per jar of the plugins folder (empty outside a runtime)
     */
    ListCommand(ProviderSource providers, Supplier<List<String>> plugins) {
        this.providers = providers;
        this.plugins = plugins;
    }

    int print(PrintStream out) {
        List<ProviderEntry> entries = providers.entries().stream()
                .sorted(Comparator.comparing((ProviderEntry e) -> kindOrder(e.kind())).thenComparing(ProviderEntry::name)
                        .thenComparing(ProviderEntry::version, Comparator.reverseOrder()))
                .toList();
        String format = "%-11s %-27s %-8s %-50s %s%n";
        out.printf(format, "KIND", "NAME", "VERSION", "BUNDLE", "SUMMARY");
        for (ProviderEntry e : entries) {
            out.printf(format, e.kind(), e.name(), e.version(), e.bundle() + " [" + e.bundleId() + "]", e.summary());
        }
        List<String> pluginLines = plugins.get();
        if (!pluginLines.isEmpty()) {
            out.println();
            out.println("plugins folder and provider problems:");
            pluginLines.forEach(l -> out.println("  " + l));
        }
        return Workbench.OK;
    }

    private static int kindOrder(String kind) {
        int i = Kinds.ALL.indexOf(kind);
        return i < 0 ? Kinds.ALL.size() : i;
    }
}
