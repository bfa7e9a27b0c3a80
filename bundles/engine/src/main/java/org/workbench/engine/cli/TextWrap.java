package org.workbench.engine.cli;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping and elision for fixed-width terminal tables. */
final class TextWrap {
    private TextWrap() {
    }

    /** Splits {@code text} into lines of at most {@code width} characters at spaces; a longer word is cut. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            while (word.length() > width) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** {@code text} itself when it fits in {@code width}, else its start and end around "...". */
    static String elide(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        int keep = width - 3;
        int head = (keep + 1) / 2;
        return text.substring(0, head) + "..." + text.substring(text.length() - (keep - head));
    }
}
