package org.workbench.task.trainclassifier;

import org.workbench.api.Dataset;
import org.workbench.api.nn.Loss;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Network;
import org.workbench.api.nn.Precision;

/** The fraction of a data set's rows whose predicted class (forward pass only) equals the target, and their mean loss. */
final class Accuracy {
    static final int CHUNK = 1024;
    private final Network network;
    private final Loss loss;
    private final int[] predicted;
    private Matrix gradient;
    private double lastLoss = Double.NaN;

    /** @param batchSize the largest batch that {@link #count} will see */
    Accuracy(Network network, Loss loss, int batchSize) {
        this.network = network;
        this.loss = loss;
        this.predicted = new int[Math.max(CHUNK, batchSize)];
    }

    /** Runs the network over {@code data} in chunks; modifies only the layers' output buffers. */
    double of(Dataset data, Precision precision) {
        if (data.rows() == 0) {
            return Double.NaN;
        }
        Batches batches = new Batches(data, precision, Math.min(CHUNK, data.rows()), false);
        long correct = 0;
        double lossSum = 0;
        for (int from = 0; from < data.rows(); from += CHUNK) {
            int count = Math.min(CHUNK, data.rows() - from);
            Matrix out = network.forward(batches.range(from, count));
            correct += count(out, batches.targets(), count);
            if (gradient == null || gradient.precision() != out.precision()) {
                gradient = Matrix.zeros(out.precision(), out.rows(), out.columns());
            }
            lossSum += loss.evaluate(out, batches.targets(), 0, gradient) * out.rows();
        }
        lastLoss = lossSum / data.rows();
        return (double) correct / data.rows();
    }

    /** The mean loss over the data set of the last {@link #of} call (its forward passes computed both). */
    double lastLoss() {
        return lastLoss;
    }

    /** How many of the first {@code count} rows of {@code output} predict their target. */
    int count(Matrix output, double[] targets, int count) {
        loss.predict(output, predicted);
        int correct = 0;
        for (int i = 0; i < count; i++) {
            if (predicted[i] == targets[i]) {
                correct++;
            }
        }
        return correct;
    }
}
