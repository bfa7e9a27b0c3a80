package org.workbench.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Problem 4's code: the regions of the training bundles' own sources marked
 * {@code // handin:begin NAME} ... {@code // handin:end}, which the build copies into this bundle
 * ({@code handin/sources/}, with the version each was built as in {@code handin/versions.properties}),
 * so a listing is always the code that ran. A name marked several times in one file is one listing
 * whose parts are joined by an elision line.
 */
final class Listings {
    static final String BEGIN = "// handin:begin ";
    static final String END = "// handin:end";
    private static final String SOURCES = "/handin/sources/";

    /**
     * One listing.
     *
     * @param bundle   the bundle's Maven artifact id ({@code layers-core})
     * @param version  the version it was built as
     * @param type     the class the code is taken from
     * @param template the homework template's function this code is, in one line
     * @param code     the marked regions, common indentation removed
     */
    record Listing(String bundle, String version, String type, String template, String code) {
        /** The bundle's symbolic name, as {@code ./workbench list --wide} shows it. */
        String symbolicName() {
            return "org.workbench." + bundle;
        }
    }

    private record Region(String name, String bundle, String file, String template) {
    }

    /** What the template asks for, in the order a reader follows it: the layers, the loss, the network, the step, the loop. */
    private static final List<Region> REGIONS = List.of(
            new Region("relu", "layers-core", "org/workbench/layers/core/Relu.java",
                    "<code>relu(x)</code>: max(x, 0) element by element; its backward pass keeps the gradient where the output is positive."),
            new Region("dense-forward", "layers-core", "org/workbench/layers/core/Dense.java",
                    "<code>Linear.forward</code>: Y = X W<sup>T</sup> + b for a batch X (the <code>X @ W1.T + b1</code> and <code>H @ W2.T + b2</code> of <code>net(X)</code>)."),
            new Region("dense-backward", "layers-core", "org/workbench/layers/core/Dense.java",
                    "<code>Linear.backward</code>: dW = G<sup>T</sup> X, db = the column sums of G, dX = G W for the upstream gradient G."),
            new Region("softmax-cross-entropy", "loss-core", "org/workbench/loss/core/SoftmaxCrossEntropy.java",
                    "<code>softmax</code> and <code>cross_entropy</code>, fused: the mean loss over the batch through log-sum-exp, and its gradient (softmax(S) &minus; Y)/B."),
            new Region("network", "api", "org/workbench/api/nn/Network.java",
                    "<code>net(X)</code>: the layers dense(256), relu, dense(10) in order forward, and in reverse backward."),
            new Region("sgd", "optimizer-sgd", "org/workbench/optimizer/sgd/Sgd.java",
                    "<code>sgd(params, lr=0.1)</code>: &theta; &larr; &theta; &minus; lr &nabla;<sub>&theta;</sub>L for every weight block."),
            new Region("train", "task-train-classifier", "org/workbench/task/trainclassifier/TrainClassifier.java",
                    "<code>train(net, params, train_iter, loss_func, updater)</code>: each epoch reshuffles the rows and runs every batch of 256 forward, through the loss, backward and one SGD step."));

    private Listings() {
    }

    /** Every listing, in reading order. */
    static List<Listing> all() {
        Properties versions = new Properties();
        try (InputStream in = Listings.class.getResourceAsStream("/handin/versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("this bundle was built without handin/versions.properties");
            }
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Listing> out = new ArrayList<>();
        for (Region r : REGIONS) {
            String path = SOURCES + r.bundle() + "/src/main/java/" + r.file();
            String source;
            try (InputStream in = Listings.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("this bundle was built without " + path);
                }
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String type = r.file().substring(r.file().lastIndexOf('/') + 1).replace(".java", "");
            out.add(new Listing(r.bundle(), versions.getProperty(r.bundle(), "?"), type, r.template(),
                    region(source, r.name(), path)));
        }
        return out;
    }

    /**
     * The lines between every {@code // handin:begin NAME} and the next {@code // handin:end} of
     * {@code source}, without the common indentation; parts are joined by {@code // …} at the
     * indentation of the part that follows.
     *
     * @throws IllegalStateException when NAME is not marked, or a region is not closed
     */
    static String region(String source, String name, String where) {
        List<List<String>> parts = new ArrayList<>();
        List<String> current = null;
        for (String line : source.split("\r?\n", -1)) {
            String t = line.strip();
            if (t.equals(BEGIN.strip() + " " + name)) {
                if (current != null) {
                    throw new IllegalStateException(where + ": region '" + name + "' begins again before it ends");
                }
                current = new ArrayList<>();
            } else if (t.equals(END) && current != null) {
                parts.add(current);
                current = null;
            } else if (current != null && !t.startsWith(BEGIN.strip()) && !t.equals(END)) {
                current.add(line.stripTrailing());
            }
        }
        if (current != null) {
            throw new IllegalStateException(where + ": region '" + name + "' has no " + END);
        }
        if (parts.isEmpty()) {
            throw new IllegalStateException(where + ": no region '" + name + "' (marked " + BEGIN + name + ")");
        }
        int indent = Integer.MAX_VALUE;
        for (List<String> part : parts) {
            for (String line : part) {
                if (!line.isBlank()) {
                    indent = Math.min(indent, leading(line));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (int p = 0; p < parts.size(); p++) {
            List<String> part = parts.get(p);
            if (p > 0) {
                String first = part.stream().filter(l -> !l.isBlank()).findFirst().orElse("");
                out.append(" ".repeat(Math.max(0, leading(first) - indent))).append("// …\n");
            }
            for (String line : part) {
                out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    private static int leading(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
