package org.workbench.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.workbench.api.Dataset;
import org.workbench.api.linear.LassoProblem;
import org.workbench.api.linear.MapEstimate;
import org.workbench.api.linear.MapSolver;
import org.workbench.optimizer.lasso.CoordinateDescentProvider;

/**
 * The workbench's half of {@code benchmarks/anchors/lasso_equal_gap.py}: fits the lasso MAP by
 * {@code coordinate-descent} on the very X and y that the script gave scikit-learn (little-endian
 * float64 files, X row-major), mu = 0 and sigma = 1, stopping at a given relative duality gap, and
 * prints one JSON line: seconds per fit (median and best of {@code reps} after {@code warmups} fits
 * that let the JIT compile, and the median CPU seconds of the fitting thread), the passes, the
 * objective, the certified duality gap and the solver with its kernels' route (vector where the JVM
 * was started with {@code --add-modules jdk.incubator.vector}, else scalar); it writes the last fit's w to {@code DIR/w-workbench.bin} so that the script checks the gap with its own formula.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar org.workbench.benchmarks.LassoAtGap DIR N P TAU TOLERANCE [WARMUPS REPS]</pre>
 */
public final class LassoAtGap {
    private LassoAtGap() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int p = Integer.parseInt(args[2]);
        double tau = Double.parseDouble(args[3]);
        double tolerance = Double.parseDouble(args[4]);
        int warmups = args.length > 5 ? Integer.parseInt(args[5]) : 2;
        int reps = args.length > 6 ? Integer.parseInt(args[6]) : 3;
        double[] x = doubles(dir.resolve("X.bin"), n * p);
        double[] y = doubles(dir.resolve("y.bin"), n);
        double[] scale = new double[p];
        Arrays.fill(scale, tau);
        LassoProblem problem = LassoProblem.of(Dataset.of(n, p, x, y), 1.0, new double[p], scale);
        MapSolver solver = Components.create(new CoordinateDescentProvider(), Map.of("tolerance", tolerance), 0);
        double first = 0;
        MapEstimate last = null;
        for (int k = 0; k < warmups; k++) {
            long t0 = System.nanoTime();
            last = solver.solve(problem, null);
            if (k == 0) {
                first = (System.nanoTime() - t0) / 1e9;
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] times = new double[reps];
        double[] cpu = new double[reps];
        for (int k = 0; k < reps; k++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            last = solver.solve(problem, null);
            times[k] = (System.nanoTime() - t0) / 1e9;
            cpu[k] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        ByteBuffer out = ByteBuffer.allocate(8 * p).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : last.w()) {
            out.putDouble(v);
        }
        Files.write(dir.resolve("w-workbench.bin"), out.array());
        System.out.printf(Locale.ROOT, "{\"kind\":\"workbench_fit\",\"tau\":%s,\"tolerance\":%s,\"time_s_median\":%.5f,"
                + "\"time_s_min\":%.5f,\"cpu_s_median\":%.5f,\"time_s_first\":%.5f,\"passes\":%d,\"converged\":%s,"
                + "\"objective\":%.12g,\"duality_gap\":%.6g,\"solver\":\"%s\"}%n", tau, tolerance, times[reps / 2], times[0],
                cpu[reps / 2], first, last.iterations(), last.converged(), last.objective(), last.dualityGap(), solver);
    }

    private static double[] doubles(Path file, int count) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() != 8L * count) {
            throw new IOException(file + " holds " + b.remaining() + " bytes, expected " + 8L * count);
        }
        double[] v = new double[count];
        b.asDoubleBuffer().get(v);
        return v;
    }
}
