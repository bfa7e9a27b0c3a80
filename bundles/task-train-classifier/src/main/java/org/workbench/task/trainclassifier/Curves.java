package org.workbench.task.trainclassifier;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-epoch numbers of a training run, one slot per epoch: train loss and accuracy, test
 * accuracy and loss (NaN without a test set), and the seconds of each epoch (with and without the
 * test evaluation). A checkpoint saves the epochs done, and a resumed run starts from them.
 */
final class Curves {
    static final String[] NAMES = {"trainLoss", "trainAccuracy", "testAccuracy", "testLoss", "seconds", "trainSeconds"};
    final double[] trainLoss;
    final double[] trainAccuracy;
    final double[] testAccuracy;
    final double[] testLoss;
    final double[] seconds;
    final double[] trainSeconds;

    Curves(int epochs) {
        trainLoss = new double[epochs];
        trainAccuracy = new double[epochs];
        testAccuracy = new double[epochs];
        testLoss = new double[epochs];
        seconds = new double[epochs];
        trainSeconds = new double[epochs];
    }

    private double[][] all() {
        return new double[][] {trainLoss, trainAccuracy, testAccuracy, testLoss, seconds, trainSeconds};
    }

    /** The first {@code done} epochs of each curve, by name. */
    Map<String, double[]> upTo(int done) {
        Map<String, double[]> out = new LinkedHashMap<>();
        double[][] all = all();
        for (int i = 0; i < NAMES.length; i++) {
            out.put(NAMES[i], Arrays.copyOf(all[i], done));
        }
        return out;
    }

    /** Takes over the epochs of {@code saved} (as {@link #upTo} gave them). */
    void restore(Map<String, double[]> saved) {
        double[][] all = all();
        for (int i = 0; i < NAMES.length; i++) {
            double[] values = saved.get(NAMES[i]);
            if (values == null || values.length > all[i].length) {
                throw new IllegalArgumentException("the checkpoint's curve '" + NAMES[i] + "' is "
                        + (values == null ? "missing" : values.length + " epochs long, more than the run's " + all[i].length));
            }
            System.arraycopy(values, 0, all[i], 0, values.length);
        }
    }
}
