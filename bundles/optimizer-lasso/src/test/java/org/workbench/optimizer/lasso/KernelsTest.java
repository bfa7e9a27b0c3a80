package org.workbench.optimizer.lasso;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.workbench.api.linear.LassoProblem;
import org.workbench.api.linear.MapEstimate;
import org.workbench.api.linear.MapSolver;

/**
 * The kernels' routes: the scalar one and the vector one give the same numbers bit for bit
 * (dot products, axpys and whole solves), the dot product is accurate, a solve repeats exactly,
 * and where the JVM lacks {@code jdk.incubator.vector} the scalar route is taken (in a JVM started
 * without the module). The tests run with the module (see the pom).
 */
class KernelsTest {
    private static final int[] LENGTHS = {0, 1, 7, 31, 32, 33, 63, 64, 65, 100, 255, 1000, 10_000};

    private static List<LassoKernels> routes() {
        return List.of(new ScalarKernels(), new VectorKernels());
    }

    @Test
    void everyRouteGivesTheSameDotProductAndAxpyBitForBit() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n : LENGTHS) {
            for (int offset : new int[] {0, 5}) {
                double[] a = gaussians(random, offset + n + 3);
                double[] b = gaussians(random, n);
                double alpha = random.nextGaussian();
                LassoKernels reference = new ScalarKernels();
                double expected = reference.dot(a, offset, b, n);
                double[] expectedY = b.clone();
                reference.axpy(alpha, a, offset, expectedY, n);
                for (LassoKernels k : routes()) {
                    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(k.dot(a, offset, b, n)),
                            k.route() + " dot, n = " + n + ", offset " + offset);
                    double[] y = b.clone();
                    k.axpy(alpha, a, offset, y, n);
                    assertArrayEquals(expectedY, y, 0.0, k.route() + " axpy, n = " + n);
                }
            }
        }
    }

    @Test
    void dotProductIsWithinTheRoundingBoundOfTheExactSum() {
        SplittableRandom random = new SplittableRandom(12);
        for (int n : LENGTHS) {
            double[] a = gaussians(random, n);
            double[] b = gaussians(random, n);
            BigDecimal exact = BigDecimal.ZERO;
            double magnitude = 0;
            for (int i = 0; i < n; i++) {
                exact = exact.add(new BigDecimal(a[i]).multiply(new BigDecimal(b[i])));
                magnitude += Math.abs(a[i] * b[i]);
            }
            // each product joins a chain of at most n / 32 + 1 fused additions, then a tree of 5
            double bound = (n / 32.0 + 7) * Math.ulp(1.0) * magnitude;
            for (LassoKernels k : routes()) {
                double error = Math.abs(new BigDecimal(k.dot(a, 0, b, n)).subtract(exact).doubleValue());
                assertTrue(error <= bound, k.route() + " n = " + n + ": error " + error + " above " + bound);
            }
        }
    }

    @Test
    void solvesAreTheSameBitForBitOnEveryRouteAndRepeat() {
        // 587 rows: every column's dot product has a tail of 11 elements after 18 blocks of 32
        LassoProblem problem = Problems.random(21, 587, 40, 1.0, 0.3, 0.2);
        for (boolean coordinateDescent : new boolean[] {true, false}) {
            MapEstimate expected = null;
            for (LassoKernels k : routes()) {
                for (int repeat = 0; repeat < 2; repeat++) {
                    MapSolver solver = coordinateDescent ? new CoordinateDescent(1e-12, 100_000, KernelChoice.always(() -> k))
                            : new ProximalGradient(1e-12, 1_000_000, KernelChoice.always(() -> k));
                    MapEstimate m = solver.solve(problem, null);
                    assertTrue(m.converged(), solver + ": " + m);
                    if (expected == null) {
                        expected = m;
                        continue;
                    }
                    String what = solver + ", repeat " + repeat;
                    assertArrayEquals(expected.w(), m.w(), 0.0, what);
                    assertEquals(expected.objective(), m.objective(), 0.0, what);
                    assertEquals(expected.dualityGap(), m.dualityGap(), 0.0, what);
                    assertEquals(expected.iterations(), m.iterations(), what);
                }
            }
        }
    }

    @Test
    void theVectorRouteIsTakenWhereTheJvmHasTheModuleFrom512Rows() {
        KernelChoice fastest = KernelChoice.FASTEST;
        assertTrue(fastest.forRows(511) instanceof ScalarKernels, "short columns: scalar");
        assertEquals(VectorKernels.usable() ? VectorKernels.class : ScalarKernels.class, fastest.forRows(512).getClass());
        String expected = VectorKernels.usable() ? "vector (4 doubles) from 512 rows, scalar below" : "scalar";
        assertEquals(expected, fastest.describe());
        assertTrue(new CoordinateDescent(1e-10, 100, fastest).toString().endsWith("kernels " + expected + ")"));
    }

    @Test
    void theScalarRouteIsTakenInAJvmWithoutTheModule() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = location(LassoKernels.class) + File.pathSeparator + location(RouteProbe.class);
        Process process = new ProcessBuilder(java.toString(), "-cp", classPath, RouteProbe.class.getName())
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not finish");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, process.exitValue(), out);
        assertEquals("scalar " + Double.doubleToRawLongBits(RouteProbe.dot(new ScalarKernels())), out);
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] gaussians(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }
}
