package org.workbench.task.gradientcheck;

import java.util.LinkedHashMap;
import java.util.Map;

import org.workbench.api.nn.Network;
import org.workbench.api.nn.Weights;

/**
 * The network's parameter blocks under the homework's names: the k-th layer that has weights
 * (counting from 1) owns {@code W<k>} and {@code b<k>} (its blocks' own names with k appended).
 * Also names each layer's output: a layer with weights gives {@code a<k>}, a layer after it
 * {@code z<k>}, and the last layer's output is {@code yHat}.
 */
final class NamedBlocks {
    private final Map<String, Weights> blocks = new LinkedHashMap<>();
    private final String[] outputs;

    NamedBlocks(Network network) {
        outputs = new String[network.size()];
        int k = 0;
        for (int i = 0; i < network.size(); i++) {
            if (!network.layer(i).weights().isEmpty()) {
                k++;
                for (Weights w : network.layer(i).weights()) {
                    blocks.put(w.name() + k, w);
                }
                outputs[i] = "a" + k;
            } else {
                outputs[i] = "z" + k;
            }
        }
        outputs[outputs.length - 1] = "yHat";
    }

    Map<String, Weights> blocks() {
        return blocks;
    }

    /** The name of layer {@code i}'s output. */
    String output(int i) {
        return outputs[i];
    }

    /**
     * Copies given values into the named blocks (a vector arrives as a column, as a bias is stored).
     *
     * @throws IllegalArgumentException naming the block when a name is unknown or a shape differs
     */
    void assign(Map<String, double[][]> given) {
        for (Map.Entry<String, double[][]> e : given.entrySet()) {
            Weights w = blocks.get(e.getKey());
            if (w == null) {
                throw new IllegalArgumentException("parameters." + e.getKey() + ": the network has no such block; it has "
                        + blocks.keySet());
            }
            double[][] v = e.getValue();
            int rows = w.value().rows();
            int cols = w.value().columns();
            if (v.length != rows || (rows > 0 && v[0].length != cols)) {
                throw new IllegalArgumentException("parameters." + e.getKey() + " is " + v.length + "x"
                        + (v.length == 0 ? 0 : v[0].length) + " but the network's " + e.getKey() + " is " + rows + "x" + cols);
            }
            for (int i = 0; i < rows; i++) {
                if (v[i].length != cols) {
                    throw new IllegalArgumentException("parameters." + e.getKey() + ": row " + i + " has " + v[i].length
                            + " values, expected " + cols);
                }
                for (int j = 0; j < cols; j++) {
                    w.value().set(i, j, v[i][j]);
                }
            }
        }
    }
}
