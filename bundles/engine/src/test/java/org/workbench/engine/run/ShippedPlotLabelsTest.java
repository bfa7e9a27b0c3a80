package org.workbench.engine.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.workbench.engine.descriptor.Descriptor;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.descriptor.SweepAxis;
import org.workbench.engine.descriptor.SweepPlotSpec;

/**
 * The axis titles and legend labels of the shipped experiments' plots read in the homework's
 * notation: none is a key path ("value", "data n", "results MLE", "epochs epoch", "ratio map over
 * mle", "predictive, variance", a dotted or camelCase key).
 */
class ShippedPlotLabelsTest {
    private static final Pattern KEY_LIKE = Pattern.compile(
            "[A-Za-z]\\.[A-Za-z]|[a-z][A-Z]|^value$|^x$|^y$|\\bdata n\\b|\\bresults\\b|\\bepochs\\b|\\bover mle\\b"
                    + "|, variance|\\bmu\\b|\\btau\\b|\\^2");

    static boolean keyLike(String label) {
        return KEY_LIKE.matcher(label).find();
    }

    @Test
    void theDetectorKnowsAKeyPathFromNotation() {
        for (String bad : List.of("value", "data n", "results MLE", "epochs epoch", "ratio map over mle",
                "predictive, variance", "study.testMse", "ratioMapOverMle", "tau^2")) {
            assertTrue(keyLike(bad), bad);
        }
        for (String good : List.of("n", "prior variance τ²", "posterior mean", "Var(x | D) − σ²", "MAP / MLE", "seed 181")) {
            assertFalse(keyLike(good), good);
        }
    }

    @Test
    void noShippedPlotLabelIsAKeyPath() throws Exception {
        List<String> bad = new ArrayList<>();
        int plots = 0;
        try (Stream<Path> files = Files.list(Path.of("../../experiments"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Descriptor d = new DescriptorParser().parse(file, List.of());
                List<String> sweepKeys = d.sweep().stream().map(SweepAxis::key).toList();
                for (SweepPlotSpec spec : d.plots()) {
                    plots++;
                    boolean across = sweepKeys.contains(spec.x()) || spec.x().startsWith(SweepPlots.RESULT_PREFIX);
                    List<String> labels = new ArrayList<>(List.of(SweepPlots.xLabel(spec, across),
                            SweepPlots.yLabel(spec, across)));
                    for (int k = 0; k < spec.y().size(); k++) {
                        labels.add(SweepPlots.seriesLabel(spec, k, spec.y().get(k)));
                    }
                    labels.add(spec.title());
                    labels.stream().filter(ShippedPlotLabelsTest::keyLike)
                            .forEach(l -> bad.add(file.getFileName() + " " + spec.name() + ": '" + l + "'"));
                }
            }
        }
        assertTrue(plots >= 10, "the shipped experiments were found: " + plots);
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }
}
