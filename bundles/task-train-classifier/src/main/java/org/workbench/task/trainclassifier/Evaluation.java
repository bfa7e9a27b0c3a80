package org.workbench.task.trainclassifier;

import org.workbench.api.Dataset;
import org.workbench.api.ResultTree;
import org.workbench.api.nn.Loss;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Network;
import org.workbench.api.nn.Precision;

/**
 * A trained network on a test set, forward passes only: the mean loss, the accuracy, and the
 * confusion matrix (row = true class, column = predicted class, counts of examples). Modifies only
 * the layers' output buffers.
 */
final class Evaluation {
    private final Network network;
    private final Loss loss;

    Evaluation(Network network, Loss loss) {
        this.network = network;
        this.loss = loss;
    }

    /** Evaluates on {@code data}, whose targets are class indices below the network's output width (two for a single output). */
    ResultTree of(Dataset data, Precision precision) {
        int classes = Math.max(2, network.outputWidth());
        double[][] confusion = new double[classes][classes];
        int chunk = Math.min(Accuracy.CHUNK, Math.max(1, data.rows()));
        Batches batches = new Batches(data, precision, chunk, false);
        int[] predicted = new int[chunk];
        Matrix gradient = null;
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < data.rows(); from += chunk) {
            int count = Math.min(chunk, data.rows() - from);
            Matrix out = network.forward(batches.range(from, count));
            if (gradient == null) {
                gradient = Matrix.zeros(out.precision(), out.rows(), out.columns());
            }
            lossSum += loss.evaluate(out, batches.targets(), 0, gradient) * count;
            loss.predict(out, predicted);
            for (int i = 0; i < count; i++) {
                int truth = (int) batches.targets()[i];
                if (truth < 0 || truth >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                    throw new IllegalArgumentException("test row " + (from + i) + " has class " + truth + " or predicts "
                            + predicted[i] + ", outside the network's " + classes + " classes");
                }
                confusion[truth][predicted[i]]++;
                if (truth == predicted[i]) {
                    correct++;
                }
            }
        }
        ResultTree r = new ResultTree();
        r.put("examples", (long) data.rows());
        r.put("testLoss", data.rows() == 0 ? Double.NaN : lossSum / data.rows());
        r.put("testAccuracy", data.rows() == 0 ? Double.NaN : (double) correct / data.rows());
        r.put("confusion", confusion);
        return r;
    }
}
