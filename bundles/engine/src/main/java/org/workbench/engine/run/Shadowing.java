package org.workbench.engine.run;

import java.util.ArrayList;
import java.util.List;

import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.catalog.ProviderSource;

/**
 * Says when a component named without a version range was chosen over a provider of the same
 * kind and name from another bundle only because its version is higher: a plugin {@code prior/gaussian}
 * 2.0.0 dropped into {@code plugins/} silently replacing the built-in 1.0.0 changes every answer
 * that uses it. The run goes ahead (highest version wins, as documented) but prints each such
 * choice and records it under {@code provenance.shadowing}; a descriptor pins {@code "version"} to choose.
 */
public final class Shadowing {
    /** The provenance key under which the notes are recorded. */
    public static final String KEY = "shadowing";

    private Shadowing() {
    }

    /** One note per component of {@code plan} that outranks another bundle's provider; empty when none does. */
    public static List<String> notes(Plan plan, ProviderSource providers) {
        List<ProviderEntry> all = providers.entries();
        List<String> notes = new ArrayList<>();
        List<ResolvedComponent> components = new ArrayList<>(plan.everyComponent());
        List<String> labels = new ArrayList<>();
        List<ProviderEntry> chosen = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        chosen.add(plan.task());
        labels.add(Planner.TASK);
        ranges.add(plan.descriptor().task().versionRange());
        for (ResolvedComponent c : components) {
            chosen.add(c.entry());
            labels.add(c.label());
            ranges.add(c.spec().versionRange());
        }
        for (int i = 0; i < chosen.size(); i++) {
            ProviderEntry e = chosen.get(i);
            if (ranges.get(i) != null) {
                continue;
            }
            for (ProviderEntry other : all) {
                if (other.kind().equals(e.kind()) && other.name().equals(e.name()) && !other.bundle().equals(e.bundle())
                        && other.version().compareTo(e.version()) < 0) {
                    notes.add(labels.get(i) + ": " + e.label() + " (bundle " + e.bundle() + ") outranks " + other.label()
                            + " (bundle " + other.bundle() + ") by version alone; pin \"version\" to choose");
                }
            }
        }
        return notes;
    }
}
