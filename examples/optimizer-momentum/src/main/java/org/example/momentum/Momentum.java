package org.example.momentum;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workbench.api.Stateful;
import org.workbench.api.nn.GradientOptimizer;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Weights;

/**
 * Heavy-ball momentum: v = beta v + g; theta -= eta v, per parameter block. Modifies each block's
 * values in place and keeps one velocity array per block, keyed by the block's position and name.
 */
final class Momentum implements GradientOptimizer, Stateful {
    private final double learningRate;
    private final double beta;
    private final Map<String, double[]> velocity = new HashMap<>();

    Momentum(double learningRate, double beta) {
        this.learningRate = learningRate;
        this.beta = beta;
    }

    @Override
    public void step(List<Weights> weights) {
        for (int b = 0; b < weights.size(); b++) {
            Weights w = weights.get(b);
            Matrix value = w.value();
            Matrix gradient = w.gradient();
            int n = value.size();
            double[] v = velocity.computeIfAbsent(key(b, w), k -> new double[n]);
            for (int k = 0; k < n; k++) {
                v[k] = beta * v[k] + gradient.at(k);
            }
            switch (value.precision()) {
                case FLOAT -> {
                    float[] theta = value.floats();
                    for (int k = 0; k < n; k++) {
                        theta[k] -= (float) (learningRate * v[k]);
                    }
                }
                case DOUBLE -> {
                    double[] theta = value.doubles();
                    for (int k = 0; k < n; k++) {
                        theta[k] -= learningRate * v[k];
                    }
                }
            }
        }
    }

    private static String key(int block, Weights w) {
        return block + ":" + w.name();
    }

    @Override
    public Map<String, double[]> exportState() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        velocity.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    @Override
    public void importState(Map<String, double[]> state) {
        state.forEach((k, v) -> velocity.put(k, v.clone()));
    }
}
