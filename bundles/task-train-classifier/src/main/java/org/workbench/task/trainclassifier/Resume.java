package org.workbench.task.trainclassifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Which kept checkpoint a resumed training run continues from: the one with the most epochs done
 * (at most the run's) among those that read whole; none for a fresh run.
 */
final class Resume {
    private Resume() {
    }

    /** The newest readable checkpoint of {@code kept}, or {@code null}. */
    static TrainingCheckpoint latest(List<Path> kept, int epochs) throws IOException {
        TrainingCheckpoint best = null;
        IOException unreadable = null;
        for (Path p : kept) {
            try {
                TrainingCheckpoint c = TrainingCheckpoint.read(p);
                if (c.epoch() <= epochs && (best == null || c.epoch() > best.epoch())) {
                    best = c;
                }
            } catch (IOException | RuntimeException e) {
                unreadable = new IOException("cannot resume from checkpoint " + p + ": " + e.getMessage(), e);
            }
        }
        if (best == null && unreadable != null) {
            throw unreadable;
        }
        return best;
    }
}
