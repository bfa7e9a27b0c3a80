package org.workbench.task.bayesianlinearregression;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.workbench.api.linear.KeptDraws;

/**
 * {@code draws.json}: the sampler's kept draws for trace and rank plots,
 * {@code {"thin": k, "chains": C, "coordinates": p, "draws": [[[...], ...], ...]}} with
 * {@code draws[c][j][t]} (chain, coordinate of w, kept draw).
 */
final class DrawsArtifact {
    static final String FILE = "draws.json";

    private DrawsArtifact() {
    }

    static void write(Path file, KeptDraws kept) {
        double[][][] d = kept.draws();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"thin\": " + kept.thin() + ", \"chains\": " + kept.chains() + ", \"coordinates\": "
                    + kept.coordinates() + ", \"draws\": [");
            for (int c = 0; c < d.length; c++) {
                w.write(c == 0 ? "[" : ", [");
                for (int j = 0; j < d[c].length; j++) {
                    w.write(j == 0 ? "[" : ", [");
                    for (int t = 0; t < d[c][j].length; t++) {
                        if (t > 0) {
                            w.write(',');
                        }
                        double v = d[c][j][t];
                        // float precision is ample for trace and rank plots and halves the file
                        w.write(Double.isFinite(v) ? Float.toString((float) v) : "null");
                    }
                    w.write(']');
                }
                w.write(']');
            }
            w.write("]}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
