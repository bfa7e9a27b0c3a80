package org.workbench.task.trainclassifier;

import java.util.Locale;

/**
 * Stops training that has diverged, instead of training on and publishing the accuracy of a
 * broken network as if it were real: a batch whose loss is NaN or infinite, or more than
 * {@value #GROWTH} times the loss of the first batch (a learning rate or an initial scale far too
 * large; training that works lowers the loss from its first value), ends the run with an
 * {@link ArithmeticException} naming the epoch and the batch, which the engine reports as a failed
 * run (exit 1, no result folder). One instance watches one training run.
 */
final class Divergence {
    /** How many times the first batch's loss a batch's loss may reach before training counts as diverged. */
    static final double GROWTH = 1000;
    private double first = Double.NaN;

    /** @throws ArithmeticException when {@code loss} is not finite or has grown beyond {@link #GROWTH} times the first */
    void check(double loss, int epoch, int batch) {
        String where = "diverged at epoch " + epoch + ", batch " + batch + ": ";
        String hint = " (try a smaller learningRate or initStddev)";
        if (!Double.isFinite(loss)) {
            throw new ArithmeticException(where + "loss is " + (Double.isNaN(loss) ? "NaN" : loss > 0 ? "+Infinity"
                    : "-Infinity") + hint);
        }
        if (Double.isNaN(first)) {
            first = loss;
        } else if (Math.abs(loss) > GROWTH * Math.max(Math.abs(first), 1e-3)) {
            throw new ArithmeticException(where + String.format(Locale.ROOT,
                    "loss is %.3g, more than %.0f times the first batch's %.3g", loss, GROWTH, first) + hint);
        }
    }
}
