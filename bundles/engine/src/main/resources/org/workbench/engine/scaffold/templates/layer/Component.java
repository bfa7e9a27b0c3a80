package {{package}};

import java.util.List;

import org.workbench.api.nn.Backend;
import org.workbench.api.nn.Layer;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;
import org.workbench.api.nn.Weights;

/**
 * Element-wise tanh(a) with no parameters. Keeps its output (tanh' = 1 - tanh^2 needs only that)
 * and reuses its buffers across batches.
 */
final class {{exampleClass}} implements Layer {
    private Precision precision;
    private Matrix output;
    private Matrix inputGradient;

    @Override
    public int build(int inputWidth, Precision precision, Backend backend) {
        this.precision = precision;
        return inputWidth;
    }

    @Override
    public Matrix forward(Matrix input) {
        output = Matrix.reuse(output, precision, input.rows(), input.columns());
        int n = input.size();
        for (int k = 0; k < n; k++) {
            int i = k / input.columns();
            int j = k % input.columns();
            output.set(i, j, Math.tanh(input.at(k)));
        }
        return output;
    }

    @Override
    public Matrix backward(Matrix outputGradient, boolean wantInputGradient) {
        if (!wantInputGradient) {
            return null;
        }
        inputGradient = Matrix.reuse(inputGradient, precision, output.rows(), output.columns());
        int n = output.size();
        for (int k = 0; k < n; k++) {
            int i = k / output.columns();
            int j = k % output.columns();
            double y = output.at(k);
            inputGradient.set(i, j, outputGradient.at(k) * (1 - y * y));
        }
        return inputGradient;
    }

    @Override
    public List<Weights> weights() {
        return List.of();
    }
}
