package org.workbench.optimizer.lasso;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.workbench.api.linear.LassoProblem;
import org.workbench.api.linear.MapEstimate;
import org.workbench.api.linear.MapSolver;

/**
 * Optimality of both MAP solvers, on each route of the kernels ({@link ScalarKernels} and
 * {@link VectorKernels}: {@link SolversOnScalarKernelsTest}, {@link SolversOnVectorKernelsTest}). Tolerances: solvers run at a relative duality-gap
 * tolerance of 1e-14; objectives must agree with each other within 1e-8 and with scikit-learn's
 * (tol 1e-14) within 1e-7 absolute; the KKT residual (in units of 1/tau) must be below 1e-6 / tau.
 */
abstract class SolversContract {
    private static final double TIGHT = 1e-14;
    private final MapSolver cd = new CoordinateDescent(TIGHT, 1_000_000, KernelChoice.always(this::kernels));
    private final MapSolver fista = new ProximalGradient(TIGHT, 10_000_000, KernelChoice.always(this::kernels));

    /** New kernels of the route under test. */
    abstract LassoKernels kernels();

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("N>p, mu=0", Problems.random(1, 120, 30, 1.0, 0.05, 0.0)),
                Arguments.of("N>p, mu!=0", Problems.random(2, 120, 30, 0.5, 0.1, 0.7)),
                Arguments.of("N<p, mu!=0", Problems.random(3, 40, 90, 1.0, 0.2, 0.5)),
                Arguments.of("all at mu (tiny tau)", Problems.random(4, 50, 10, 1.0, 1e-4, 1.0)),
                Arguments.of("weak penalty", Problems.random(5, 80, 20, 0.25, 100.0, 0.3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void bothSolversMeetKktAndAgree(String label, LassoProblem problem) {
        MapEstimate a = cd.solve(problem, null);
        MapEstimate b = fista.solve(problem, null);
        assertTrue(a.converged(), "coordinate descent did not converge: " + a);
        assertTrue(b.converged(), "proximal gradient did not converge: " + b);
        double scale = 1 / problem.scale(0);
        assertTrue(Problems.kktResidual(problem, a.w()) <= 1e-6 * scale,
                "CD KKT residual " + Problems.kktResidual(problem, a.w()));
        assertTrue(Problems.kktResidual(problem, b.w()) <= 1e-6 * scale,
                "FISTA KKT residual " + Problems.kktResidual(problem, b.w()));
        assertEquals(a.objective(), b.objective(), 1e-8, "objectives differ");
        assertEquals(problem.objective(a.w()), a.objective(), 1e-9 * Math.max(1, a.objective()));
        assertEquals(problem.objective(b.w()), b.objective(), 1e-9 * Math.max(1, b.objective()));
        assertTrue(a.dualityGap() >= 0 && a.dualityGap() <= TIGHT * Math.max(1, a.objective()));
    }

    @Test
    void matchesScikitLearnFixture() {
        Map<String, LassoFixture.Case> cases = LassoFixture.load();
        assertEquals(2, cases.size());
        for (Map.Entry<String, LassoFixture.Case> e : cases.entrySet()) {
            LassoFixture.Case c = e.getValue();
            double sklearn = c.problem().objective(c.sklearnW());
            assertEquals(c.sklearnObjective(), sklearn, 1e-9 * sklearn, "fixture objective recomputes");
            for (MapSolver solver : new MapSolver[] {cd, fista}) {
                MapEstimate m = solver.solve(c.problem(), null);
                assertEquals(sklearn, m.objective(), 1e-7, e.getKey() + " " + solver.getClass().getSimpleName());
                assertTrue(m.objective() <= sklearn + 1e-9, "not below sklearn's optimum: " + (m.objective() - sklearn));
                assertArrayEquals(c.sklearnW(), m.w(), 1e-5, e.getKey() + " weights");
            }
        }
    }

    @Test
    void tinyScaleGivesExactlyTheLocationAndWarmStartsAgree() {
        LassoProblem problem = Problems.random(6, 60, 8, 1.0, 1.0, 0.4);
        double[] mu = problem.location();
        double critical = criticalScale(problem);
        LassoProblem below = problem.withScale(0.99 * critical);
        assertArrayEquals(mu, cd.solve(below, null).w(), 0.0, "CD below tau_critical");
        assertArrayEquals(mu, fista.solve(below, null).w(), 0.0, "FISTA below tau_critical");
        LassoProblem above = problem.withScale(1.5 * critical);
        MapEstimate cold = cd.solve(above, null);
        MapEstimate warm = cd.solve(above, cd.solve(problem, null).w());
        assertEquals(cold.objective(), warm.objective(), 1e-10);
        assertTrue(cold.w() != null && !java.util.Arrays.equals(mu, cold.w()), "above tau_critical some entry leaves mu");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void looseTolerancesStopOnACertifiedGap(String label, LassoProblem problem) {
        // at loose tolerances the gap is checked early and accepted without recomputing the residual:
        // the gap of the returned w, recomputed from scratch, must still meet the target
        for (double tolerance : new double[] {1e-2, 1e-4, 1e-6}) {
            MapEstimate m = new CoordinateDescent(tolerance, 1_000_000, KernelChoice.always(this::kernels)).solve(problem, null);
            assertTrue(m.converged(), label + " at " + tolerance + ": " + m);
            LassoWorkspace ws = new LassoWorkspace(problem, kernels());
            double[] d = new double[problem.columns()];
            ws.initialShift(m.w(), d);
            double[] r = new double[problem.rows()];
            ws.residual(d, r);
            double fresh = ws.dualityGap(d, r);
            double objective = ws.objective(d, r);
            assertEquals(objective, m.objective(), 1e-9 * Math.max(1, objective), label + " objective");
            assertEquals(fresh, m.dualityGap(), 1e-9 * Math.max(1, objective), label + " gap");
            assertTrue(fresh <= tolerance * Math.max(1, objective), label + " at " + tolerance + ": gap " + fresh);
        }
    }

    @Test
    void gapForecastWaitsForTwoPassesAndScalesTheSquareRootOfTheEstimate() {
        CoordinateDescent.GapForecast forecast = new CoordinateDescent.GapForecast();
        assertTrue(!forecast.due(100, 50), "no rate after one pass");
        assertTrue(!forecast.judges(), "and no forecast");
        assertTrue(forecast.due(10, 5), "q = 0.1 leaves E = 10 * 0.1 / 0.9 = 1.11 <= 5");
        assertTrue(forecast.judges());
        forecast.checked(10 * Math.sqrt(10 * 0.1 / 0.9));
        // the check found the gap 10 sqrt(E): c = 10
        assertTrue(!forecast.due(1, 3), "q = 0.1, E = 0.111: 10 sqrt(E) = 3.33 > 3");
        assertTrue(forecast.due(0.1, 3), "E = 0.0111: 10 sqrt(E) = 1.05 <= 3");
        assertTrue(!forecast.due(0.2, 3), "q = 2: no forecast");
        assertTrue(!forecast.judges());
        forecast.checked(0.001);
        assertTrue(forecast.due(0.02, 0.5), "a check without a forecast teaches nothing: c = 10, E = 0.00222, 0.471 <= 0.5");
        forecast.checked(1e-6);
        assertTrue(forecast.due(0.002, 2.3e-4), "c = 1e-6 / sqrt(0.00222); E = 2.22e-4 <= 2.3e-4");
        assertTrue(!forecast.due(0.0002, 2e-5), "c sqrt(E) = 1e-7, but a gap is never below F - min F: E = 2.22e-5 > 2e-5");
    }

    /** sigma^2 / ||X^T (y - X mu)||_inf. */
    private static double criticalScale(LassoProblem problem) {
        int n = problem.rows();
        int p = problem.columns();
        double[] x = problem.data().features();
        double[] mu = new double[p];
        for (int j = 0; j < p; j++) {
            mu[j] = problem.location(j);
        }
        double[] r = Problems.residual(problem, mu);
        double max = 0;
        for (int j = 0; j < p; j++) {
            double g = 0;
            for (int i = 0; i < n; i++) {
                g += x[i * p + j] * r[i];
            }
            max = Math.max(max, Math.abs(g));
        }
        return problem.noiseVariance() / max;
    }
}
