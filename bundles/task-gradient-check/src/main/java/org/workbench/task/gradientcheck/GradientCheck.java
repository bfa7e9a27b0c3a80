package org.workbench.task.gradientcheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.workbench.api.ResultTree;
import org.workbench.api.Task;
import org.workbench.api.TaskContext;
import org.workbench.api.nn.Backend;
import org.workbench.api.nn.Layer;
import org.workbench.api.nn.Loss;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Network;
import org.workbench.api.nn.Precision;
import org.workbench.api.nn.Weights;

/**
 * One gradient check in double precision. Results: {@code N}, {@code M}, {@code H},
 * {@code shapes} (per data point, the homework's column convention) and {@code shapes.batch}
 * (the network's batch matrices, one row per data point), {@code forward} values, {@code loss},
 * {@code gradients} (backprop through the layer components), {@code closedForm} (problem 3.2's
 * formulas; undefined with a reason when the network is not the homework's), {@code finiteDifference}
 * (central), {@code relativeError.*} and {@code maxRelativeError}. A relative error compares two
 * routes block by block: max |a - b| over the block divided by the largest |a| or |b| in it.
 */
final class GradientCheck implements Task {
    private static final double STRUCTURE_TOLERANCE = 1e-10;
    private final GradientCheckSettings settings;

    GradientCheck(GradientCheckSettings settings) {
        this.settings = settings;
    }

    @Override
    public void run(TaskContext context) {
        List<Layer> layers = context.components(Roles.NETWORK);
        Loss loss = context.component(Roles.LOSS);
        Backend backend = context.component(Roles.BACKEND);
        Matrix x = Matrix.ofRows(settings.x());
        double[] y = settings.y();
        int n = x.rows();
        int m = x.columns();

        Network network = Network.build(layers, m, Precision.DOUBLE, backend);
        NamedBlocks names = new NamedBlocks(network);
        names.assign(settings.given());
        ResultTree r = context.results();
        r.put("initialisation", settings.given().isEmpty() ? "seeded" : "given");
        r.put("input", settings.onePoint() ? "one data point (x a vector, y a number)" : "data points as rows");
        r.put("N", (long) n);
        r.put("M", (long) m);
        r.put("H", (long) network.width(0));

        Matrix lossGradient = Matrix.zeros(Precision.DOUBLE, n, network.outputWidth());
        double value = loss.evaluate(network.forward(x), y, 0, lossGradient);
        network.backward(lossGradient);
        r.put("loss", value);
        reportShapes(r, network, names, n);
        for (int i = 0; i < network.size(); i++) {
            r.put("forward." + names.output(i), network.output(i).toRows());
        }

        String mismatch = homeworkMismatch(network, names, value);
        Map<String, double[][]> backprop = new LinkedHashMap<>();
        names.blocks().forEach((name, w) -> backprop.put(name, w.gradient().toRows()));
        Map<String, double[][]> finite = finiteDifferences(network, names, loss, x, y);
        putBlocks(r, "gradients", backprop);
        putBlocks(r, "finiteDifference", finite);

        double max = relativeError(backprop, finite);
        r.put("relativeError.backpropVsFiniteDifference", max);
        if (mismatch == null) {
            ClosedForm closed = closedForm(names);
            Map<String, double[][]> closedGradients = new LinkedHashMap<>();
            names.blocks().keySet().forEach(k -> closedGradients.put(k, closed.gradients().get(k)));
            putBlocks(r, "closedForm", closedGradients);
            double bc = relativeError(backprop, closedGradients);
            double cf = relativeError(closedGradients, finite);
            r.put("relativeError.backpropVsClosedForm", bc);
            r.put("relativeError.closedFormVsFiniteDifference", cf);
            max = Math.max(max, Math.max(bc, cf));
        } else {
            r.undefined("closedForm", mismatch);
        }
        r.put("maxRelativeError", max);
    }

    private ClosedForm closedForm(NamedBlocks names) {
        Map<String, Weights> b = names.blocks();
        return new ClosedForm(settings.x(), settings.y(), b.get("W1").value().toRows(), b.get("b1").value().toRows(),
                b.get("W2").value().toRows(), b.get("b2").value().toRows());
    }

    /**
     * Why the closed forms do not apply to this network, or {@code null} when they do: it must have
     * the blocks W1, b1, W2 (one row), b2, four layers whose outputs equal the closed form's a1,
     * s(a1), a2, s(a2), and a loss equal to the binary cross-entropy of y-hat.
     */
    private String homeworkMismatch(Network network, NamedBlocks names, double lossValue) {
        Map<String, Weights> b = names.blocks();
        if (!b.keySet().equals(Set.of("W1", "b1", "W2", "b2")) || network.size() != 4
                || network.outputWidth() != 1) {
            return "the closed forms are for the homework's network dense(H), sigmoid, dense(1), sigmoid; this one has "
                    + network.size() + " layers, blocks " + b.keySet() + " and output width " + network.outputWidth();
        }
        for (double t : settings.y()) {
            if (!(t >= 0 && t <= 1)) {
                return "the closed forms are for binary targets in [0, 1]; y has " + t;
            }
        }
        ClosedForm c = closedForm(names);
        double[][][] expected = {c.a1, c.z1, column(c.a2), column(c.yHat)};
        String[] what = {"a1 = W1 x + b1", "z1 = sigmoid(a1)", "a2 = W2 z1 + b2", "yHat = sigmoid(a2)"};
        for (int i = 0; i < 4; i++) {
            double[][] got = network.output(i).toRows();
            double err = relativeError(Map.of("v", expected[i]), Map.of("v", got));
            if (err > STRUCTURE_TOLERANCE) {
                return "layer " + (i + 1) + "'s output is not " + what[i] + " (relative difference " + err
                        + "), so the network is not the homework's dense, sigmoid, dense, sigmoid";
            }
        }
        if (Math.abs(c.loss - lossValue) > STRUCTURE_TOLERANCE * Math.max(1, Math.abs(c.loss))) {
            return "the loss component gives " + lossValue + " but the binary cross-entropy of yHat is " + c.loss
                    + "; the closed forms assume binary-cross-entropy on probabilities";
        }
        return null;
    }

    /** Central differences of the loss in every parameter; restores each parameter after use. */
    private Map<String, double[][]> finiteDifferences(Network network, NamedBlocks names, Loss loss, Matrix x, double[] y) {
        double eps = settings.epsilon();
        Matrix scratch = Matrix.zeros(Precision.DOUBLE, x.rows(), network.outputWidth());
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Weights> e : names.blocks().entrySet()) {
            Matrix v = e.getValue().value();
            double[] data = v.doubles();
            double[][] g = new double[v.rows()][v.columns()];
            for (int k = 0; k < v.size(); k++) {
                double saved = data[k];
                data[k] = saved + eps;
                double up = loss.evaluate(network.forward(x), y, 0, scratch);
                data[k] = saved - eps;
                double down = loss.evaluate(network.forward(x), y, 0, scratch);
                data[k] = saved;
                g[k / v.columns()][k % v.columns()] = (up - down) / (2 * eps);
            }
            out.put(e.getKey(), g);
        }
        return out;
    }

    private static void reportShapes(ResultTree r, Network network, NamedBlocks names, int n) {
        names.blocks().forEach((name, w) -> r.putList("shapes." + name, List.of(w.value().rows(), w.value().columns())));
        for (int i = 0; i < network.size(); i++) {
            Matrix o = network.output(i);
            r.putList("shapes." + names.output(i), List.of(o.columns(), 1));
            r.putList("shapes.batch." + names.output(i), List.of(o.rows(), o.columns()));
        }
        r.putList("shapes.batch.x", List.of(n, network.width(-1)));
    }

    /** Every block as a matrix (an array of rows) of its own shape: b1 is H x 1, b2 is 1 x 1 ([[g]]). */
    private static void putBlocks(ResultTree r, String prefix, Map<String, double[][]> blocks) {
        blocks.forEach((name, v) -> r.put(prefix + "." + name, v));
    }

    /** The largest block-wise relative error between two sets of the same blocks. */
    static double relativeError(Map<String, double[][]> a, Map<String, double[][]> b) {
        double worst = 0;
        for (Map.Entry<String, double[][]> e : a.entrySet()) {
            double[][] u = e.getValue();
            double[][] v = b.get(e.getKey());
            double diff = 0;
            double scale = 0;
            for (int i = 0; i < u.length; i++) {
                for (int j = 0; j < u[i].length; j++) {
                    diff = Math.max(diff, Math.abs(u[i][j] - v[i][j]));
                    scale = Math.max(scale, Math.max(Math.abs(u[i][j]), Math.abs(v[i][j])));
                }
            }
            worst = Math.max(worst, scale == 0 ? 0 : diff / scale);
        }
        return worst;
    }

    private static double[][] column(double[] v) {
        double[][] c = new double[v.length][1];
        for (int i = 0; i < v.length; i++) {
            c[i][0] = v[i];
        }
        return c;
    }
}
