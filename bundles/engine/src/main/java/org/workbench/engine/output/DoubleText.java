package org.workbench.engine.output;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import com.fasterxml.jackson.core.io.schubfach.FloatToDecimal;

/**
 * A double's text as Java 19 and later's {@link Double#toString(double)} writes it: the shortest
 * decimal that reads back as the same double (Raffaello Giulietti's Schubfach, the algorithm those
 * JDKs use, as jackson-core ships it). Java 17's own {@code Double.toString} sometimes writes a
 * longer decimal ({@code 1.9999999999999998E23} for {@code 2.0E23}, JDK-4511638), so a generated
 * table's CSV and the numbers of a {@code result.json} would depend on the JDK; this is the same
 * on every JDK. The one formatter of doubles in the files a run writes ({@link JsonText}, the kept
 * CSV of generated tables).
 */
public final class DoubleText {
    private DoubleText() {
    }

    public static String of(double v) {
        return DoubleToDecimal.toString(v);
    }

    /** A float's text as Java 19 and later's {@link Float#toString(float)} writes it, on every JDK. */
    public static String of(float v) {
        return FloatToDecimal.toString(v);
    }
}
