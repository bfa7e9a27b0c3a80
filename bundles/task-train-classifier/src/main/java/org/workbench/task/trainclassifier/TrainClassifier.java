package org.workbench.task.trainclassifier;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.io.IOException;

import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.Plot;
import org.workbench.api.Progress;
import org.workbench.api.ResultTree;
import org.workbench.api.Stateful;
import org.workbench.api.Task;
import org.workbench.api.TaskContext;
import org.workbench.api.nn.Backend;
import org.workbench.api.nn.BackendDetails;
import org.workbench.api.nn.GradientOptimizer;
import org.workbench.api.nn.Layer;
import org.workbench.api.nn.Loss;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Network;
import org.workbench.api.nn.Precision;

/**
 * Minibatch training: each epoch reshuffles the training rows with the task's random stream,
 * then for each batch runs forward, the loss, backward and one optimizer step. Results:
 * {@code epochs[]} of {epoch, trainLoss, trainAccuracy, testAccuracy, seconds, trainSeconds}
 * (train loss and accuracy are running means over the epoch's batches, as the model changes;
 * seconds include the test evaluation), {@code testAccuracy} after the last epoch,
 * {@code examplesPerSecond} of training, {@code medianEpochSeconds}, {@code backend},
 * {@code precision} and {@code parameterCount}; plot {@code training}. Between epochs (a safe
 * point) it asks the engine for newer versions of the optimizer and the loss
 * ({@link TaskContext#newerComponent}) and carries a {@link Stateful} optimizer's state over.
 */
final class TrainClassifier implements Task {
    /** The final weights (a checkpoint after the last epoch), always written. */
    static final String FINAL_WEIGHTS = "weights.npz";
    private final int epochs;
    private final int batchSize;
    private final Precision precision;
    private final int checkpointEvery;
    private final String evaluate;

    /**
     * @param checkpointEvery save a checkpoint after every this many epochs (0: only the final weights)
     * @param evaluate        a checkpoint to evaluate on the test set instead of training, or {@code null}
     */
    TrainClassifier(int epochs, int batchSize, Precision precision, int checkpointEvery, String evaluate) {
        this.evaluate = evaluate;
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.precision = precision;
        this.checkpointEvery = checkpointEvery;
    }

    @Override
    public void run(TaskContext context) throws Exception {
        // the backend first: one that readies its code (the vector backend's JIT warm-up) does so
        // while the data loads
        Backend backend = context.component(Roles.BACKEND);
        Dataset train = context.component(Roles.DATA).load();
        Dataset test = train.test();
        List<Layer> layers = context.components(Roles.NETWORK);
        Loss loss = context.component(Roles.LOSS);
        GradientOptimizer optimizer = context.component(Roles.OPTIMIZER);
        Accuracy accuracy;
        if (train.rows() == 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        Network network = Network.build(layers, train.columns(), precision, backend);
        ResultTree r = context.results();
        r.put("backend", backend.toString());
        if (backend instanceof BackendDetails details) {
            r.put("backendDetails", details.details());
        }
        r.put("precision", precision.name().toLowerCase(Locale.ROOT));
        r.put("parameterCount", network.weights().stream().mapToLong(w -> w.value().size()).sum());
        if (evaluate != null) {
            evaluateCheckpoint(context, layers, network, loss, test, r);
            return;
        }

        // handin:begin train
        int n = train.rows();
        int batch = Math.min(batchSize, n);
        int batchesPerEpoch = (n + batch - 1) / batch;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        ShuffleRandom random = new ShuffleRandom(context.seed());
        Batches batches = new Batches(train, precision, batch, true);
        accuracy = new Accuracy(network, loss, batch);
        Matrix gradient = Matrix.zeros(precision, batch, network.outputWidth());
        // handin:end
        Curves curves = new Curves(epochs);
        double[] lossCurve = curves.trainLoss;
        Divergence divergence = new Divergence();
        double[] trainCurve = curves.trainAccuracy;
        double[] testCurve = curves.testAccuracy;
        double[] testLossCurve = curves.testLoss;
        double[] epochSeconds = curves.seconds;
        double trainSecondsTotal = 0;
        double testAccuracy = Double.NaN;
        StatusLine status = new StatusLine(StatusLine.EVERY_NANOS);
        TrainingCheckpoint resumed = Resume.latest(context.keptCheckpoints(), epochs);
        int firstEpoch = 1;
        ComponentHistory history = new ComponentHistory();
        if (resumed != null) {
            history = resumed.history();
            resumed.restoreWeights(layers);
            resumed.restoreOptimizer(optimizer);
            random = resumed.random();
            int[] saved = resumed.order();
            if (saved.length != n) {
                throw new IllegalArgumentException("the checkpoint ordered " + saved.length + " training rows, the data has " + n);
            }
            order = saved;
            curves.restore(resumed.curves());
            firstEpoch = resumed.epoch() + 1;
            for (int e = 0; e < resumed.epoch(); e++) {
                trainSecondsTotal += curves.trainSeconds[e];
                r.append("epochs", epochRow(e + 1, curves, test != null));
            }
            testAccuracy = resumed.epoch() == 0 ? Double.NaN : testCurve[resumed.epoch() - 1];
        }

        try (Progress progress = context.progress("training", (long) epochs * batchesPerEpoch)) {
            if (resumed != null) {
                progress.message("resumed from the checkpoint after epoch " + resumed.epoch());
            }
            // handin:begin train
            for (int epoch = firstEpoch; epoch <= epochs; epoch++) {
            // handin:end
                if (epoch > 1) {
                    // every epoch boundary is a safe point, the first of a resumed run too (as in an uninterrupted run)
                    optimizer = swapOptimizer(context, optimizer, progress, epoch);
                    Loss newer = context.newerComponent(Roles.LOSS, "epoch " + epoch).orElse(null);
                    if (newer != null) {
                        loss = newer;
                        accuracy = new Accuracy(network, loss, batch);
                    }
                }
                // handin:begin train
                long start = System.nanoTime();
                shuffle(order, random);
                double lossSum = 0;
                long correct = 0;
                for (int b = 0; b < batchesPerEpoch; b++) {
                    int from = b * batch;
                    int count = Math.min(batch, n - from);
                    Matrix x = batches.gather(order, from, count);
                    Matrix out = network.forward(x);
                    double batchLoss = loss.evaluate(out, batches.targets(), 0, gradient);
                    divergence.check(batchLoss, epoch, b + 1);
                    lossSum += batchLoss * count;
                    correct += accuracy.count(out, batches.targets(), count);
                    network.backward(gradient);
                    optimizer.step(network.weights());
                    // handin:end
                    int seen = from + count;
                    long now = System.nanoTime();
                    if (status.due(now, b == batchesPerEpoch - 1)) {
                        double elapsed = (now - start) * 1e-9;
                        status.set(String.format(Locale.ROOT, "epoch %d/%d batch %d/%d loss %.4f %.0f ex/s", epoch, epochs,
                                b + 1, batchesPerEpoch, lossSum / seen, seen / Math.max(elapsed, 1e-9)), now);
                    }
                    progress.update((long) (epoch - 1) * batchesPerEpoch + b + 1, status.text());
                }
                double trainSeconds = (System.nanoTime() - start) * 1e-9;
                trainSecondsTotal += trainSeconds;
                testAccuracy = test == null ? Double.NaN : accuracy.of(test, precision);
                double seconds = (System.nanoTime() - start) * 1e-9;
                int e = epoch - 1;
                lossCurve[e] = lossSum / n;
                trainCurve[e] = (double) correct / n;
                testCurve[e] = testAccuracy;
                testLossCurve[e] = test == null ? Double.NaN : accuracy.lastLoss();
                epochSeconds[e] = seconds;
                curves.trainSeconds[e] = trainSeconds;
                r.append("epochs", epochRow(epoch, curves, test != null));
                history.trained(Roles.OPTIMIZER.name(), optimizer, epoch);
                history.trained(Roles.LOSS.name(), loss, epoch);
                if (checkpointEvery > 0 && epoch % checkpointEvery == 0 && epoch < epochs) {
                    save(context, String.format(Locale.ROOT, "checkpoint-epoch-%03d.npz", epoch), TrainingCheckpoint.of(
                            epoch, layers, optimizer, random, order, curves, history));
                }
                progress.metrics(epoch, test == null ? Map.of("trainLoss", lossCurve[e], "trainAccuracy", trainCurve[e])
                        : Map.of("trainLoss", lossCurve[e], "trainAccuracy", trainCurve[e], "testAccuracy", testAccuracy,
                                "testLoss", testLossCurve[e]));
                progress.message(String.format(Locale.ROOT,
                        "epoch %d/%d: train loss %.4f, train accuracy %.4f, test accuracy %s, %.2f s", epoch, epochs,
                        lossCurve[e], trainCurve[e], test == null ? "n/a" : String.format(Locale.ROOT, "%.4f", testAccuracy),
                        seconds));
            }
        }
        if (test == null) {
            r.undefined("testAccuracy", "the data has no test set");
        } else {
            r.put("testAccuracy", testAccuracy);
        }
        save(context, FINAL_WEIGHTS, TrainingCheckpoint.of(epochs, layers, optimizer, random, order, curves,
                history));
        r.put("examplesPerSecond", (double) n * epochs / trainSecondsTotal);
        r.put("medianEpochSeconds", median(epochSeconds));
        // again after training: the vector backend names the kernels it chose (and their timings) once it has run them
        r.put("backend", backend.toString());
        if (backend instanceof BackendDetails details) {
            r.put("backendDetails", details.details());
        }
        // the swaps of every attempt, an interrupted one's too
        List<Integer> swapEpochs = history.swapEpochs();
        context.plot(lossPlot(lossCurve, test == null ? null : testLossCurve, swapEpochs));
        context.plot(accuracyPlot(trainCurve, test == null ? null : testCurve, swapEpochs));
    }

    /** Loads the weights of checkpoint {@link #evaluate} and puts their test numbers under {@code evaluation}. */
    private void evaluateCheckpoint(TaskContext context, List<Layer> layers, Network network, Loss loss, Dataset test,
            ResultTree r) {
        java.nio.file.Path file = context.resolve(java.nio.file.Path.of(evaluate));
        TrainingCheckpoint checkpoint;
        try {
            checkpoint = TrainingCheckpoint.read(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
        if (test == null) {
            throw new IllegalArgumentException("the data has no test set to evaluate checkpoint " + file + " on");
        }
        checkpoint.restoreWeights(layers);
        ResultTree e = new Evaluation(network, loss).of(test, precision);
        e.put("checkpoint", file.toString());
        e.put("epoch", (long) checkpoint.epoch());
        r.put("evaluation", e);
    }

    /** The row of {@code epochs[]} for epoch {@code epoch} (1-based). */
    private static ResultTree epochRow(int epoch, Curves curves, boolean hasTest) {
        int e = epoch - 1;
        ResultTree row = new ResultTree().put("epoch", (long) epoch).put("trainLoss", curves.trainLoss[e])
                .put("trainAccuracy", curves.trainAccuracy[e]);
        if (!hasTest) {
            row.undefined("testAccuracy", "the data has no test set");
        } else {
            row.put("testAccuracy", curves.testAccuracy[e]);
            row.put("testLoss", curves.testLoss[e]);
        }
        return row.put("seconds", curves.seconds[e]).put("trainSeconds", curves.trainSeconds[e]);
    }

    /** Saves a checkpoint where the engine keeps it for a resume (written whole, then renamed). */
    private static void save(TaskContext context, String fileName, TrainingCheckpoint checkpoint) throws IOException {
        checkpoint.write(context.checkpoint(fileName));
    }

    /**
     * The optimizer for the next epoch: a newer version when the engine offers one at this safe
     * point (state carried over when both are {@link Stateful}), otherwise the current one.
     */
    private static GradientOptimizer swapOptimizer(TaskContext context, GradientOptimizer current, Progress progress,
            int epoch) {
        GradientOptimizer newer = context.newerComponent(Roles.OPTIMIZER, "epoch " + epoch).orElse(null);
        if (newer == null) {
            return current;
        }
        if (current instanceof Stateful from && newer instanceof Stateful to) {
            to.importState(from.exportState());
            progress.message("optimizer state carried over to the new version");
        }
        return newer;
    }

    // handin:begin train
    /** Fisher-Yates shuffle of {@code order} in place, drawing from {@code random}. */
    static void shuffle(int[] order, ShuffleRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
    // handin:end

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    private double[] epochAxis() {
        double[] x = new double[epochs];
        for (int i = 0; i < epochs; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    /** {@code training.png}: the loss panel, train and test, with any hot swap marked. */
    private Plot lossPlot(double[] trainLoss, double[] testLoss, List<Integer> swapEpochs) {
        double[] x = epochAxis();
        Plot.Builder b = Plot.builder("training").title(TrainClassifierProvider.LOSS_TITLE).xLabel("epoch").yLabel("cross-entropy loss")
                .series(new Plot.Series("train loss (running mean over the epoch)", x, trainLoss, Plot.Style.LINE_AND_MARKERS));
        if (testLoss != null) {
            b.series(new Plot.Series("test loss", x, testLoss, Plot.Style.LINE_AND_MARKERS));
        }
        return markSwaps(b, swapEpochs, trainLoss, testLoss).build();
    }

    /** {@code accuracy.png}: the accuracy panel, train and test, with any hot swap marked. */
    private Plot accuracyPlot(double[] trainAccuracy, double[] testAccuracy, List<Integer> swapEpochs) {
        double[] x = epochAxis();
        Plot.Builder b = Plot.builder("accuracy").title(TrainClassifierProvider.ACCURACY_TITLE).xLabel("epoch").yLabel("accuracy")
                .series(new Plot.Series("train accuracy (running, over the epoch)", x, trainAccuracy, Plot.Style.LINE_AND_MARKERS));
        if (testAccuracy != null) {
            b.series(new Plot.Series("test accuracy", x, testAccuracy, Plot.Style.LINE_AND_MARKERS));
        }
        return markSwaps(b, swapEpochs, trainAccuracy, testAccuracy).build();
    }

    /**
     * A hot swap before epoch e is a vertical line at e - 0.5, between the last epoch of the old
     * component and the first of the new one. It spans the curves' own range, so that a mark never
     * stretches the axis (an accuracy plot between 0.8 and 0.9 stays there).
     */
    private static Plot.Builder markSwaps(Plot.Builder b, List<Integer> swapEpochs, double[] curve, double[] other) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] values : other == null ? List.of(curve) : List.of(curve, other)) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (low > high) {
            return b;
        }
        for (int e : swapEpochs.stream().distinct().toList()) {
            b.series(new Plot.Series("hot swap before epoch " + e, new double[] {e - 0.5, e - 0.5},
                    new double[] {low, high}, Plot.Style.LINE));
        }
        return b;
    }
}
