package {{package}};

import java.util.List;

import org.workbench.api.nn.GradientOptimizer;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Weights;

/**
 * Gradient descent with decoupled weight decay: theta -= learningRate * (gradient + weightDecay * theta),
 * per parameter block, in place. Keeps no state between steps; an optimizer that does (momentum,
 * moment estimates) implements {@link org.workbench.api.Stateful} so that a hot swap carries it over.
 */
final class {{exampleClass}} implements GradientOptimizer {
    private final double learningRate;
    private final double weightDecay;

    {{exampleClass}}(double learningRate, double weightDecay) {
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(List<Weights> weights) {
        for (Weights w : weights) {
            Matrix value = w.value();
            Matrix gradient = w.gradient();
            int n = value.size();
            switch (value.precision()) {
                case FLOAT -> {
                    float[] theta = value.floats();
                    for (int k = 0; k < n; k++) {
                        theta[k] -= (float) (learningRate * (gradient.at(k) + weightDecay * theta[k]));
                    }
                }
                case DOUBLE -> {
                    double[] theta = value.doubles();
                    for (int k = 0; k < n; k++) {
                        theta[k] -= learningRate * (gradient.at(k) + weightDecay * theta[k]);
                    }
                }
            }
        }
    }
}
