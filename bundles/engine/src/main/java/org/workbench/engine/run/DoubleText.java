package org.workbench.engine.run;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;

/**
 * A double's text as Java 19 and later's {@link Double#toString(double)} writes it: the shortest
 * decimal that reads back as the same double (Raffaello Giulietti's Schubfach, the algorithm those
 * JDKs use, as jackson-core ships it). Java 17's own {@code Double.toString} sometimes writes a
 * longer decimal ({@code 1.9999999999999998E23} for {@code 2.0E23}, JDK-4511638), so a generated
 * table's text, and the SHA-256 that records it, would depend on the JDK; this is the same on
 * every JDK.
 */
final class DoubleText {
    private DoubleText() {
    }

    static String of(double v) {
        return DoubleToDecimal.toString(v);
    }
}
