package org.workbench.runtime;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Standard error with the four warning lines that Java 17 prints when a security manager is
 * installed at run time ({@code WARNING: A terminally deprecated method in java.lang.System has
 * been called} and the three after it) left out, and every other line passed on whole. Set as
 * {@code System.err} only around {@link ExitGuard#install()}'s call, so that {@code ./workbench}
 * needs no filter process on standard error: a filter in the terminal's process group would end
 * with the same Ctrl-C that stops the runtime, and take the runtime's last words with it.
 */
final class DroppedWarnings extends OutputStream {
    private static final Pattern WARNING = Pattern.compile("^WARNING: (A terminally deprecated method in "
            + "java\\.lang\\.System has been called|System::setSecurityManager (has been called by .*|will be removed in "
            + "a future release)|Please consider reporting this to the maintainers of .*)$");
    private final PrintStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private DroppedWarnings(PrintStream target) {
        this.target = target;
    }

    /** A stream for {@code System.setErr} that writes to {@code target} without those lines. */
    static PrintStream around(PrintStream target) {
        return new PrintStream(new DroppedWarnings(target), true, StandardCharsets.UTF_8);
    }

    /** Whether {@code text} (one line, without its end) is one of the dropped warnings. */
    static boolean dropped(String text) {
        return WARNING.matcher(text).matches();
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (!dropped(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text)) {
                target.println(text);
            }
        } else {
            line.write(b);
        }
    }

    /** A partial line waits for its end (or {@link #close()}): a warning is never passed on in pieces. */
    @Override
    public void flush() {
        // nothing: see above
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            target.print(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
        target.flush();
    }
}
