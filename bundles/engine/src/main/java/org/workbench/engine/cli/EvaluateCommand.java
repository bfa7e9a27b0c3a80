package org.workbench.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.workbench.api.Workbench;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.PluginFault;
import org.workbench.engine.output.JsonText;
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
 * {@code result.json} as {@code evaluation.json} (whole or not at all).
 */
@Command(name = "evaluate", header = "Reload a training run's saved weights and report test loss, accuracy and confusion matrix.",
        description = "Reload a finished training run's checkpoint (weights.npz, or --checkpoint NAME) into the network "
        + "of the run's own effective descriptor and evaluate it on the data's test set (--data PARAM=VALUE changes the "
        + "data component's parameters, e.g. testLimit=1000). Prints test loss, accuracy and the confusion matrix and "
        + "writes them to RUN/evaluation.json, whose path is the last line. Exit 2: RUN or an option is invalid; "
        + "1: the evaluation failed.")
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

    @Override
    public Integer call() {
        PrintStream err = context.err();
        try {
            Path folder = folder();
            JsonObject doc = document(folder);
            Path weights = weights(folder);
            RunService service = context.runService();
            List<String> overrides = new ArrayList<>();
            overrides.add("task.with.evaluate=" + weights.toAbsolutePath());
            for (String d : data) {
                if (!d.matches("[A-Za-z][A-Za-z0-9_]*=.*")) {
                    throw new InvalidInputException(null, null, "--data " + d + ": expected PARAM=VALUE, e.g. --data testLimit=1000");
                }
                overrides.add("data.with." + d);
            }
            JsonObject provenance = doc.getAsJsonObject("provenance");
            Path descriptorFile = Path.of(provenance.get("descriptor").getAsString());
            Plan plan = service.plan(descriptorFile, provenance.getAsJsonObject("effectiveDescriptor"), overrides);
            JsonObject results = Evaluation.results(plan, context.renderer(), service.providers());
            if (!results.has("evaluation")) {
                throw new InvalidInputException(folder.resolve("result.json"), "$.task", "task '" + plan.task().name()
                        + "' does not evaluate checkpoints (train-classifier does)");
            }
            JsonObject evaluation = results.getAsJsonObject("evaluation");
            evaluation.add("confusion", counts(evaluation.getAsJsonArray("confusion")));
            evaluation.addProperty("checkpoint", checkpoint);
            JsonArray given = new JsonArray();
            data.forEach(given::add);
            evaluation.add("data", given);
            evaluation.addProperty("evaluatedAt", Instant.now().toString());
            Path file = write(folder, evaluation);
            if (json) {
                context.out().println(evaluation);
            } else {
                print(context.out(), weights, evaluation);
            }
            context.out().println(file);
            return Workbench.OK;
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
        if (doc.has("points")) {
            throw new InvalidInputException(file, "$.points", "a sweep of " + doc.getAsJsonArray("points").size()
                    + " points: evaluate takes a run of one point");
        }
        return doc;
    }

    private Path weights(Path folder) throws InvalidInputException {
        if (!checkpoint.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.npz")) {
            throw new InvalidInputException(null, null, "--checkpoint " + checkpoint
                    + ": expected a file name in the run's folder ending in .npz, e.g. weights.npz");
        }
        Path file = folder.resolve(checkpoint);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file, null, "no such checkpoint in the run's folder (a train-classifier run "
                    + "keeps weights.npz, and checkpoint-epoch-NNN.npz with checkpointEvery)");
        }
        return file;
    }

    private static Path write(Path folder, JsonObject evaluation) throws IOException {
        Path file = folder.resolve(FILE);
        Path tmp = folder.resolve(FILE + ".tmp");
        try (var w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            JsonText.write(evaluation, w);
            w.write('\n');
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
