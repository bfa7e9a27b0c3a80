package org.workbench.engine.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** Writes result folders shaped like the engine's ({@code result.json} with provenance), without running anything. */
final class FakeRuns {
    private FakeRuns() {
    }

    /** A run of p2-5's shape without a sweep: prior laplace with {@code scale}, a study result {@code mse}. */
    static Path single(Path results, String experiment, String runId, double scale, double mse, String started,
            boolean overrides) throws IOException {
        JsonObject root = base(experiment, started, scale, overrides);
        JsonObject res = new JsonObject();
        res.addProperty("lambda", 1.0 / scale);
        JsonObject testMse = new JsonObject();
        testMse.addProperty("map", mse);
        testMse.addProperty("posteriorMean", mse / 2);
        res.add("testMse", testMse);
        JsonArray w = new JsonArray();
        w.add(0.5);
        w.add(0.25);
        res.add("w", w);
        res.addProperty("form", "-1/(2 sigma^2) ||Xw - y||^2");
        res.addProperty("converged", true);
        root.add("results", res);
        return write(results, experiment, runId, root);
    }

    /** A sweep over prior.scale with one point per entry of {@code mseByScale}. */
    static Path sweep(Path results, String experiment, String runId, Map<Double, Double> mseByScale, String started)
            throws IOException {
        JsonObject root = base(experiment, started, 1.0, false);
        JsonArray points = new JsonArray();
        long seed = 7;
        for (Map.Entry<Double, Double> e : mseByScale.entrySet()) {
            JsonObject point = new JsonObject();
            JsonObject set = new JsonObject();
            set.addProperty("prior.scale", e.getKey());
            point.add("set", set);
            point.addProperty("seed", seed++);
            JsonObject res = new JsonObject();
            JsonObject testMse = new JsonObject();
            testMse.addProperty("map", e.getValue());
            res.add("testMse", testMse);
            point.add("results", res);
            points.add(point);
        }
        root.add("points", points);
        return write(results, experiment, runId, root);
    }

    /**
     * A component sweep as the engine writes it: one point per prior provider ({@code "prior": {"use": ...,
     * "with": {"scale": ...}}}), each point's provider in {@code points[i].components}, provenance holding
     * the first point's provider marked {@code perPoint}.
     */
    static Path componentSweep(Path results, String experiment, String runId, Map<String, Double> scaleByProvider,
            String started) throws IOException {
        String first = scaleByProvider.keySet().iterator().next();
        JsonObject root = base(experiment, started, scaleByProvider.get(first), false);
        JsonObject prior = root.getAsJsonObject("provenance").getAsJsonObject("components").getAsJsonObject("prior");
        prior.addProperty("name", first);
        prior.addProperty("perPoint", "the sweep chooses this role's provider");
        JsonArray points = new JsonArray();
        for (Map.Entry<String, Double> e : scaleByProvider.entrySet()) {
            JsonObject point = new JsonObject();
            JsonObject set = new JsonObject();
            JsonObject component = new JsonObject();
            component.addProperty("use", e.getKey());
            JsonObject with = new JsonObject();
            with.addProperty("scale", e.getValue());
            component.add("with", with);
            set.add("prior", component);
            point.add("set", set);
            JsonObject ran = new JsonObject();
            ran.add("prior", component("prior", e.getKey()));
            ran.getAsJsonObject("prior").remove("parameters");
            ran.getAsJsonObject("prior").addProperty("version", e.getKey().equals(first) ? "1.0.0" : "2.1.0");
            point.add("components", ran);
            JsonObject res = new JsonObject();
            res.addProperty("mse", e.getValue() * 2);
            point.add("results", res);
            points.add(point);
        }
        root.add("points", points);
        return write(results, experiment, runId, root);
    }

    private static JsonObject base(String experiment, String started, double scale, boolean overrides) {
        JsonObject root = new JsonObject();
        root.addProperty("name", experiment);
        root.addProperty("title", "Title of " + experiment);
        root.addProperty("task", "bayesian-linear-regression");
        root.addProperty("status", "ok");
        root.addProperty("seed", 2505);
        JsonObject provenance = new JsonObject();
        JsonObject task = component("task", "bayesian-linear-regression");
        task.getAsJsonObject("parameters").addProperty("replications", 200);
        provenance.add("task", task);
        JsonObject components = new JsonObject();
        JsonObject prior = component("prior", "laplace");
        JsonArray s = new JsonArray();
        s.add(scale);
        prior.getAsJsonObject("parameters").add("scale", s);
        components.add("prior", prior);
        JsonObject likelihood = component("likelihood", "gaussian");
        likelihood.getAsJsonObject("parameters").addProperty("variance", 1.0);
        components.add("likelihood", likelihood);
        provenance.add("components", components);
        provenance.addProperty("descriptor", "experiments/" + experiment + ".json");
        JsonArray o = new JsonArray();
        if (overrides) {
            o.add("prior.with.scale=" + scale);
        }
        provenance.add("overrides", o);
        provenance.addProperty("startedAt", started);
        provenance.addProperty("durationMs", 1234);
        root.add("provenance", provenance);
        return root;
    }

    private static JsonObject component(String kind, String name) {
        JsonObject c = new JsonObject();
        c.addProperty("kind", kind);
        c.addProperty("name", name);
        c.addProperty("bundle", "org.workbench." + kind + "-" + name);
        c.addProperty("version", "1.0.0");
        c.add("parameters", new JsonObject());
        return c;
    }

    private static Path write(Path results, String experiment, String runId, JsonObject root) throws IOException {
        Path folder = results.resolve(experiment).resolve(runId);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("result.json"), new Gson().toJson(root), StandardCharsets.UTF_8);
        return folder;
    }
}
