package org.workbench.engine.output;

import java.math.BigDecimal;
import java.math.MathContext;

/** Tick labels with at most 4 significant digits: {@code 0.387943128866431} prints as {@code 0.3879}. */
final class TickLabels {
    private TickLabels() {
    }

    static String format(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return "";
        }
        double v = value;
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            String s = String.format(java.util.Locale.ROOT, "%.3e", rounded.doubleValue());
            String[] parts = s.split("e");
            String mantissa = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
            return mantissa + "e" + Integer.parseInt(parts[1]);
        }
        return rounded.toPlainString();
    }
}
