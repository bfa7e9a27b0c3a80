package org.workbench.data.basic;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a text, read with bounds: a line longer than {@code maxLine} characters, or more
 * than {@code maxChars} characters in all, ends the reading with a {@link TooLong} that names the
 * line, after reading at most one line's bound past what was accepted (a file without line breaks
 * is never read into memory whole). Lines end at {@code \n}, {@code \r\n} or {@code \r}, as
 * {@link java.io.BufferedReader#readLine()} has them.
 */
final class BoundedLines {
    private final Reader in;
    private final int maxLine;
    private final long maxChars;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private long read;
    private int number;
    private boolean skipLineFeed;

    BoundedLines(Reader in, int maxLine, long maxChars) {
        this.in = in;
        this.maxLine = maxLine;
        this.maxChars = maxChars;
    }

    /** A line or a text that is too long. */
    static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final boolean wholeText;

        TooLong(int line, boolean wholeText) {
            super("line " + line + (wholeText ? ": past the size limit" : ": longer than the line limit"));
            this.line = line;
            this.wholeText = wholeText;
        }

        /** The 1-based number of the line being read. */
        int line() {
            return line;
        }

        /** Whether the whole text, not the one line, went past its bound. */
        boolean wholeText() {
            return wholeText;
        }
    }

    /** The number of the line last returned (1-based). */
    int number() {
        return number;
    }

    /** The next line without its end, or {@code null} at the end of the text. */
    String next() throws IOException {
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    number++;
                    return line.toString();
                }
                read += limit;
                if (read > maxChars) {
                    throw new TooLong(number + 1, true);
                }
            }
            char c = buffer[position++];
            if (skipLineFeed) {
                skipLineFeed = false;
                if (c == '\n') {
                    continue;
                }
            }
            any = true;
            if (c == '\n' || c == '\r') {
                skipLineFeed = c == '\r';
                number++;
                return line.toString();
            }
            if (line.length() == maxLine) {
                throw new TooLong(number + 1, false);
            }
            line.append(c);
        }
    }
}
