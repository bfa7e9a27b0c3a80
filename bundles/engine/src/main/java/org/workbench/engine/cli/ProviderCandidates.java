package org.workbench.engine.cli;

import java.util.Iterator;
import java.util.TreeSet;

import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.catalog.ProviderSource;

/** Completion candidates for {@code describe}: {@code KIND/NAME} of every provider installed now. */
final class ProviderCandidates implements Iterable<String> {
    private final ProviderSource providers;

    /** Without a catalogue (picocli's own instantiation): no candidates. */
    ProviderCandidates() {
        this(java.util.List::of);
    }

    ProviderCandidates(ProviderSource providers) {
        this.providers = providers;
    }

    @Override
    public Iterator<String> iterator() {
        TreeSet<String> names = new TreeSet<>();
        for (ProviderEntry e : providers.entries()) {
            names.add(e.kind() + "/" + e.name());
        }
        return names.iterator();
    }
}
