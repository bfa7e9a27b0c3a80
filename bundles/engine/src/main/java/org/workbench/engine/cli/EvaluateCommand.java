package org.workbench.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.workbench.api.Workbench;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.PluginFault;
import org.workbench.engine.run.Evaluation;
import org.workbench.engine.run.Plan;
import org.workbench.engine.run.RunFailure;
import org.workbench.engine.service.RunService;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code evaluate RUN}: reloads a finished training run's checkpoint into the network its descriptor
 * names and reports the test loss, accuracy and confusion matrix, written beside its
 * {@code result.json} as {@code evaluation.json} (whole or not at all); of a sweep, each point's
 * checkpoint into {@code points/N/evaluation.json}, with one line per point and their mean.
 */
@Command(name = "evaluate", header = "Reload a training run's saved weights and report test loss, accuracy and confusion matrix.",
        description = "Reload a finished training run's checkpoint (weights.npz, or --checkpoint NAME) into the network "
        + "of the run's own effective descriptor and evaluate it on the data's test set (--data PARAM=VALUE changes the "
        + "data component's parameters, e.g. testLimit=1000). Prints test loss, accuracy and the confusion matrix and "
        + "writes them to RUN/evaluation.json, whose path is the last line. Of a sweep (problem 4 over seeds) it "
        + "evaluates every point's checkpoint (or --point N), prints one line per point and their mean, writes "
        + "RUN/points/N/evaluation.json for each, and the run's folder is the last line. Exit 2: RUN or an option is "
        + "invalid; 1: the evaluation failed.")
final class EvaluateCommand implements Callable<Integer> {
    static final String FILE = "evaluation.json";
    private final CommandContext context;

    @Parameters(paramLabel = "RUN", description = "A run's result folder or its result.json (or EXPERIMENT/RUN-ID under --out).")
    Path run;

    @Option(names = "--checkpoint", paramLabel = "NAME", description = "The checkpoint file in the run's folder "
            + "(default: ${DEFAULT-VALUE}, the final weights; checkpoint-epoch-NNN.npz for an intermediate one).")
    String checkpoint = "weights.npz";

    @Option(names = "--data", paramLabel = "PARAM=VALUE", description = "A parameter of the run's data component for the "
            + "evaluation (repeatable), as --set data.with.PARAM=VALUE would set it.")
    List<String> data = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Where EXPERIMENT/RUN-ID is looked up (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results");

    @Option(names = "--json", description = "Print evaluation.json's content instead of text.")
    boolean json;

    EvaluateCommand(CommandContext context) {
        this.context = context;
    }

    @Option(names = "--point", paramLabel = "N", description = "Of a sweep, evaluate point N only (default: every "
            + "point that kept the checkpoint, one line each and their mean).")
    Integer point;

    @Override
    public Integer call() {
        PrintStream err = context.err();
        try {
            Path folder = folder();
            JsonObject doc = document(folder);
            checkName();
            List<String> overrides = new ArrayList<>();
            for (String d : data) {
                if (!d.matches("[A-Za-z][A-Za-z0-9_]*=.*")) {
                    throw new InvalidInputException(null, null, "--data " + d + ": expected PARAM=VALUE, e.g. --data testLimit=1000");
                }
                overrides.add("data.with." + d);
            }
            if (!doc.has("points")) {
                if (point != null) {
                    throw new InvalidInputException(folder.resolve("result.json"), "$.results", "--point " + point
                            + ": this run is not a sweep; leave --point out");
                }
                Path weights = weights(folder);
                JsonObject evaluation = evaluate(doc, folder, weights, overrides, 0);
                Path file = folder.resolve(FILE);
                Written.all(Map.of(file, evaluation));
                printOne(weights, evaluation, file);
                return Workbench.OK;
            }
            return sweep(doc, folder, overrides);
        } catch (InvalidInputException e) {
            err.println("error: " + e.report());
            return Workbench.INVALID;
        } catch (PluginFault e) {
            err.println("error: " + e.report());
            return Workbench.FAILED;
        } catch (RunFailure | IOException | RuntimeException e) {
            err.println("error: evaluate " + run + ": " + e.getMessage());
            return Workbench.FAILED;
        }
    }

    /**
     * A sweep: every point that kept the checkpoint (or point {@link #point}), each written to its
     * {@code points/N/evaluation.json}, one line each and their mean.
     */
    private int sweep(JsonObject doc, Path folder, List<String> overrides) throws InvalidInputException, RunFailure,
            IOException {
        int points = plan(doc, null, overrides).points().size();
        List<Integer> chosen = new ArrayList<>();
        if (point != null) {
            if (point < 0 || point >= points) {
                throw new InvalidInputException(null, null, "--point " + point + ": " + folder + " has points 0 to "
                        + (points - 1));
            }
            weights(pointFolder(folder, point));
            chosen.add(point);
        } else {
            for (int i = 0; i < points; i++) {
                if (Files.isRegularFile(pointFolder(folder, i).resolve(checkpoint))) {
                    chosen.add(i);
                } else {
                    context.err().println("note: point " + i + " kept no " + checkpoint + " (it did not finish): left out");
                }
            }
            if (chosen.isEmpty()) {
                throw new InvalidInputException(folder.resolve("points"), null, "no point of this sweep kept " + checkpoint
                        + " (a train-classifier point keeps weights.npz, and checkpoint-epoch-NNN.npz with checkpointEvery)");
            }
        }
        Map<Path, JsonObject> files = new LinkedHashMap<>();
        JsonArray evaluated = new JsonArray();
        for (int i : chosen) {
            Path weights = pointFolder(folder, i).resolve(checkpoint);
            JsonObject e = evaluate(doc, folder, weights, overrides, i);
            files.put(pointFolder(folder, i).resolve(FILE), e);
            evaluated.add(e);
        }
        Written.all(files);
        if (point != null) {
            printOne(pointFolder(folder, point).resolve(checkpoint), evaluated.get(0).getAsJsonObject(),
                    pointFolder(folder, point).resolve(FILE));
            return Workbench.OK;
        }
        JsonObject mean = Means.of(evaluated);
        if (json) {
            JsonObject all = new JsonObject();
            all.addProperty("checkpoint", checkpoint);
            all.add("points", evaluated);
            all.add("mean", mean);
            context.out().println(all);
        } else {
            for (JsonElement e : evaluated) {
                JsonObject o = e.getAsJsonObject();
                List<String> set = new ArrayList<>();
                o.getAsJsonObject("set").entrySet().forEach(v -> set.add(v.getKey() + "=" + v.getValue()));
                context.out().println(String.format(Locale.ROOT, "point %d (%s): after epoch %d on %d test examples: "
                        + "test loss %.4f, accuracy %.4f", o.get("point").getAsInt(), String.join(", ", set),
                        o.get("epoch").getAsLong(),
                        o.get("examples").getAsLong(), o.get("testLoss").getAsDouble(), o.get("testAccuracy").getAsDouble()));
            }
            context.out().println(String.format(Locale.ROOT, "mean over %d points: test loss %.4f, accuracy %.4f "
                    + "(sd %.4f)", mean.get("points").getAsInt(), mean.get("testLoss").getAsDouble(),
                    mean.get("testAccuracy").getAsDouble(), mean.get("testAccuracySd").getAsDouble()));
        }
        context.out().println(folder);
        return Workbench.OK;
    }

    private static Path pointFolder(Path folder, int index) {
        return folder.resolve("points").resolve(Integer.toString(index));
    }

    /** The run's own effective descriptor planned again, its task told to evaluate {@code weights} (unless null). */
    private Plan plan(JsonObject doc, Path weights, List<String> overrides) throws InvalidInputException {
        JsonObject provenance = doc.getAsJsonObject("provenance");
        List<String> all = new ArrayList<>();
        if (weights != null) {
            all.add("task.with.evaluate=" + weights.toAbsolutePath());
        }
        all.addAll(overrides);
        // the run's own sweep, whatever its size: it ran already
        return context.runService().plan(Path.of(provenance.get("descriptor").getAsString()),
                provenance.getAsJsonObject("effectiveDescriptor"), all, Integer.MAX_VALUE - 8);
    }

    /** Point {@code index}'s evaluation of {@code weights}, as evaluation.json holds it. */
    private JsonObject evaluate(JsonObject doc, Path folder, Path weights, List<String> overrides, int index)
            throws InvalidInputException, RunFailure, IOException {
        RunService service = context.runService();
        Plan plan = plan(doc, weights, overrides);
        JsonObject results = Evaluation.results(plan, index, context.renderer(), service.providers());
        if (!results.has("evaluation")) {
            throw new InvalidInputException(folder.resolve("result.json"), "$.task", "task '" + plan.task().name()
                    + "' does not evaluate checkpoints (train-classifier does)");
        }
        JsonObject evaluation = results.getAsJsonObject("evaluation");
        evaluation.add("confusion", counts(evaluation.getAsJsonArray("confusion")));
        evaluation.addProperty("checkpoint", checkpoint);
        if (plan.swept()) {
            evaluation.addProperty("point", index);
            JsonObject set = new JsonObject();
            plan.points().get(index).set().forEach(set::add);
            evaluation.add("set", set);
        }
        JsonArray given = new JsonArray();
        data.forEach(given::add);
        evaluation.add("data", given);
        evaluation.addProperty("evaluatedAt", Instant.now().toString());
        return evaluation;
    }

    private void printOne(Path weights, JsonObject evaluation, Path file) {
        if (json) {
            context.out().println(evaluation);
        } else {
            print(context.out(), weights, evaluation);
        }
        context.out().println(file);
    }

    /** RUN as a folder: itself, the folder of a result.json, or EXPERIMENT/RUN-ID under --out. */
    private Path folder() throws InvalidInputException {
        Path p = run.getFileName() != null && run.getFileName().toString().equals("result.json") ? run.getParent() : run;
        if (p != null && Files.isRegularFile(p.resolve("result.json"))) {
            return p;
        }
        if (!run.isAbsolute() && Files.isRegularFile(out.resolve(run).resolve("result.json"))) {
            return out.resolve(run);
        }
        throw new InvalidInputException(run, null, "no finished run here: expected a result folder holding result.json "
                + "(results/EXPERIMENT/RUN-ID), its result.json, or EXPERIMENT/RUN-ID under " + out);
    }

    private static JsonObject document(Path folder) throws InvalidInputException {
        Path file = folder.resolve("result.json");
        JsonObject doc;
        try {
            doc = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw new InvalidInputException(file, null, "cannot read it as a run's result: " + e.getMessage());
        }
        JsonElement provenance = doc.get("provenance");
        if (provenance == null || !provenance.isJsonObject()
                || !provenance.getAsJsonObject().has("effectiveDescriptor") || !provenance.getAsJsonObject().has("descriptor")) {
            throw new InvalidInputException(file, "$.provenance", "has no effective descriptor to rebuild the network from");
        }
        return doc;
    }

    private void checkName() throws InvalidInputException {
        if (!checkpoint.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.npz")) {
            throw new InvalidInputException(null, null, "--checkpoint " + checkpoint
                    + ": expected a file name in the run's folder ending in .npz, e.g. weights.npz");
        }
    }

    private Path weights(Path folder) throws InvalidInputException {
        Path file = folder.resolve(checkpoint);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file, null, "no such checkpoint in the run's folder (a train-classifier run "
                    + "keeps weights.npz, and checkpoint-epoch-NNN.npz with checkpointEvery)");
        }
        return file;
    }

    /** The confusion matrix's counts as whole numbers. */
    private static JsonArray counts(JsonArray matrix) {
        JsonArray out = new JsonArray();
        for (JsonElement row : matrix) {
            JsonArray r = new JsonArray();
            row.getAsJsonArray().forEach(v -> r.add(v.getAsLong()));
            out.add(r);
        }
        return out;
    }

    private static void print(PrintStream out, Path weights, JsonObject e) {
        out.println(String.format(Locale.ROOT, "%s (after epoch %d) on %d test examples: test loss %.4f, accuracy %.4f",
                weights, e.get("epoch").getAsLong(), e.get("examples").getAsLong(), e.get("testLoss").getAsDouble(),
                e.get("testAccuracy").getAsDouble()));
        JsonArray rows = e.getAsJsonArray("confusion");
        out.println("confusion matrix (row: true class, column: predicted class):");
        StringBuilder head = new StringBuilder("      ");
        for (int j = 0; j < rows.size(); j++) {
            head.append(String.format(Locale.ROOT, "%6d", j));
        }
        out.println(head);
        for (int i = 0; i < rows.size(); i++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%6d", i));
            for (JsonElement v : rows.get(i).getAsJsonArray()) {
                line.append(String.format(Locale.ROOT, "%6d", v.getAsLong()));
            }
            out.println(line);
        }
    }
}
