package org.workbench.benchmarks;

import java.util.Map;
import java.util.SplittableRandom;
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
import org.workbench.api.nn.Backend;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;
import org.workbench.backend.ejml.provider.EjmlBackendProvider;
import org.workbench.backend.vector.VectorBackendProvider;

/**
 * The products of problem 4's first layer (batch 256, 784 inputs, 256 units), as the dense layer
 * calls them: {@code forward} Y = X W^T (256x784 by 784x256), {@code dW} = G^T X and {@code dX} = G W,
 * each 2 * 256 * 784 * 256 = 102.8 MFLOP; per backend, precision and thread count (numpy:
 * {@code python3 gemm.py} in the anchors, which reports the median and best of 30 calls). Sampled time per
 * product in microseconds: compare its median (p0.50) with numpy's, since on a shared machine the mean
 * mixes in the time the process waits for a core; GFLOP/s = 102760.4 / us.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class GemmBenchmark {
    /** Multiply-adds times two of each product. */
    public static final double FLOPS = 2.0 * 256 * 784 * 256;

    @Param({"vector"})
    public String backend;

    @Param({"1", "2"})
    public int threads;

    @Param({"float"})
    public String precision;

    @Param({"forward", "dW", "dX"})
    public String product;

    /**
     * The vector backend's kernel: {@code auto} (the plan the set {@code ./workbench kernels --measure [--threads N]}
     * chose for runs on this machine gives the class, read from the user's cache as a run does; the built-in plan
     * where none was chosen or the built-in set was), {@code fallback} (the built-in plan), {@code measure} (time
     * each class's candidates alone in the fork and run the fastest) or a plan such as {@code 512b-8x3-t2}
     * (see {@code docs/kernels.md}).
     */
    @Param({"auto"})
    public String kernel;

    private Backend products;
    private Matrix x;
    private Matrix w;
    private Matrix g;
    private Matrix c;

    @Setup
    public void setUp() {
        System.setProperty("workbench.kernel", kernel);
        products = "ejml".equals(backend)
                ? Components.create(new EjmlBackendProvider(), Map.of("concurrent", threads > 1), 0)
                : Components.create(new VectorBackendProvider(), Map.of("threads", (long) threads), 0);
        Precision p = "double".equals(precision) ? Precision.DOUBLE : Precision.FLOAT;
        SplittableRandom random = new SplittableRandom(1);
        x = fill(Matrix.zeros(p, 256, 784), random);
        w = fill(Matrix.zeros(p, 256, 784), random);
        g = fill(Matrix.zeros(p, 256, 256), random);
        c = Matrix.zeros(p, 256, 784);
    }

    @Benchmark
    public Matrix product() {
        switch (product) {
            case "forward" -> products.multiplyTransB(x, w, c);
            case "dW" -> products.multiplyTransA(g, x, c);
            default -> products.multiply(g, w, c);
        }
        return c;
    }

    private static Matrix fill(Matrix m, SplittableRandom random) {
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.columns(); j++) {
                m.set(i, j, random.nextDouble(-1, 1));
            }
        }
        return m;
    }
}
