package org.workbench.layers.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.nn.Layer;
import org.workbench.api.nn.Loss;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Network;
import org.workbench.api.nn.Precision;
import org.workbench.api.nn.Weights;
import org.workbench.api.testing.TestContext;
import org.workbench.backend.ejml.EjmlBackend;
import org.workbench.loss.core.CrossEntropyProvider;
import org.workbench.loss.core.SoftmaxCrossEntropyProvider;

/**
 * Problem 4's network as the template spells it (dense, relu, dense, softmax layer, cross-entropy on
 * probabilities) against the fused softmax-cross-entropy on logits (dense, relu, dense): the same
 * initial weights, the same batches, 60 plain SGD steps each. At every step the losses and every
 * parameter gradient must agree within the stated tolerance (absolute, on losses of order 1 and
 * gradients of order 0.1): 1e-12 in double precision (measured: 4.4e-16) and 5e-6 in float precision
 * (measured: 4.8e-7, a few float ulps of 1), where the two paths round differently (the separate path
 * divides by p_y and multiplies it back). The weights
 * are compared at the end too, so the difference does not grow out of bounds over training.
 */
class SoftmaxPathEquivalenceTest {
    private static final int N = 240;
    private static final int M = 12;
    private static final int K = 4;
    private static final int BATCH = 40;
    private static final int STEPS = 60;
    private static final double LEARNING_RATE = 0.5;

    @Test
    void doublePrecisionAgreesToRounding() {
        double worst = trainBothWays(Precision.DOUBLE);
        assertTrue(worst <= 1e-12, "largest difference " + worst);
    }

    @Test
    void floatPrecisionAgreesWithinFiveTimesTenToTheMinusSix() {
        double worst = trainBothWays(Precision.FLOAT);
        assertTrue(worst <= 5e-6, "largest difference " + worst);
    }

    @Test
    void theClampKeepsTheSeparateLossFiniteWhereTheProbabilityUnderflows() {
        Network separate = network(Precision.DOUBLE, true);
        Loss loss = loss(new CrossEntropyProvider());
        Matrix scores = Matrix.ofRows(new double[][] {{0, 800, 0, 0}});
        Layer softmax = separate.layer(3);
        Matrix p = softmax.forward(scores);
        Matrix g = Matrix.zeros(Precision.DOUBLE, 1, K);
        double value = loss.evaluate(p, new double[] {0}, 0, g);
        assertEquals(-Math.log(1e-12), value, 1e-9);
    }

    /** Trains both networks side by side and returns the largest absolute difference seen. */
    private static double trainBothWays(Precision precision) {
        SplittableRandom random = new SplittableRandom(4);
        double[][] x = new double[N][M];
        double[] y = new double[N];
        double[][] centres = new double[K][M];
        for (double[] c : centres) {
            for (int j = 0; j < M; j++) {
                c[j] = random.nextGaussian();
            }
        }
        for (int i = 0; i < N; i++) {
            int label = random.nextInt(K);
            y[i] = label;
            for (int j = 0; j < M; j++) {
                x[i][j] = centres[label][j] + 1.5 * random.nextGaussian();
            }
        }
        Network fused = network(precision, false);
        Network separate = network(precision, true);
        Loss fusedLoss = loss(new SoftmaxCrossEntropyProvider());
        Loss separateLoss = loss(new CrossEntropyProvider());
        double worst = 0;
        Matrix gf = Matrix.zeros(precision, BATCH, K);
        Matrix gs = Matrix.zeros(precision, BATCH, K);
        for (int step = 0; step < STEPS; step++) {
            int start = (step * BATCH) % N;
            Matrix batch = batch(x, start, precision);
            double lf = fusedLoss.evaluate(fused.forward(batch), y, start, gf);
            double ls = separateLoss.evaluate(separate.forward(batch), y, start, gs);
            worst = Math.max(worst, Math.abs(lf - ls));
            fused.backward(gf);
            separate.backward(gs);
            List<Weights> wf = fused.weights();
            List<Weights> ws = separate.weights();
            assertEquals(wf.size(), ws.size());
            for (int b = 0; b < wf.size(); b++) {
                worst = Math.max(worst, maxAbsDifference(wf.get(b).gradient(), ws.get(b).gradient()));
                sgd(wf.get(b));
                sgd(ws.get(b));
            }
        }
        for (int b = 0; b < fused.weights().size(); b++) {
            worst = Math.max(worst, maxAbsDifference(fused.weights().get(b).value(), separate.weights().get(b).value()));
        }
        return worst;
    }

    private static void sgd(Weights w) {
        Matrix v = w.value();
        Matrix g = w.gradient();
        for (int i = 0; i < v.rows(); i++) {
            for (int j = 0; j < v.columns(); j++) {
                v.set(i, j, v.get(i, j) - LEARNING_RATE * g.get(i, j));
            }
        }
    }

    private static Matrix batch(double[][] x, int start, Precision precision) {
        Matrix m = Matrix.zeros(precision, BATCH, M);
        for (int i = 0; i < BATCH; i++) {
            for (int j = 0; j < M; j++) {
                m.set(i, j, x[start + i][j]);
            }
        }
        return m;
    }

    private static double maxAbsDifference(Matrix a, Matrix b) {
        double worst = 0;
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.columns(); j++) {
                worst = Math.max(worst, Math.abs(a.get(i, j) - b.get(i, j)));
            }
        }
        return worst;
    }

    private static Network network(Precision precision, boolean separateSoftmax) {
        List<Layer> layers = separateSoftmax
                ? List.of(new Dense(16, 0.3, new SplittableRandom(21)), new Relu(), new Dense(K, 0.3, new SplittableRandom(22)),
                        new Softmax())
                : List.of(new Dense(16, 0.3, new SplittableRandom(21)), new Relu(), new Dense(K, 0.3, new SplittableRandom(22)));
        return Network.build(layers, M, precision, new EjmlBackend(false));
    }

    private static Loss loss(Provider<Loss> provider) {
        return provider.create(Parameters.withDefaults(provider.parameters(), Map.of()),
                new TestContext("loss", 1, Path.of(".")));
    }
}
