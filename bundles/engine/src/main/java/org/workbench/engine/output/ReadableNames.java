package org.workbench.engine.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Readable axis and legend names for result and sweep keys: {@code study.testMse.map.mean} becomes "test MSE, MAP". */
public final class ReadableNames {
    private ReadableNames() {
    }

    public static String of(String key) {
        List<String> words = new ArrayList<>();
        for (String seg : key.split("\\.")) {
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
                default -> seg.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
            });
        }
        return words.isEmpty() ? key : String.join(", ", words);
    }

    /** A sweep key ({@code prior.scale}) as an axis title: "prior scale τ". */
    public static String ofSweepKey(String key) {
        return of(key).replace(", ", " ");
    }

    /** The axis title for several result keys: what their readable names share ("test MSE"), else "value". */
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
        return shared == 0 ? "value" : String.join(", ", java.util.Arrays.copyOf(first, shared));
    }
}
