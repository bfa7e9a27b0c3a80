package org.workbench.runtime;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what the JVM prints to standard error while it is open (Declarative Services logs a
 * component that fails to activate there), so that a test of an expected failure asserts the
 * message instead of leaving an ERROR line in the build log. Restores the previous stream on close.
 */
final class CapturedErr implements AutoCloseable {
    private final PrintStream previous = System.err;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    CapturedErr() {
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    /** Everything printed so far. */
    String text() {
        System.err.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setErr(previous);
    }
}
