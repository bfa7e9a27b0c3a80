package org.workbench.engine.run;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.VersionRange;
import org.workbench.engine.catalog.Origin;
import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.descriptor.Origins;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The third-party code a run uses: every provider of its plan (task and components) whose bundle
 * is not one of the distribution's own as the build recorded them. Such a run prints one note per
 * provider, records them under {@code provenance.thirdParty} ({@code role}, {@code kind},
 * {@code name}, {@code bundle}, {@code version}, {@code location}, {@code sha256}, {@code why}),
 * and the web pages and the report mark it and never take it for a homework answer. For a
 * descriptor that takes built-in providers only, the plugins passed over are noted too.
 */
public final class ThirdParty {
    /** The provenance key. */
    public static final String KEY = "thirdParty";

    private ThirdParty() {
    }

    /** One provider of a plan from outside the distribution. */
    public record Use(String role, ProviderEntry entry, Origin origin) {
    }

    /** The providers of {@code plan} that are not built in, task first. */
    public static List<Use> uses(Plan plan, ProviderSource source) {
        List<Use> uses = new ArrayList<>();
        Origin task = source.origin(plan.task());
        if (!task.builtIn()) {
            uses.add(new Use(Planner.TASK, plan.task(), task));
        }
        for (ResolvedComponent c : plan.everyComponent()) {
            Origin o = source.origin(c.entry());
            if (!o.builtIn()) {
                uses.add(new Use(c.label(), c.entry(), o));
            }
        }
        return uses;
    }

    /** The console's lines for {@code uses}. */
    public static List<String> notes(List<Use> uses) {
        List<String> notes = new ArrayList<>();
        for (Use u : uses) {
            notes.add(u.role() + ": third-party code: " + u.entry().label() + " from bundle " + u.entry().bundle() + " "
                    + u.entry().version() + " (" + (u.origin().location().isEmpty() ? "" : u.origin().location() + ": ")
                    + u.origin().why() + "); the result is marked as computed with third-party code and answers no"
                    + " homework question");
        }
        return notes;
    }

    /** {@code provenance.thirdParty} for {@code uses}. */
    public static JsonArray json(List<Use> uses) {
        JsonArray out = new JsonArray();
        for (Use u : uses) {
            JsonObject o = new JsonObject();
            o.addProperty("role", u.role());
            o.addProperty("kind", u.entry().kind());
            o.addProperty("name", u.entry().name());
            o.addProperty("bundle", u.entry().bundle());
            o.addProperty("version", u.entry().version().toString());
            o.addProperty("location", u.origin().location());
            o.addProperty("sha256", u.origin().sha256());
            o.addProperty("why", u.origin().why());
            out.add(o);
        }
        return out;
    }

    /**
     * For a descriptor that takes built-in providers only: every third-party provider of the same
     * kind and name as a chosen component, inside its version range, that was passed over for it.
     */
    public static List<String> passedOver(Plan plan, ProviderSource source) {
        List<String> notes = new ArrayList<>();
        if (!Origins.builtInOnly(plan.descriptor())) {
            return notes;
        }
        List<ProviderEntry> all = source.entries();
        List<String> labels = new ArrayList<>();
        List<ProviderEntry> chosen = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        labels.add(Planner.TASK);
        chosen.add(plan.task());
        ranges.add(plan.descriptor().task().versionRange());
        for (ResolvedComponent c : plan.everyComponent()) {
            labels.add(c.label());
            chosen.add(c.entry());
            ranges.add(c.spec().versionRange());
        }
        for (int i = 0; i < chosen.size(); i++) {
            ProviderEntry e = chosen.get(i);
            VersionRange range = ranges.get(i) == null ? null : VersionRange.valueOf(ranges.get(i));
            for (ProviderEntry other : all) {
                if (other.kind().equals(e.kind()) && other.name().equals(e.name())
                        && !(other.bundle().equals(e.bundle()) && other.version().equals(e.version()))
                        && (range == null || range.includes(other.version()))) {
                    Origin o = source.origin(other);
                    if (!o.builtIn()) {
                        notes.add(labels.get(i) + ": " + other.label() + " from third-party bundle " + other.bundle()
                                + " " + other.version() + (o.location().isEmpty() ? "" : " (" + o.location() + ")")
                                + " passed over: this descriptor takes built-in providers only (\"" + Origins.KEY
                                + "\": \"" + Origins.BUILT_IN + "\"); " + e.label() + " from " + e.bundle() + " answers");
                    }
                }
            }
        }
        return notes;
    }
}
