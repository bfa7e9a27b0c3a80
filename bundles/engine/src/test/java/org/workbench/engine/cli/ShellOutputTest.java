package org.workbench.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The shell's output: queued by writers, written by its own thread, and on the shell once flushed. */
class ShellOutputTest {
    /** A shell that takes its time over every write, as a busy terminal does. */
    private static final class SlowShell extends OutputStream {
        private final ByteArrayOutputStream got = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            got.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                got.write(b, off, len);
            }
        }

        synchronized String text() {
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aFlushReturnsOnceWhatWasWrittenBeforeItIsOnTheShell() {
        SlowShell shell = new SlowShell();
        ShellOutput out = new ShellOutput(shell, "test");
        PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
        for (int i = 1; i <= 5; i++) {
            print.print("line " + i + "\n");
        }
        print.flush();
        assertEquals("line 1\nline 2\nline 3\nline 4\nline 5\n", shell.text());
        out.close();
    }

    @Test
    void anInterruptedThreadsFlushStillWaitsAndKeepsItsInterruptStatus() throws java.io.IOException {
        SlowShell shell = new SlowShell();
        ShellOutput out = new ShellOutput(shell, "test");
        Thread.currentThread().interrupt();
        try {
            out.write("cancelled: the reason the process ends\n".getBytes(StandardCharsets.UTF_8));
            out.write("exit 1\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status is kept");
        } finally {
            Thread.interrupted();
        }
        assertEquals("cancelled: the reason the process ends\nexit 1\n", shell.text());
        out.close();
    }
}
