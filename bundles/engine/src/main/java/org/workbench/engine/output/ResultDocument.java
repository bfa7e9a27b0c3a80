package org.workbench.engine.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.workbench.engine.run.InputRecord;
import org.workbench.engine.run.Plan;
import org.workbench.engine.run.PlanPoint;
import org.workbench.engine.run.PointOutcome;
import org.workbench.engine.run.ResolvedComponent;
import org.workbench.engine.run.Swap;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Writes {@code result.json}: the task's results (or one entry per sweep point), the artifacts, and
 * provenance detailed enough to rerun the experiment: every component's provider, bundle and
 * version, its resolved parameters and seed, the descriptor's hash and effective JSON with versions
 * pinned, Java, OS and framework.
 */
public final class ResultDocument {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private ResultDocument() {
    }

    public static void write(Path file, Plan plan, List<PointOutcome> outcomes, List<String> sweepArtifacts,
            Map<String, String> environment, Instant startedAt, long durationMs) throws IOException {
        write(file, build(plan, outcomes, sweepArtifacts, environment, startedAt, durationMs));
    }

    /** Writes a built document (which the runner may amend first, e.g. with the executor's provenance). */
    public static void write(Path file, JsonObject doc) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            GSON.toJson(doc, w);
            w.write('\n');
        }
    }

    public static JsonObject build(Plan plan, List<PointOutcome> outcomes, List<String> sweepArtifacts,
            Map<String, String> environment, Instant startedAt, long durationMs) {
        JsonObject doc = new JsonObject();
        doc.addProperty("name", plan.descriptor().name());
        doc.addProperty("title", plan.descriptor().title());
        doc.addProperty("task", plan.task().name());
        doc.addProperty("status", "ok");
        doc.addProperty("seed", plan.descriptor().seed());
        List<String> artifacts = new ArrayList<>(sweepArtifacts);
        if (plan.swept()) {
            JsonArray points = new JsonArray();
            for (PointOutcome o : outcomes) {
                JsonObject p = new JsonObject();
                JsonObject set = new JsonObject();
                o.point().set().forEach(set::add);
                p.add("set", set);
                p.addProperty("seed", o.point().seed());
                p.add("results", JsonValues.tree(o.results()));
                p.add("artifacts", JsonValues.value(withInputs(o)));
                p.add("seeds", JsonValues.value(o.seeds()));
                p.addProperty("durationMs", o.durationMs());
                points.add(p);
                artifacts.addAll(withInputs(o));
            }
            doc.add("points", points);
            if (plan.descriptor().sweep().stream().anyMatch(org.workbench.engine.descriptor.SweepAxis::isSeed)) {
                doc.add("summary", SeedSummary.of(outcomes));
            }
        } else {
            doc.add("results", JsonValues.tree(outcomes.get(0).results()));
            artifacts.addAll(withInputs(outcomes.get(0)));
        }
        doc.add("artifacts", JsonValues.value(artifacts));
        doc.add("provenance", provenance(plan, outcomes, environment, startedAt, durationMs));
        return doc;
    }

    private static JsonObject provenance(Plan plan, List<PointOutcome> outcomes, Map<String, String> environment,
            Instant startedAt, long durationMs) {
        PlanPoint first = plan.points().get(0);
        JsonObject p = new JsonObject();
        JsonObject task = component("task", plan.task().name(), plan.task().bundle(), plan.task().version().toString());
        task.add("parameters", JsonValues.parameters(first.taskParameters()));
        p.add("task", task);
        JsonObject components = new JsonObject();
        for (ResolvedComponent c : plan.allComponents()) {
            JsonObject o = component(c.entry().kind(), c.entry().name(), c.entry().bundle(),
                    c.entry().version().toString());
            o.add("parameters", JsonValues.parameters(first.parametersOf(c.label())));
            if (c.choice() != null) {
                o.addProperty("chosen", c.choice());
            }
            Long seed = outcomes.get(0).seeds().get(c.label());
            if (seed != null && !plan.swept()) {
                o.addProperty("seed", seed);
            }
            components.add(c.label(), o);
        }
        p.add("components", components);
        if (!plan.swept()) {
            p.add("seeds", JsonValues.value(outcomes.get(0).seeds()));
        }
        p.addProperty("descriptor", plan.descriptor().file().toString());
        p.addProperty("descriptorSha256", plan.descriptor().sha256());
        p.add("overrides", JsonValues.value(plan.descriptor().overrides()));
        p.add("effectiveDescriptor", pinned(plan));
        environment.forEach(p::addProperty);
        p.addProperty("startedAt", startedAt.toString());
        p.addProperty("durationMs", durationMs);
        JsonArray swaps = new JsonArray();
        for (PointOutcome o : outcomes) {
            for (Swap swap : o.swaps()) {
                JsonObject s = new JsonObject();
                if (plan.swept()) {
                    s.addProperty("point", o.point().index());
                }
                s.addProperty("atMs", swap.atMs());
                s.addProperty("role", swap.role());
                s.addProperty("fromBundle", swap.fromBundle());
                s.addProperty("fromVersion", swap.fromVersion());
                s.addProperty("toBundle", swap.toBundle());
                s.addProperty("toVersion", swap.toVersion());
                s.addProperty("costMicros", swap.costMicros());
                if (swap.at() != null) {
                    s.addProperty("at", swap.at());
                }
                swaps.add(s);
            }
        }
        p.add("swaps", swaps);
        p.add("inputs", inputs(plan, outcomes));
        return p;
    }

    /** A point's artifacts, then the generated inputs it kept as CSV. */
    private static List<String> withInputs(PointOutcome o) {
        List<String> all = new ArrayList<>(o.artifacts());
        for (InputRecord input : o.inputs()) {
            if (input.artifact() != null) {
                all.add(input.artifact());
            }
        }
        return all;
    }

    /**
     * Every file a run read and every table it generated, point by point in recording order: a
     * file as {@code {role, path, sha256, bytes}}, a table as {@code {role, generated, rows,
     * columns, seed, sha256, bytes, file}} ({@code file} is {@code null}, with a {@code note}, when
     * the table was too large to keep).
     */
    private static JsonArray inputs(Plan plan, List<PointOutcome> outcomes) {
        JsonArray out = new JsonArray();
        for (PointOutcome o : outcomes) {
            for (InputRecord input : o.inputs()) {
                JsonObject i = new JsonObject();
                if (plan.swept()) {
                    i.addProperty("point", o.point().index());
                }
                i.addProperty("role", input.role());
                if (input.path() != null) {
                    i.addProperty("path", input.path());
                } else {
                    i.addProperty("generated", input.generated());
                    i.addProperty("rows", input.rows());
                    i.addProperty("columns", input.columns());
                    i.addProperty("seed", input.seed());
                }
                i.addProperty("sha256", input.sha256());
                i.addProperty("bytes", input.bytes());
                if (input.path() == null) {
                    i.addProperty("file", input.artifact());
                    if (input.artifact() == null) {
                        i.addProperty("note", "larger than " + (InputRecord.KEEP_LIMIT >> 20)
                                + " MB as CSV: not kept; rerun with this seed to regenerate it");
                    }
                }
                out.add(i);
            }
        }
        return out;
    }

    /** The descriptor as run: overrides applied and every component pinned to the exact version that ran. */
    public static JsonObject pinned(Plan plan) {
        JsonObject d = plan.descriptor().effective().deepCopy();
        String taskVersion = plan.task().version().toString();
        d.getAsJsonObject("task").addProperty("version", "[" + taskVersion + "," + taskVersion + "]");
        if (!d.has("components")) {
            d.add("components", new JsonObject());
        }
        JsonObject components = d.getAsJsonObject("components");
        for (ResolvedComponent c : plan.allComponents()) {
            if (!components.has(c.role())) {
                JsonObject filled = new JsonObject();
                filled.addProperty("use", c.entry().name());
                components.add(c.role(), filled);
            }
            JsonObject target = c.label().contains("[")
                    ? components.getAsJsonArray(c.role()).get(c.index()).getAsJsonObject()
                    : components.getAsJsonObject(c.role());
            String v = c.entry().version().toString();
            target.addProperty("version", "[" + v + "," + v + "]");
        }
        if (!d.has("seed")) {
            d.addProperty("seed", plan.descriptor().seed());
        }
        return d;
    }

    private static JsonObject component(String kind, String name, String bundle, String version) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", kind);
        o.addProperty("name", name);
        o.addProperty("bundle", bundle);
        o.addProperty("version", version);
        return o;
    }
}
