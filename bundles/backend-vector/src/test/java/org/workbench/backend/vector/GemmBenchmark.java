package org.workbench.backend.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.workbench.api.nn.Backend;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;
import org.workbench.backend.ejml.EjmlBackend;

/**
 * Benchmark (not a test): GFLOP/s of the products of problem 4's first layer, 256x784 times
 * 784x256 and the two transposed forms the layer uses, per backend, precision and thread count.
 * Prints the best and median of 30 timed calls after warm-up. Run with
 * {@code MAVEN_OPTS="--add-modules jdk.incubator.vector" mvn -q -o -f bundles/backend-vector/pom.xml
 * test-compile exec:java -Dexec.mainClass=org.workbench.backend.vector.GemmBenchmark -Dexec.classpathScope=test}.
 */
public final class GemmBenchmark {
    private static final int REPS = 30;

    private GemmBenchmark() {
    }

    public static void main(String[] args) {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "# %d cores, %d float lanes, java %s%n", cores, FloatGemm.L, System.getProperty("java.version"));
        boolean vectorOnly = args.length > 0 && args[0].equals("vector");
        for (Precision p : vectorOnly ? new Precision[] {Precision.FLOAT} : new Precision[] {Precision.FLOAT, Precision.DOUBLE}) {
            if (!vectorOnly) {
                bench("ejml (single-threaded)", new EjmlBackend(false), p);
                bench("ejml (concurrent)", new EjmlBackend(true), p);
            }
            bench("vector, 1 thread", new VectorBackend(1), p);
            bench("vector, " + cores + " threads", new VectorBackend(cores), p);
        }
    }

    private static void bench(String name, Backend backend, Precision p) {
        SplittableRandom random = new SplittableRandom(1);
        Matrix x = fill(Matrix.zeros(p, 256, 784), random);
        Matrix w = fill(Matrix.zeros(p, 256, 784), random);
        Matrix wt = fill(Matrix.zeros(p, 784, 256), random);
        Matrix g = fill(Matrix.zeros(p, 256, 256), random);
        Matrix c = Matrix.zeros(p, 1, 1);
        double flops = 2.0 * 256 * 784 * 256;
        report(name, p, "a b    (256x784)(784x256)", flops, () -> backend.multiply(x, wt, c));
        report(name, p, "a b^T  forward X W^T     ", flops, () -> backend.multiplyTransB(x, w, c));
        report(name, p, "a^T b  dW = G^T X        ", flops, () -> backend.multiplyTransA(g, x, c));
    }

    private static void report(String name, Precision p, String shape, double flops, Runnable op) {
        for (int i = 0; i < 20; i++) {
            op.run();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < REPS; i++) {
            long t = System.nanoTime();
            op.run();
            times.add((System.nanoTime() - t) * 1e-9);
        }
        times.sort(null);
        System.out.printf(Locale.ROOT, "%-24s %-6s %s best %7.2f GFLOP/s  median %7.2f GFLOP/s  (%.3f ms)%n", name,
                p.name().toLowerCase(Locale.ROOT), shape, flops / times.get(0) * 1e-9, flops / times.get(REPS / 2) * 1e-9,
                times.get(REPS / 2) * 1e3);
    }

    private static Matrix fill(Matrix m, SplittableRandom random) {
        for (int k = 0; k < m.size(); k++) {
            m.set(k / m.columns(), k % m.columns(), random.nextDouble(-1, 1));
        }
        return m;
    }
}
