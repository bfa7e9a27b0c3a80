package org.workbench.task.trainclassifier;

/**
 * The training's status text ("epoch 3/10 batch 120/235 loss 0.4821 290000 ex/s"), formatted anew
 * at most once per interval, and whenever the caller forces it (an epoch's last batch): the progress
 * count itself is updated every batch. Formatting it every batch (String.format with float
 * conversions, 235 times an epoch) made problem 4's epochs 2-7 slow, 0.27-0.35 s against 0.20-0.21 s
 * once the formatter's code was compiled, late in the run (five interleaved pairs of runs of the
 * distribution with and without this class: median epochs 0.266-0.347 s against 0.203-0.241 s),
 * for a line that a terminal or a page shows a few times a second.
 */
final class StatusLine {
    /** How often the text is formatted anew: 20 times a second. */
    static final long EVERY_NANOS = 50_000_000L;

    private final long everyNanos;
    private String text = "";
    private boolean formatted;
    private long formattedAt;

    StatusLine(long everyNanos) {
        this.everyNanos = everyNanos;
    }

    /** Whether the text should be formatted anew at {@code now} (System.nanoTime): never yet, forced, or the interval past. */
    boolean due(long now, boolean force) {
        return force || !formatted || now - formattedAt >= everyNanos;
    }

    /** The text formatted at {@code now}. */
    void set(String newText, long now) {
        text = newText;
        formatted = true;
        formattedAt = now;
    }

    /** The latest text ("" before the first). */
    String text() {
        return text;
    }
}
