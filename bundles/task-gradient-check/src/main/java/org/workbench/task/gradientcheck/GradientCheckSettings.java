package org.workbench.task.gradientcheck;

import java.util.Map;

import org.workbench.api.InvalidParameterException;
import org.workbench.api.Parameters;

/**
 * The task's validated inputs: the data (as rows; a vector x is the one data point, written as the
 * homework's column vector, so it becomes one row), the optional given parameters and the step.
 */
record GradientCheckSettings(double[][] x, double[] y, Map<String, double[][]> given, double epsilon, boolean onePoint) {
    static GradientCheckSettings from(Parameters p) {
        GradientCheckProvider.Settings s = p.as(GradientCheckProvider.Settings.class);
        boolean onePoint = p.isVector("x");
        double[][] x = onePoint ? new double[][] {column(s.x())} : s.x();
        double[] y = s.y();
        if (onePoint && y.length != 1) {
            throw new InvalidParameterException("y", "'x' is one data point (a vector of " + x[0].length
                    + " features), so 'y' must be one number; it has " + y.length + " values");
        }
        if (x.length == 0 || x[0].length == 0) {
            throw new InvalidParameterException("x", "'x' needs at least one data point with at least one feature");
        }
        if (y.length != x.length) {
            throw new InvalidParameterException("y", "'x' has " + x.length + " data points but 'y' has " + y.length + " values");
        }
        Map<String, double[][]> given = s.parameters() != null ? s.parameters() : Map.of();
        return new GradientCheckSettings(x, y, given, s.epsilon(), onePoint);
    }

    /** The values of a one-column matrix (a vector read as a column) in order. */
    private static double[] column(double[][] m) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][0];
        }
        return out;
    }
}
