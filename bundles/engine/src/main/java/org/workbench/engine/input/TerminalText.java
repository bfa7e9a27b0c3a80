package org.workbench.engine.input;

/**
 * Makes text that may come from the user (keys, values, file names) safe to print on a terminal:
 * control characters, among them the ESC that starts ANSI and OSC escape sequences, are shown as
 * {@code \\u001b}-style escapes instead of being interpreted. Newlines and tabs are kept.
 */
public final class TerminalText {
    private TerminalText() {
    }

    public static String safe(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
            if (control && b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (b != null) {
                if (control) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? text : b.toString();
    }
}
