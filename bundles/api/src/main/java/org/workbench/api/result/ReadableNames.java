package org.workbench.api.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Readable axis and legend names for result and sweep keys, in the homework's notation where the
 * key is one of the shipped tasks' ({@code prior.variance} is "prior variance τ²",
 * {@code predictive.variance} "predictive variance Var(x | D)"), else their words
 * ({@code study.testMse.map.mean} becomes "test MSE, MAP"). A descriptor's plot {@code xLabel},
 * {@code yLabel} and {@code labels} come first; these are what a plot without them shows. The one
 * naming that the engine's PNGs and every reader's charts share, so that an axis reads the same in
 * both.
 *
 * @since 1.2
 */
public final class ReadableNames {
    private static final Map<String, String> NOTATION = Map.ofEntries(
            Map.entry("data.n", "n"),
            Map.entry("data.mean", "true mean μ"),
            Map.entry("data.stddev", "σ"),
            Map.entry("prior.variance", "prior variance τ²"),
            Map.entry("prior.scale", "prior scale τ"),
            Map.entry("prior.mean", "prior mean"),
            Map.entry("likelihood.variance", "noise variance σ²"),
            Map.entry("optimizer.learningRate", "learning rate"),
            Map.entry("predictive.mean", "predictive mean E[x | D]"),
            Map.entry("predictive.variance", "predictive variance Var(x | D)"),
            Map.entry("pluginMle.variance", "plug-in variance Var(x | μ_MLE)"),
            Map.entry("pluginMap.variance", "plug-in variance Var(x | μ_MAP)"),
            Map.entry("pluginMle.mean", "plug-in mean (MLE)"),
            Map.entry("pluginMap.mean", "plug-in mean (MAP)"),
            Map.entry("ratioMapOverMle", "MAP / MLE"),
            Map.entry("mleMinusMap", "MLE − MAP"),
            Map.entry("predictiveVarianceMinusPluginVariance", "Var(x | D) − σ²"),
            Map.entry("softThreshold.map", "MAP (soft threshold)"),
            Map.entry("trainLoss", "training loss"),
            Map.entry("testLoss", "test loss"),
            Map.entry("trainAccuracy", "training accuracy"),
            Map.entry("testAccuracy", "test accuracy"),
            Map.entry("tauCritical", "τ_critical"));

    private ReadableNames() {
    }

    public static String of(String key) {
        String bare = key.startsWith("results.") ? key.substring("results.".length()) : key;
        String known = NOTATION.get(bare);
        if (known != null) {
            return known;
        }
        List<String> words = new ArrayList<>();
        for (String seg : bare.split("\\.")) {
            if (seg.equals("mean") || seg.equals("study") || seg.equals("with") || seg.matches("\\d+")) {
                continue;
            }
            words.add(switch (seg) {
                case "map" -> "MAP";
                case "mle" -> "MLE";
                case "testMse" -> "test MSE";
                case "posteriorMean" -> "posterior mean";
                case "stderr" -> "standard error";
                case "scale" -> "scale τ";
                default -> NOTATION.getOrDefault(seg, seg.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT));
            });
        }
        return words.isEmpty() ? bare : String.join(", ", words);
    }

    /** A sweep key ({@code prior.scale}) as an axis title: "prior scale τ". */
    public static String ofSweepKey(String key) {
        String known = NOTATION.get(key);
        return known != null ? known : of(key).replace(", ", " ");
    }

    /**
     * The axis title for several result keys: what their readable names share ("test MSE"), else
     * their names one after the other ("MLE, MAP").
     */
    public static String common(List<String> keys) {
        if (keys.size() == 1) {
            return of(keys.get(0));
        }
        String[] first = of(keys.get(0)).split(", ");
        int shared = first.length;
        for (String k : keys) {
            String[] parts = of(k).split(", ");
            int i = 0;
            while (i < Math.min(shared, parts.length) && parts[i].equals(first[i])) {
                i++;
            }
            shared = i;
        }
        return shared == 0 ? String.join(", ", keys.stream().map(ReadableNames::of).toList())
                : String.join(", ", java.util.Arrays.copyOf(first, shared));
    }
}
