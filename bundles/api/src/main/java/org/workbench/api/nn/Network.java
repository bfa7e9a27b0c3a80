package org.workbench.api.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * A descriptor's array of layers run in order: forward through each layer's own code, backward
 * in reverse. Built once for an input width; keeps references to the layers' outputs of the last
 * forward pass. Not thread-safe.
 */
public final class Network {
    private final List<Layer> layers;
    private final int[] widths;
    private final Matrix[] outputs;
    private final List<Weights> weights;

    private Network(List<Layer> layers, int[] widths) {
        this.layers = layers;
        this.widths = widths;
        this.outputs = new Matrix[layers.size()];
        List<Weights> all = new ArrayList<>();
        for (Layer layer : layers) {
            all.addAll(layer.weights());
        }
        this.weights = List.copyOf(all);
    }

    /**
     * Builds every layer for its input width, starting from {@code inputWidth}; this
     * (re-)initialises their parameters.
     *
     * @throws IllegalArgumentException when the list is empty or a layer rejects its input width
     */
    public static Network build(List<Layer> layers, int inputWidth, Precision precision, Backend backend) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("the network has no layers");
        }
        int[] widths = new int[layers.size() + 1];
        widths[0] = inputWidth;
        for (int i = 0; i < layers.size(); i++) {
            widths[i + 1] = layers.get(i).build(widths[i], precision, backend);
        }
        return new Network(List.copyOf(layers), widths);
    }

    /** The number of layers. */
    public int size() {
        return layers.size();
    }

    public Layer layer(int i) {
        return layers.get(i);
    }

    /** The width of layer {@code i}'s output; {@code width(-1)} is the input width. */
    public int width(int i) {
        return widths[i + 1];
    }

    public int outputWidth() {
        return widths[widths.length - 1];
    }

    /** Every layer's parameter blocks, in layer order. */
    public List<Weights> weights() {
        return weights;
    }

    // handin:begin network
    /** Runs the batch through every layer; returns the last layer's output (owned by that layer). */
    public Matrix forward(Matrix input) {
        Matrix x = input;
        for (int i = 0; i < layers.size(); i++) {
            x = layers.get(i).forward(x);
            outputs[i] = x;
        }
        return x;
    }
    // handin:end

    /** Layer {@code i}'s output in the last {@link #forward}. */
    public Matrix output(int i) {
        if (outputs[i] == null) {
            throw new IllegalStateException("no forward pass yet");
        }
        return outputs[i];
    }

    // handin:begin network
    /**
     * Back-propagates dL/d(output) of the last {@link #forward} through every layer, overwriting
     * every parameter gradient; the input gradient of the first layer is not computed.
     * {@code outputGradient} may be modified.
     */
    public void backward(Matrix outputGradient) {
        Matrix g = outputGradient;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g, i > 0);
        }
    }
    // handin:end
}
