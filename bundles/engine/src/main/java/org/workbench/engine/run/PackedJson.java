package org.workbench.engine.run;

import java.util.Arrays;

import org.workbench.engine.output.DoubleText;

/**
 * Compact JSON text held in little memory across the points of a sweep: its numbers as a
 * {@code long[]} (8 bytes each) and the rest of its text, its "shape" (keys, strings, structure,
 * a marker where each number stood), interned, so that the 100,000 points of a sweep whose results
 * have the same keys share one copy of them. A number is packed only when its text is exactly what
 * unpacking writes back ({@link Long#toString(long)}, or {@link DoubleText} for a double); any other
 * number stays in the shape as it was. {@link #json()} gives back the very text it was made from.
 */
public final class PackedJson {
    /** Stands for an integer in the shape; a control character never appears unescaped in JSON text. */
    private static final char LONG = '\u0001';
    /** Stands for a double (its bits) in the shape. */
    private static final char DOUBLE = '\u0002';
    private final String shape;
    private final long[] numbers;

    private PackedJson(String shape, long[] numbers) {
        this.shape = shape;
        this.numbers = numbers;
    }

    /** Packs the compact JSON text {@code json}. */
    static PackedJson of(String json) {
        StringBuilder shape = new StringBuilder(json.length());
        long[] numbers = new long[16];
        int count = 0;
        int n = json.length();
        for (int i = 0; i < n;) {
            char c = json.charAt(i);
            if (c == '"') {
                int end = stringEnd(json, i);
                shape.append(json, i, end);
                i = end;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                int end = i + 1;
                while (end < n && "+-.eE0123456789".indexOf(json.charAt(end)) >= 0) {
                    end++;
                }
                String token = json.substring(i, end);
                if (count == numbers.length) {
                    numbers = Arrays.copyOf(numbers, count * 2);
                }
                Long integer = integer(token);
                Long bits = integer == null ? doubleBits(token) : null;
                if (integer != null) {
                    shape.append(LONG);
                    numbers[count++] = integer;
                } else if (bits != null) {
                    shape.append(DOUBLE);
                    numbers[count++] = bits;
                } else {
                    shape.append(token);
                }
                i = end;
            } else if (c == LONG || c == DOUBLE) {
                throw new IllegalArgumentException("not JSON text: a raw control character at " + i);
            } else {
                shape.append(c);
                i++;
            }
        }
        return new PackedJson(shape.toString().intern(), Arrays.copyOf(numbers, count));
    }

    /** The text it was made from. */
    String json() {
        StringBuilder out = new StringBuilder(shape.length() + numbers.length * 20);
        int k = 0;
        for (int i = 0; i < shape.length(); i++) {
            char c = shape.charAt(i);
            if (c == LONG) {
                out.append(numbers[k++]);
            } else if (c == DOUBLE) {
                out.append(DoubleText.of(Double.longBitsToDouble(numbers[k++])));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The index just past the string that starts at {@code start}. */
    private static int stringEnd(String json, int start) {
        for (int i = start + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("not JSON text: a string without its closing quote at " + start);
    }

    private static Long integer(String token) {
        if (token.indexOf('.') >= 0 || token.indexOf('e') >= 0 || token.indexOf('E') >= 0 || token.length() > 20) {
            return null;
        }
        try {
            long v = Long.parseLong(token);
            return Long.toString(v).equals(token) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long doubleBits(String token) {
        try {
            double v = Double.parseDouble(token);
            return Double.isFinite(v) && DoubleText.of(v).equals(token) ? Double.doubleToRawLongBits(v) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
