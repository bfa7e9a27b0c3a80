package org.workbench.task.trainclassifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workbench.api.Stateful;
import org.workbench.api.nn.GradientOptimizer;
import org.workbench.api.nn.Layer;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;
import org.workbench.api.nn.Weights;

/**
 * The state of a training run after an epoch, as a numpy {@code .npz} that numpy and PyTorch read
 * without the workbench: {@code network.I.NAME} for each parameter block of layer I (a dense layer's
 * {@code W}, out x in as PyTorch's {@code Linear.weight}, and {@code b}, a vector), in the network's
 * precision; {@code optimizer.KEY} for a {@link Stateful} optimizer's state (momentum buffers);
 * {@code rng.state} (the {@link ShuffleRandom} state) and {@code rng.order} (the row order it has
 * shuffled so far); {@code epoch}; {@code curves.NAME}, the per-epoch numbers so far; and
 * {@code provenance.components}, which provider version trained which epochs ({@link ComponentHistory}).
 * Restoring all of it continues the run exactly where it was.
 *
 * @param epoch  the epochs done
 * @param arrays the file's arrays by name
 */
record TrainingCheckpoint(int epoch, Map<String, NpyArray> arrays) {
    static final String EPOCH = "epoch";
    static final String RNG_STATE = "rng.state";
    static final String RNG_ORDER = "rng.order";

    /** The state of the run now, after {@code epoch} epochs. */
    static TrainingCheckpoint of(int epoch, List<Layer> layers, GradientOptimizer optimizer, ShuffleRandom random,
            int[] order, Curves curves, ComponentHistory history) {
        Map<String, NpyArray> a = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (Weights w : layers.get(i).weights()) {
                a.put(blockName(i, w), array(w.value()));
            }
        }
        if (optimizer instanceof Stateful s) {
            s.exportState().forEach((key, values) -> a.put("optimizer." + key, NpyArray.ofDoubles(values, values.length,
                    values.length)));
        }
        a.put(RNG_STATE, NpyArray.ofLong(random.state()));
        a.put(RNG_ORDER, NpyArray.ofInts(order));
        a.put(EPOCH, NpyArray.ofLong(epoch));
        curves.upTo(epoch).forEach((name, values) -> a.put("curves." + name, NpyArray.ofDoubles(values, values.length,
                values.length)));
        a.put(ComponentHistory.ENTRY, NpyArray.ofText(history.text()));
        return new TrainingCheckpoint(epoch, a);
    }

    void write(Path file) throws IOException {
        Npz.write(file, arrays);
    }

    /** Reads a checkpoint written by {@link #write}. */
    static TrainingCheckpoint read(Path file) throws IOException {
        Map<String, NpyArray> a = Npz.read(file);
        NpyArray epoch = a.get(EPOCH);
        if (epoch == null || a.get(RNG_STATE) == null || a.get(RNG_ORDER) == null) {
            throw new IOException(file + " is not a training checkpoint (it lacks " + EPOCH + ", " + RNG_STATE + " or "
                    + RNG_ORDER + ")");
        }
        return new TrainingCheckpoint(Math.toIntExact(epoch.longValue()), a);
    }

    /** Copies the saved parameters into the built {@code layers} (same shapes and precision). */
    void restoreWeights(List<Layer> layers) {
        for (int i = 0; i < layers.size(); i++) {
            for (Weights w : layers.get(i).weights()) {
                String name = blockName(i, w);
                NpyArray saved = arrays.get(name);
                Matrix m = w.value();
                if (saved == null || saved.size() != m.size()) {
                    throw new IllegalArgumentException("the checkpoint's " + name + " "
                            + (saved == null ? "is missing" : "has " + saved.size() + " values, the network's " + m.shape())
                            + ": it was saved from a different network");
                }
                if (m.precision() == Precision.FLOAT) {
                    System.arraycopy(saved.floats(), 0, m.floats(), 0, m.size());
                } else {
                    System.arraycopy(saved.doubles(), 0, m.doubles(), 0, m.size());
                }
            }
        }
    }

    /** Hands a {@link Stateful} optimizer its saved state (its own keys). */
    void restoreOptimizer(GradientOptimizer optimizer) {
        if (!(optimizer instanceof Stateful s)) {
            return;
        }
        Map<String, double[]> state = new LinkedHashMap<>();
        arrays.forEach((name, a) -> {
            if (name.startsWith("optimizer.")) {
                state.put(name.substring("optimizer.".length()), a.doubles());
            }
        });
        s.importState(state);
    }

    /** Which provider versions trained the epochs so far (none recorded in a checkpoint that predates it). */
    ComponentHistory history() {
        NpyArray text = arrays.get(ComponentHistory.ENTRY);
        return text == null ? new ComponentHistory() : ComponentHistory.parse(text.text());
    }

    ShuffleRandom random() {
        return ShuffleRandom.at(arrays.get(RNG_STATE).longValue());
    }

    int[] order() {
        return arrays.get(RNG_ORDER).ints();
    }

    Map<String, double[]> curves() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String name : Curves.NAMES) {
            NpyArray a = arrays.get("curves." + name);
            if (a != null) {
                out.put(name, a.doubles());
            }
        }
        return out;
    }

    private static String blockName(int layer, Weights w) {
        return "network." + layer + "." + w.name();
    }

    /** A block as numpy sees it: a matrix, or a vector when it has one column (a bias). */
    private static NpyArray array(Matrix m) {
        int[] shape = m.columns() == 1 ? new int[] {m.rows()} : new int[] {m.rows(), m.columns()};
        return m.precision() == Precision.FLOAT ? NpyArray.ofFloats(m.floats(), m.size(), shape)
                : NpyArray.ofDoubles(m.doubles(), m.size(), shape);
    }
}
