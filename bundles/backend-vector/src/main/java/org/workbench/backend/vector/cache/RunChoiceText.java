package org.workbench.backend.vector.cache;

import java.util.Locale;

/** A {@link RunChoice} as lines of {@code ./workbench kernels}: the set chosen, then every set timed with its estimate. */
final class RunChoiceText {
    private RunChoiceText() {
    }

    static String of(String threads, RunChoice run) {
        StringBuilder out = new StringBuilder();
        RunChoice.Candidate builtIn = run.builtIn();
        out.append(String.format(Locale.ROOT, "  a run on %s: %s (measured on problem 4's products in training order, %s;"
                + " another set must beat the built-in by %.0f%%)%n", threads, run.chosen(), run.measuredAt(), run.margin() * 100));
        out.append(String.format(Locale.ROOT, "    %-20s %10s %10s %10s %8s  %s%n", "set", "run (est.)", "epoch", "compiles",
                "vs built-in", "kernels"));
        for (RunChoice.Candidate c : run.candidates()) {
            String ratio = builtIn == null || builtIn.runMillis() <= 0 ? "" : String.format(Locale.ROOT, "%.3fx", c.runMillis() / builtIn.runMillis());
            out.append(String.format(Locale.ROOT, "  %s %-20s %8.0f ms %7.1f ms %7.0f ms %8s  %s%n", c.name().equals(run.chosen()) ? "*" : " ",
                    c.name(), c.runMillis(), c.epochMillis(), c.compileMillis(), ratio, String.join(" ", c.kernels())));
        }
        return out.toString();
    }
}
