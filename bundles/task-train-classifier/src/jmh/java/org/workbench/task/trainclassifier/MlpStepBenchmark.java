package org.workbench.task.trainclassifier;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.workbench.api.Dataset;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.nn.Backend;
import org.workbench.api.nn.GradientOptimizer;
import org.workbench.api.nn.Layer;
import org.workbench.api.nn.Loss;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Network;
import org.workbench.api.nn.Precision;
import org.workbench.api.testing.TestContext;
import org.workbench.backend.vector.VectorBackendProvider;
import org.workbench.data.fashionmnist.FashionMnistProvider;
import org.workbench.layers.core.DenseProvider;
import org.workbench.layers.core.ReluProvider;
import org.workbench.loss.core.SoftmaxCrossEntropyProvider;
import org.workbench.optimizer.sgd.SgdProvider;

/**
 * Where one training step of problem 4 spends its time (784-256-10, ReLU, softmax cross-entropy,
 * SGD 0.1, batch 256, real Fashion-MNIST, float, the vector backend), phase by phase, through the
 * code that {@code train-classifier} runs: the batch gather of its {@code Batches} (the reason this
 * class lives in the task's package), each layer's forward and backward pass, the loss with its
 * gradient and the optimizer step; {@code step} is all of them in order. Sampled microseconds per
 * batch: read the median (p0.50), since on a shared machine the mean mixes in the time the process
 * waits for a core; times 235 batches it gives a phase's share of an epoch. The passes repeat on the state the setup
 * left (a gathered batch, a forward pass, a gradient), which is what each phase reads; the weights
 * only drift by SGD, so every call does the work of a real step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g", "-Xmn64m"})
public class MlpStepBenchmark {
    private static final int BATCH = 256;

    @Param({"0"})
    public int threads;

    private Batches batches;
    private int[] order;
    private List<Layer> layers;
    private Network network;
    private Loss loss;
    private GradientOptimizer optimizer;
    private Matrix x;
    private Matrix h;
    private Matrix logits;
    private Matrix gradient;
    private Matrix hiddenGradient;
    private int from;
    private final Matrix[] reluInputs = new Matrix[16];
    private final Matrix[] reluGradients = new Matrix[16];
    private int turn;

    private static <T> T create(Provider<T> provider, Map<String, Object> with, long seed) {
        return provider.create(Parameters.withDefaults(provider.parameters(), with),
                new TestContext("benchmark", seed, java.nio.file.Path.of(System.getProperty("java.io.tmpdir"))));
    }

    @Setup
    public void setUp() throws Exception {
        Dataset data = create(new FashionMnistProvider(), Map.of(), 1).load();
        Backend backend = create(new VectorBackendProvider(), Map.of("threads", (long) threads), 0);
        layers = List.of(create(new DenseProvider(), Map.of("out", 256L, "initStddev", 0.01), 182),
                create(new ReluProvider(), Map.of(), 183),
                create(new DenseProvider(), Map.of("out", 10L, "initStddev", 0.01), 184));
        network = Network.build(layers, data.columns(), Precision.FLOAT, backend);
        loss = create(new SoftmaxCrossEntropyProvider(), Map.of(), 185);
        optimizer = create(new SgdProvider(), Map.of("learningRate", 0.1), 186);
        batches = new Batches(data, Precision.FLOAT, BATCH, true);
        order = new int[data.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        TrainClassifier.shuffle(order, new ShuffleRandom(1));
        gradient = Matrix.zeros(Precision.FLOAT, BATCH, 10);
        // a few hundred real steps, so that the weights (and the rectifier's zeros) are those of training
        for (int b = 0; b < 300; b++) {
            step();
        }
        for (int i = 0; i < reluInputs.length; i++) {
            step();
            reluInputs[i] = copy(layers.get(0).forward(x));
            layers.get(1).forward(reluInputs[i]);
            layers.get(2).forward(network.output(1));
            loss.evaluate(network.output(2), batches.targets(), 0, gradient);
            reluGradients[i] = copy(layers.get(2).backward(gradient, true));
        }
        // the state each phase reads (one state per benchmark method: set them all)
        gather();
        h = forwardDense1();
        forwardRelu();
        forwardDense2();
        lossAndGradient();
        backwardDense2();
    }

    private static Matrix copy(Matrix m) {
        Matrix c = Matrix.zeros(m.precision(), m.rows(), m.columns());
        c.copyFrom(m);
        return c;
    }

    @Benchmark
    public Matrix step() {
        gather();
        Matrix out = network.forward(x);
        loss.evaluate(out, batches.targets(), 0, gradient);
        network.backward(gradient);
        optimizer.step(network.weights());
        return out;
    }

    @Benchmark
    public Matrix gather() {
        from = from + BATCH > order.length - BATCH ? 0 : from + BATCH;
        x = batches.gather(order, from, BATCH);
        return x;
    }

    @Benchmark
    public Matrix forwardDense1() {
        h = layers.get(0).forward(x);
        return h;
    }

    @Benchmark
    public Matrix forwardRelu() {
        return layers.get(1).forward(h);
    }

    @Benchmark
    public Matrix forwardDense2() {
        logits = layers.get(2).forward(network.output(1));
        return logits;
    }

    @Benchmark
    public double lossAndGradient() {
        return loss.evaluate(network.output(2), batches.targets(), 0, gradient);
    }

    @Benchmark
    public Matrix backwardDense2() {
        hiddenGradient = layers.get(2).backward(gradient, true);
        return hiddenGradient;
    }

    /**
     * The rectifier's backward pass after its forward pass, on one of 16 batches in turn: repeating
     * one batch would let the branch predictor learn its pattern of zeros, which a real step never
     * shows twice (a branchy mask costs 24 us per batch here without the rotation, 240 in training).
     */
    @Benchmark
    public Matrix reluForwardBackward() {
        int i = turn;
        turn = (turn + 1) % reluInputs.length;
        layers.get(1).forward(reluInputs[i]);
        return layers.get(1).backward(reluGradients[i], true);
    }

    @Benchmark
    public Matrix backwardDense1() {
        return layers.get(0).backward(hiddenGradient, false);
    }

    @Benchmark
    public void sgdStep() {
        optimizer.step(network.weights());
    }
}
