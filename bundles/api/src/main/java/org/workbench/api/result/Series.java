package org.workbench.api.result;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One named series of a result: where its numbers are, what to call them and in what unit.
 *
 * @param key    the dotted key of the numbers: in a {@link Chart} or a {@link Table} over a list, a
 *               field of the list's objects ({@code trainLoss}); in a table without a list, a key
 *               under {@code results} ({@code posterior.mean}); in {@link Draws}, a vector with one
 *               entry per coordinate ({@code diagnostics.rhat})
 * @param label  what a reader calls it ("train loss")
 * @param unit   its unit ("nats", "s"), or "" when it has none
 * @param digits the significant digits a reader shows, or {@link #WHOLE} for a count shown as a whole
 *               number grouped by thousands
 */
public record Series(String key, String label, String unit, int digits) {
    /** {@link #digits()} of a count: a whole number, grouped by thousands (11,780). */
    public static final int WHOLE = 0;
    /** The digits of {@link #of(String, String)}. */
    public static final int DEFAULT_DIGITS = 4;

    public Series {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        if (key.isBlank()) {
            throw new IllegalArgumentException("a series needs a key");
        }
        if (digits < 0 || digits > 17) {
            throw new IllegalArgumentException("series '" + key + "': digits " + digits + " is not in [0, 17]");
        }
    }

    /** A series without a unit, shown with {@link #DEFAULT_DIGITS} significant digits. */
    public static Series of(String key, String label) {
        return new Series(key, label, "", DEFAULT_DIGITS);
    }

    /** This series in {@code value} units. */
    public Series unit(String value) {
        return new Series(key, label, value, digits);
    }

    /** This series shown as a whole count. */
    public Series whole() {
        return new Series(key, label, unit, WHOLE);
    }

    /** The label with its unit in parentheses when it has one: "seconds (s)". */
    public String labelWithUnit() {
        return unit.isEmpty() ? label : label + " (" + unit + ")";
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("label", label);
        m.put("unit", unit);
        m.put("digits", digits);
        return m;
    }

    static Series fromJson(Map<String, ?> m, String where) {
        return new Series(JsonRead.string(m, "key", where), JsonRead.string(m, "label", where),
                JsonRead.optionalString(m, "unit", ""), JsonRead.integer(m, "digits", DEFAULT_DIGITS, where));
    }
}
