package org.workbench.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The plots the hand-in shows for one answer, embedded in the page: the files its answer names in
 * the front matter ({@code plot: posterior.png}; {@code plot: none} for none), else the run's first
 * PNG, and for a training run its loss and accuracy curves. Each is embedded as its SVG when the run
 * wrote one beside the PNG (vector, sharp in print), else as the PNG.
 */
final class Figures {
    /** The task whose questions show Problem 4's code. */
    static final String TRAINING_TASK = "train-classifier";

    /**
     * @param src     a {@code data:} URI of the image, or null when the run has no such file
     * @param name    the plot's file name
     * @param title   the title drawn on it, as result.json's {@code plots} records it; empty for a run
     *                written before plots were recorded
     */
    record Figure(String src, String name, String title) {
        boolean missing() {
            return src == null;
        }
    }

    private Figures() {
    }

    static List<Figure> of(AnswerFile answer, RunRecord run) throws IOException {
        List<String> artifacts = new ArrayList<>();
        JsonElement a = run.document().get("artifacts");
        if (a != null && a.isJsonArray()) {
            a.getAsJsonArray().forEach(e -> artifacts.add(e.getAsString()));
        }
        List<String> names = new ArrayList<>();
        if (answer.plots().size() == 1 && answer.plots().get(0).equalsIgnoreCase("none")) {
            return List.of();
        } else if (!answer.plots().isEmpty()) {
            answer.plots().forEach(p -> names.add(p.contains(".") ? p : p + ".png"));
        } else if (artifacts.contains("training.png") && artifacts.contains("accuracy.png")) {
            names.add("training.png");
            names.add("accuracy.png");
        } else {
            artifacts.stream().filter(f -> f.endsWith(".png")).findFirst().ifPresent(names::add);
        }
        List<Figure> out = new ArrayList<>();
        PlotLabels labels = new PlotLabels(run.document());
        for (String name : names) {
            out.add(new Figure(embed(run.folder(), name, artifacts), name, labels.recorded(name)));
        }
        return out;
    }

    /** The file (its SVG sibling when there is one) as a {@code data:} URI, or null when the run did not write it. */
    private static String embed(Path folder, String name, List<String> artifacts) throws IOException {
        if (!artifacts.contains(name) || name.contains("/") || name.contains("\\")) {
            return null;
        }
        String svg = name.toLowerCase(Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) + ".svg" : null;
        Path file = svg != null && artifacts.contains(svg) && Files.isRegularFile(folder.resolve(svg)) ? folder.resolve(svg)
                : folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String type = file.getFileName().toString().endsWith(".svg") ? "image/svg+xml" : "image/png";
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    }

    /** Whether an answer of the question trains a network (Problem 4), whose code the hand-in and the page then show. */
    static boolean trainsANetwork(Homework.Question q, Map<String, Path> descriptors) {
        for (AnswerFile a : q.answers()) {
            Path d = descriptors.get(a.base());
            if (d == null) {
                continue;
            }
            try {
                JsonObject descriptor = Json.read(d);
                JsonElement use = Json.at(descriptor, "task.use");
                if (use != null && use.isJsonPrimitive() && TRAINING_TASK.equals(use.getAsString())) {
                    return true;
                }
            } catch (IOException | RuntimeException unreadable) {
                // validate reports an unreadable descriptor; it shows no code
            }
        }
        return false;
    }
}
