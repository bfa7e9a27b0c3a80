package org.workbench.optimizer.lasso;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workbench.api.Dataset;
import org.workbench.api.linear.LassoProblem;

/** The scikit-learn fixture written by {@code make_lasso_fixture.py}: one data set, several (mu, tau) cases with sklearn's optimum. */
final class LassoFixture {
    /** One case: the problem, sklearn's minimiser and its objective. */
    record Case(LassoProblem problem, double[] sklearnW, double sklearnObjective) {
    }

    private LassoFixture() {
    }

    static Map<String, Case> load() {
        try (InputStream in = LassoFixture.class.getResourceAsStream("/lasso-fixture.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int n = 0;
            int p = 0;
            double sigma2 = 0;
            double[] y = null;
            List<double[]> rows = new ArrayList<>();
            Map<String, Case> cases = new LinkedHashMap<>();
            String name = null;
            double tau = 0;
            double[] mu = null;
            double[] w = null;
            Dataset data = null;
            for (String line; (line = reader.readLine()) != null;) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] t = line.trim().split("\\s+");
                switch (t[0]) {
                    case "n" -> n = Integer.parseInt(t[1]);
                    case "p" -> p = Integer.parseInt(t[1]);
                    case "noiseVariance" -> sigma2 = Double.parseDouble(t[1]);
                    case "y" -> y = numbers(t);
                    case "x" -> rows.add(numbers(t));
                    case "case" -> {
                        name = t[1];
                        if (data == null) {
                            data = Dataset.ofRows(rows.toArray(new double[0][]), y);
                        }
                    }
                    case "tau" -> tau = Double.parseDouble(t[1]);
                    case "mu" -> mu = numbers(t);
                    case "w" -> w = numbers(t);
                    case "objective" -> {
                        double[] scale = new double[p];
                        java.util.Arrays.fill(scale, tau);
                        cases.put(name, new Case(LassoProblem.of(data, sigma2, mu, scale), w, Double.parseDouble(t[1])));
                    }
                    default -> throw new IllegalStateException("unknown fixture line " + t[0]);
                }
            }
            if (data == null || data.rows() != n) {
                throw new IllegalStateException("fixture has " + rows.size() + " rows, header says " + n);
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] numbers(String[] tokens) {
        double[] v = new double[tokens.length - 1];
        for (int i = 1; i < tokens.length; i++) {
            v[i - 1] = Double.parseDouble(tokens[i]);
        }
        return v;
    }
}
