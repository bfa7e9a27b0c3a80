package org.workbench.engine.cli;

import java.io.PrintStream;

import org.workbench.api.Progress;
import org.workbench.engine.run.ProgressFactory;

/**
 * Progress on standard error: a live bar redrawn in place (at most ten times a second) when the
 * output is a terminal, plain lines at every tenth of the way otherwise, so that logs stay readable.
 */
public final class TerminalProgress implements ProgressFactory {
    private static final int BAR = 30;
    private final PrintStream err;
    private final boolean terminal;

    public TerminalProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public Progress open(String label, long total) {
        return new Bar(label, total);
    }

    private final class Bar implements Progress {
        private final String label;
        private final long total;
        private long lastDraw;
        private long lastTenth = -1;
        private boolean drawn;

        Bar(String label, long total) {
            this.label = label;
            this.total = Math.max(1, total);
        }

        @Override
        public synchronized void update(long done, String status) {
            long now = System.nanoTime();
            if (terminal) {
                if (now - lastDraw < 100_000_000L && done < total) {
                    return;
                }
                lastDraw = now;
                int filled = (int) Math.min(BAR, BAR * done / total);
                err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] " + done + "/"
                        + total + " " + status + "\033[K");
                err.flush();
                drawn = true;
            } else {
                long tenth = 10 * done / total;
                if (tenth != lastTenth) {
                    lastTenth = tenth;
                    err.println(label + " " + done + "/" + total + " " + status);
                }
            }
        }

        @Override
        public synchronized void message(String line) {
            if (terminal && drawn) {
                err.print("\r\033[K");
            }
            err.println(line);
            drawn = false;
        }

        @Override
        public synchronized void close() {
            if (terminal && drawn) {
                err.println();
            }
        }
    }
}
