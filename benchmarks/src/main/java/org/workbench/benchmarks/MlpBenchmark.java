package org.workbench.benchmarks;

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
import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.Parameters;
import org.workbench.api.ResultTree;
import org.workbench.api.testing.TestTaskContext;
import org.workbench.backend.ejml.provider.EjmlBackendProvider;
import org.workbench.backend.vector.VectorBackendProvider;
import org.workbench.data.fashionmnist.FashionMnistProvider;
import org.workbench.layers.core.DenseProvider;
import org.workbench.layers.core.ReluProvider;
import org.workbench.loss.core.SoftmaxCrossEntropyProvider;
import org.workbench.optimizer.sgd.SgdProvider;
import org.workbench.task.trainclassifier.TrainClassifierProvider;

/**
 * One training epoch of problem 4 (784-256-10, ReLU, softmax cross-entropy, SGD 0.1, batch 256,
 * W ~ N(0, 0.01^2)) on the real Fashion-MNIST, through the same providers and task as
 * {@code experiments/p4-fashion-mnist-mlp.json}, the test-set evaluation included (numpy:
 * {@code mlp_numpy.py}'s epoch_s). Each invocation trains a freshly initialised network for one
 * epoch; the data set is loaded once. Seconds per epoch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g", "-Xmn64m"})
public class MlpBenchmark {
    @Param({"vector"})
    public String backend;

    @Param({"float"})
    public String precision;

    private Dataset data;

    @Setup
    public void load() throws Exception {
        data = Components.create(new FashionMnistProvider(), Map.of(), 1).load();
    }

    @Benchmark
    public double epoch() throws Exception {
        TrainClassifierProvider task = new TrainClassifierProvider();
        Parameters with = Parameters.withDefaults(task.parameters(), Map.of("epochs", 1L, "batchSize", 256L,
                "precision", precision));
        TestTaskContext context = new TestTaskContext(181, with, java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
        DataSource source = () -> data;
        context.with("data", source);
        context.with("network", Components.create(new DenseProvider(), Map.of("out", 256L, "initStddev", 0.01), 182));
        context.with("network", Components.create(new ReluProvider(), Map.of(), 183));
        context.with("network", Components.create(new DenseProvider(), Map.of("out", 10L, "initStddev", 0.01), 184));
        context.with("loss", Components.create(new SoftmaxCrossEntropyProvider(), Map.of(), 185));
        context.with("optimizer", Components.create(new SgdProvider(), Map.of("learningRate", 0.1), 186));
        context.with("backend", "ejml".equals(backend) ? Components.create(new EjmlBackendProvider(), Map.of(), 0)
                : Components.create(new VectorBackendProvider(), Map.of(), 0));
        task.create(with, context).run(context);
        ResultTree r = context.results();
        return r.number("testAccuracy") + ((List<?>) r.get("epochs")).size();
    }
}
