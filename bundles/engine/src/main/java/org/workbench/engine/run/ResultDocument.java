package org.workbench.engine.run;

import org.workbench.engine.output.LargeValues;

import org.workbench.engine.output.JsonValues;

import org.workbench.engine.output.JsonText;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.workbench.api.Parameters;
import org.workbench.api.result.ResultLayout;
import org.workbench.engine.descriptor.SweepAxis;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Writes {@code result.json}: the task's results (or one entry per sweep point), the artifacts, and
 * provenance detailed enough to rerun the experiment: every component's provider, bundle and
 * version, its resolved parameters and seed, the descriptor's hash and effective JSON with versions
 * pinned, Java, OS and framework.
 */
public final class ResultDocument {
    private ResultDocument() {
    }

    public static void write(Path file, Plan plan, List<PointOutcome> outcomes, List<String> sweepArtifacts,
            Map<String, String> environment, Instant startedAt, long durationMs) throws IOException {
        write(file, build(plan, outcomes, sweepArtifacts, environment, startedAt, durationMs));
    }

    /** Writes a built document. */
    public static void write(Path file, JsonObject doc) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            JsonText.write(doc, w);
            w.write('\n');
        }
    }

    public static JsonObject build(Plan plan, List<PointOutcome> outcomes, List<String> sweepArtifacts,
            Map<String, String> environment, Instant startedAt, long durationMs) {
        return build(plan, outcomes, sweepArtifacts, List.of(), List.of(), environment, startedAt, durationMs,
                LargeValues.of(pinned(plan)), ExecutionRecord.NONE);
    }

    /**
     * The array of the items {@code items} gives: built now, or, when {@code streams} is not null, a
     * placeholder that {@code streams} maps to them, to be made one by one as they are written.
     */
    private static JsonArray array(Map<JsonArray, Iterable<? extends JsonElement>> streams,
            java.util.function.Supplier<java.util.stream.Stream<JsonElement>> items) {
        JsonArray array = new JsonArray();
        if (streams != null) {
            streams.put(array, () -> items.get().iterator());
        } else {
            items.get().forEach(array::add);
        }
        return array;
    }

    /**
     * The document, with the descriptor's large values ({@code values}, of {@link #pinned(Plan)})
     * referred to instead of copied; their file, {@link LargeValues#FILE}, is listed among the
     * artifacts and written by the caller. {@code sweepPlotIssues} are what the descriptor's plots
     * could not show; the points' own are in their outcomes. The one writer of {@code result.json}'s
     * content: a run whose {@code execution} lost points is {@code "partial"} with its {@code missing}
     * points listed last, and {@code provenance.executor} says where the points ran.
     */
    static JsonObject build(Plan plan, List<PointOutcome> outcomes, List<String> sweepArtifacts,
            List<DrawnPlot> sweepPlots, List<PlotIssue> sweepPlotIssues, Map<String, String> environment,
            Instant startedAt, long durationMs,
            LargeValues values, ExecutionRecord execution) {
        return build(plan, outcomes, sweepArtifacts, sweepPlots, sweepPlotIssues, environment, startedAt, durationMs, values,
                execution, null);
    }

    /**
     * The document of {@link #build(Plan, List, List, List, List, Map, Instant, long, LargeValues, ExecutionRecord)},
     * written to {@code file} with each sweep point, each input and each artifact made as JSON only
     * when it is written, so that the points are never held twice (as outcomes and as JSON): at
     * 100,000 points the inputs alone would take 80 MB as JSON. The text is the same.
     *
     * @param finish what to add to the document before it is written (its title)
     */
    static void writeStreamed(Path file, Plan plan, List<PointOutcome> outcomes, List<String> sweepArtifacts,
            List<DrawnPlot> sweepPlots, List<PlotIssue> sweepPlotIssues, Map<String, String> environment,
            Instant startedAt, long durationMs,
            LargeValues values, ExecutionRecord execution, java.util.function.Consumer<JsonObject> finish)
            throws IOException {
        Map<JsonArray, Iterable<? extends JsonElement>> streams = new java.util.IdentityHashMap<>();
        JsonObject doc = build(plan, outcomes, sweepArtifacts, sweepPlots, sweepPlotIssues, environment, startedAt, durationMs,
                values, execution, streams);
        finish.accept(doc);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            JsonText.write(doc, w, streams);
            w.write('\n');
        }
    }

    /** One point of {@code points}. */
    private static JsonObject point(Plan plan, PointOutcome o, LargeValues values) {
        JsonObject p = new JsonObject();
        p.add("set", set(plan, o.point(), values));
        p.addProperty("seed", o.point().seed());
        p.add("results", JsonValues.tree(o.results()));
        p.add("artifacts", JsonValues.value(withInputs(o)));
        p.add("seeds", JsonValues.value(o.seeds()));
        if (!o.point().components().isEmpty()) {
            p.add("components", pointComponents(o.point()));
        }
        p.addProperty("durationMs", o.durationMs());
        return p;
    }

    /**
     * @param streams when not null, receives the arrays that stand for the points, the inputs and the
     *                artifacts, each with the items the caller writes one by one in its place
     */
    private static JsonObject build(Plan plan, List<PointOutcome> outcomes, List<String> sweepArtifacts,
            List<DrawnPlot> sweepPlots, List<PlotIssue> sweepPlotIssues, Map<String, String> environment,
            Instant startedAt, long durationMs,
            LargeValues values, ExecutionRecord execution, Map<JsonArray, Iterable<? extends JsonElement>> streams) {
        JsonObject doc = new JsonObject();
        doc.addProperty("name", plan.descriptor().name());
        doc.addProperty("title", plan.descriptor().title());
        doc.addProperty("task", plan.task().name());
        doc.addProperty("status", execution.failures().isEmpty() ? "ok" : "partial");
        doc.addProperty("seed", plan.descriptor().seed());
        if (plan.swept()) {
            doc.add("points", array(streams, () -> outcomes.stream().map(o -> (JsonElement) point(plan, o, values))));
            if (plan.descriptor().sweep().stream().anyMatch(org.workbench.engine.descriptor.SweepAxis::isSeed)) {
                doc.add("summary", SeedSummary.of(outcomes));
            }
        } else {
            doc.add("results", JsonValues.tree(outcomes.get(0).results()));
        }
        List<String> after = values.any() ? List.of(LargeValues.FILE) : List.of();
        doc.add("artifacts", array(streams, () -> java.util.stream.Stream.of(sweepArtifacts.stream(),
                outcomes.stream().flatMap(o -> withInputs(o).stream()), after.stream())
                .flatMap(a -> a).map(a -> (JsonElement) new com.google.gson.JsonPrimitive(a))));
        JsonArray plots = plots(plan, outcomes, sweepPlots);
        if (!plots.isEmpty()) {
            doc.add("plots", plots);
        }
        PlotIssues.add(doc, plan, outcomes, sweepPlotIssues);
        ResultLayout layout = layout(plan);
        if (!layout.isEmpty()) {
            doc.add(ResultLayout.KEY, JsonValues.value(layout.toJson()));
        }
        JsonObject provenance = provenance(plan, outcomes, environment, startedAt, durationMs, values, streams);
        if (execution.executor() != null) {
            provenance.add("executor", execution.executor());
        }
        doc.add("provenance", provenance);
        if (!execution.failures().isEmpty()) {
            JsonArray missing = new JsonArray();
            execution.failures().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(f -> {
                JsonObject m = new JsonObject();
                m.addProperty("point", f.getKey());
                m.add("set", set(plan, plan.points().get(f.getKey()), values));
                m.addProperty("reason", f.getValue());
                missing.add(m);
            });
            doc.add("missing", missing);
        }
        return doc;
    }

    /**
     * How the task declares its results are shown ({@link org.workbench.api.TaskProvider#layout()}), written
     * under {@link ResultLayout#KEY} so that any reader renders the run without knowing the task.
     */
    private static ResultLayout layout(Plan plan) {
        try {
            return plan.task().provider() instanceof org.workbench.api.TaskProvider t ? t.layout() : ResultLayout.NONE;
        } catch (IllegalStateException gone) {
            return ResultLayout.NONE; // the task's bundle went away after its run: its results stand without a layout
        }
    }

    /**
     * A point's sweep values by sweep key, each a reference when it is a large value of the
     * descriptor (at {@code /sweep/KEY/I}).
     */
    public static JsonObject set(Plan plan, PlanPoint point, LargeValues values) {
        JsonObject set = new JsonObject();
        List<SweepAxis> axes = plan.descriptor().sweep();
        int rest = point.index();
        int[] at = new int[axes.size()];
        for (int a = axes.size() - 1; a >= 0; a--) {
            at[a] = rest % axes.get(a).values().size();
            rest /= axes.get(a).values().size();
        }
        for (int a = 0; a < axes.size(); a++) {
            String key = axes.get(a).key();
            JsonElement value = point.set().get(key);
            set.add(key, values.at(LargeValues.pointer("sweep", key, at[a]), () -> value));
        }
        return set;
    }

    /**
     * A component's parameters as provenance shows them: each parameter given in the descriptor
     * (in the component's {@code with}, or by a sweep axis) that is a large value there is its
     * reference; the others are their resolved values.
     */
    private static JsonObject parameters(Plan plan, Parameters parameters, String role, Integer index,
            LargeValues values) {
        JsonObject o = new JsonObject();
        parameters.asMap().forEach((name, v) -> {
            String swept = role + "." + name;
            boolean bySweep = index == null && plan.descriptor().sweep().stream().anyMatch(a -> a.key().equals(swept));
            String pointer = bySweep ? LargeValues.pointer("sweep", swept, 0)
                    : role.equals(Planner.TASK) ? LargeValues.pointer("task", "with", name)
                            : index == null ? LargeValues.pointer("components", role, "with", name)
                                    : LargeValues.pointer("components", role, index, "with", name);
            o.add(name, values.at(pointer, () -> JsonValues.value(v)));
        });
        return o;
    }

    private static JsonObject provenance(Plan plan, List<PointOutcome> outcomes, Map<String, String> environment,
            Instant startedAt, long durationMs, LargeValues values,
            Map<JsonArray, Iterable<? extends JsonElement>> streams) {
        PlanPoint first = plan.points().get(0);
        JsonObject p = new JsonObject();
        JsonObject task = component("task", plan.task().name(), plan.task().bundle(), plan.task().version().toString());
        task.add("parameters", parameters(plan, first.taskParameters(), Planner.TASK, null, values));
        p.add("task", task);
        JsonObject components = new JsonObject();
        for (ResolvedComponent c : plan.allComponents()) {
            JsonObject o = component(c.entry().kind(), c.entry().name(), c.entry().bundle(),
                    c.entry().version().toString());
            o.add("parameters", parameters(plan, first.parametersOf(c.label()), c.role(),
                    c.label().contains("[") ? c.index() : null, values));
            if (c.choice() != null) {
                o.addProperty("chosen", c.choice());
            }
            if (plan.points().stream().anyMatch(pt -> pt.components().containsKey(c.label()))) {
                o.addProperty("perPoint", "the sweep chooses this role's provider: these are the first point's; "
                        + "every point's provider and version are in points[i].components");
            }
            Long seed = outcomes.get(0).seeds().get(c.label());
            if (seed != null && !plan.swept()) {
                o.addProperty("seed", seed);
            }
            JsonArray versions = versions(plan, outcomes, c);
            if (versions != null) {
                o.add("versions", versions);
            }
            components.add(c.label(), o);
        }
        p.add("components", components);
        if (!plan.swept()) {
            p.add("seeds", JsonValues.value(outcomes.get(0).seeds()));
        } else {
            p.add("sharedStreams", SharedStreams.of(plan.descriptor().sweep(), outcomes));
        }
        p.addProperty("descriptor", plan.descriptor().file().toString());
        p.addProperty("descriptorSha256", plan.descriptor().sha256());
        p.add("overrides", JsonValues.value(plan.descriptor().overrides()));
        if (plan.swept() && !plan.descriptor().pointPlots(plan.points().size())) {
            p.addProperty("pointPlots", PointPlotsNote.of(plan));
        }
        JsonArray schedule = schedule(plan, outcomes);
        if (schedule.isEmpty()) {
            p.add("effectiveDescriptor", values.compact());
        } else {
            JsonObject effective = new JsonObject();
            values.compact().entrySet().forEach(e -> effective.add(e.getKey(), e.getValue()));
            effective.add("swaps", schedule);
            p.add("effectiveDescriptor", effective);
        }
        environment.forEach((key, value) -> {
            if (RunProvenance.JSON.contains(key)) {
                p.add(key, com.google.gson.JsonParser.parseString(value));
            } else {
                p.addProperty(key, value);
            }
        });
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
                s.addProperty("name", swap.name());
                s.add("parameters", swap.parameters());
                swaps.add(s);
            }
        }
        p.add("swaps", swaps);
        p.add("inputs", array(streams, () -> outcomes.stream().flatMap(o -> inputs(plan, o).stream())));
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
     * Every file the point {@code o} read and every table it generated, in recording order: a
     * file as {@code {role, path, sha256, bytes}}, a table as {@code {role, generated, rows,
     * columns, seed, sha256, hash, bytes, file}} ({@code hash} says what was hashed: the values as
     * float64 little-endian, {@link GeneratedTable}; {@code file} is {@code null}, with a {@code note},
     * when the table was too large to keep as CSV).
     */
    private static List<JsonElement> inputs(Plan plan, PointOutcome o) {
        List<JsonElement> out = new ArrayList<>();
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
            if (input.path() == null) {
                i.addProperty("hash", input.hash());
            }
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
        return out;
    }

    /**
     * The descriptor as run: overrides applied and every component pinned to the exact version that
     * ran. Its data (arrays without objects, strings) is shared with the plan's descriptor: read it.
     */
    public static JsonObject pinned(Plan plan) {
        JsonObject d = (JsonObject) LargeValues.structuralCopy(plan.descriptor().effective());
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

    /**
     * The effective descriptor's {@code "swaps"}: every swap the run made, in order, as a step that a
     * rerun of the effective descriptor replays ({@link org.workbench.engine.descriptor.SwapStep}).
     */
    public static JsonArray schedule(Plan plan, List<PointOutcome> outcomes) {
        JsonArray steps = new JsonArray();
        for (PointOutcome o : outcomes) {
            for (Swap swap : o.swaps()) {
                steps.add(swap.step(plan.swept() ? o.point().index() : null));
            }
        }
        return steps;
    }

    /**
     * Every version of a component that ran, from when ({@code "start"} or the task's safe point),
     * with the parameters each ran with; {@code null} when it was never swapped.
     */
    private static JsonArray versions(Plan plan, List<PointOutcome> outcomes, ResolvedComponent c) {
        JsonArray versions = null;
        for (PointOutcome o : outcomes) {
            for (Swap swap : o.swaps()) {
                if (!swap.role().equals(c.label())) {
                    continue;
                }
                if (versions == null) {
                    versions = new JsonArray();
                    JsonObject first = new JsonObject();
                    first.addProperty("version", c.entry().version().toString());
                    first.addProperty("bundle", c.entry().bundle());
                    first.addProperty("from", "start");
                    versions.add(first);
                }
                JsonObject v = new JsonObject();
                if (plan.swept()) {
                    v.addProperty("point", o.point().index());
                }
                v.addProperty("version", swap.toVersion());
                v.addProperty("bundle", swap.toBundle());
                v.addProperty("from", swap.at() == null ? "check " + swap.check() : swap.at());
                v.addProperty("atMs", swap.atMs());
                v.add("parameters", swap.parameters());
                versions.add(v);
            }
        }
        return versions;
    }

    /** The provider and version each role whose provider the sweep chooses ran at {@code point}, by label. */
    private static JsonObject pointComponents(PlanPoint point) {
        JsonObject out = new JsonObject();
        point.components().forEach((label, c) -> out.add(label, component(c.entry().kind(), c.entry().name(),
                c.entry().bundle(), c.entry().version().toString())));
        return out;
    }

    private static JsonObject component(String kind, String name, String bundle, String version) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", kind);
        o.addProperty("name", name);
        o.addProperty("bundle", bundle);
        o.addProperty("version", version);
        return o;
    }

    /**
     * {@code plots}: each plot drawn, {@code {name, title, files}} with {@code point} (the sweep point's
     * index) for a plot a task drew at a point of a sweep; the points' plots first, then the
     * descriptor's. The title is the one drawn on the image, so that a reader names the image by it.
     */
    private static JsonArray plots(Plan plan, List<PointOutcome> outcomes, List<DrawnPlot> sweepPlots) {
        JsonArray out = new JsonArray();
        for (PointOutcome o : outcomes) {
            for (DrawnPlot p : o.plots()) {
                out.add(plot(p, plan.swept() ? o.point().index() : null));
            }
        }
        sweepPlots.forEach(p -> out.add(plot(p, null)));
        return out;
    }

    private static JsonObject plot(DrawnPlot p, Integer point) {
        JsonObject o = new JsonObject();
        o.addProperty("name", p.name());
        o.addProperty("title", p.title());
        if (point != null) {
            o.addProperty("point", point);
        }
        o.add("files", JsonValues.value(p.files()));
        return o;
    }
}
