package org.workbench.task.trainclassifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.workbench.api.ComponentContext;
import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.ResultTree;
import org.workbench.api.testing.TestContext;
import org.workbench.api.testing.TestTaskContext;
import org.workbench.backend.vector.VectorBackendProvider;
import org.workbench.backend.ejml.provider.EjmlBackendProvider;
import org.workbench.data.fashionmnist.FashionMnistProvider;
import org.workbench.layers.core.DenseProvider;
import org.workbench.layers.core.ReluProvider;
import org.workbench.loss.core.SoftmaxCrossEntropyProvider;
import org.workbench.optimizer.sgd.SgdProvider;

/**
 * Benchmark (not a test): problem 4's MLP (784-256-10, ReLU, softmax cross-entropy, SGD 0.1,
 * batch 256, weights N(0, 0.01^2)) on the real Fashion-MNIST through the same providers and task
 * that {@code experiments/p4-fashion-mnist-mlp.json} uses; prints each epoch, the median training
 * seconds of an epoch, the final test accuracy and the peak resident memory (VmHWM of this JVM,
 * which under exec:java includes Maven's own footprint). Compare with the references run from a
 * shell right before or after ({@code /usr/bin/python3 /work/shared/anchors/mlp_numpy.py} and
 * {@code OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 /work/shared/anchors/mlp_torch.py --impl scratch};
 * not from this JVM, since a child process inherits its peak RSS). Arguments:
 * {@code [--backend vector|ejml] [--threads 0 (all)] [--epochs 10] [--seed 181]}. Run with
 * {@code MAVEN_OPTS="--add-modules jdk.incubator.vector" mvn -q -o -f bundles/task-train-classifier/pom.xml
 * test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.workbench.task.trainclassifier.MlpBenchmark}.
 */
public final class MlpBenchmark {
    private MlpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        String backend = option(a, "--backend", "vector");
        int epochs = Integer.parseInt(option(a, "--epochs", "10"));
        long seed = Long.parseLong(option(a, "--seed", "181"));
        Path folder = Files.createTempDirectory("mlp-benchmark");

        long loadStart = System.nanoTime();
        Dataset data = create(new FashionMnistProvider(), Map.of(), 1, folder).load();
        System.out.printf(Locale.ROOT, "loaded %s in %.3f s%n", data, (System.nanoTime() - loadStart) * 1e-9);

        Parameters with = Parameters.withDefaults(new TrainClassifierProvider().parameters(),
                Map.of("epochs", (long) epochs, "batchSize", 256L));
        TestTaskContext context = new TestTaskContext(seed, with, folder);
        DataSource source = () -> data;
        context.with("data", source);
        context.with("network", create(new DenseProvider(), Map.of("out", 256L, "initStddev", 0.01), seed + 1, folder));
        context.with("network", create(new ReluProvider(), Map.of(), seed + 2, folder));
        context.with("network", create(new DenseProvider(), Map.of("out", 10L, "initStddev", 0.01), seed + 3, folder));
        context.with("loss", create(new SoftmaxCrossEntropyProvider(), Map.of(), seed + 4, folder));
        context.with("optimizer", create(new SgdProvider(), Map.of("learningRate", 0.1), seed + 5, folder));
        context.with("backend", "ejml".equals(backend) ? create(new EjmlBackendProvider(), Map.of(), 0, folder)
                : create(new VectorBackendProvider(), Map.of("threads", Long.parseLong(option(a, "--threads", "0"))), 0, folder));
        new TrainClassifierProvider().create(with, context).run(context);

        ResultTree r = context.results();
        context.progressLines().stream().filter(l -> l.startsWith("epoch ")).forEach(System.out::println);
        double[] train = ((List<?>) r.get("epochs")).stream().mapToDouble(e -> ((ResultTree) e).number("trainSeconds"))
                .sorted().toArray();
        System.out.printf(Locale.ROOT, "{\"impl\": \"workbench/%s\", \"backend\": \"%s\", \"final_test_acc\": %.5f, "
                + "\"median_train_epoch_s\": %.3f, \"median_epoch_s_with_eval\": %.3f, \"examples_per_s\": %.0f, "
                + "\"peak_rss_mib\": %.1f}%n", backend, r.get("backend"), r.number("testAccuracy"), train[train.length / 2],
                r.number("medianEpochSeconds"), r.number("examplesPerSecond"), peakRssMib());
    }

    private static double peakRssMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static <T> T create(Provider<T> provider, Map<String, Object> with, long seed, Path folder) {
        ComponentContext context = new TestContext("benchmark", seed, folder);
        return provider.create(Parameters.withDefaults(provider.parameters(), with), context);
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }
}
