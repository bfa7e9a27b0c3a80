package org.workbench.engine.serve;

import java.util.Map;

import org.workbench.api.Progress;
import org.workbench.api.live.RunObserver;
import org.workbench.engine.run.ProgressFactory;

/**
 * Progress that goes to a {@link RunObserver} instead of a terminal, and the point where a live run
 * notices that it was cancelled: a report made on an interrupted thread throws {@link RunCancelled},
 * which unwinds the task like Ctrl-C (the runner then removes the unfinished folder).
 */
final class ObservedProgress implements ProgressFactory {
    private final RunObserver observer;

    ObservedProgress(RunObserver observer) {
        this.observer = observer;
    }

    @Override
    public Progress open(String label, long total) {
        checkCancelled();
        return new Progress() {
            @Override
            public void update(long done, String status) {
                checkCancelled();
                observer.progress(label, done, total, status);
            }

            @Override
            public void message(String line) {
                checkCancelled();
                observer.message(label, line);
            }

            @Override
            public void metrics(long step, Map<String, Double> values) {
                checkCancelled();
                observer.metrics(label, step, Map.copyOf(values));
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    private static void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new RunCancelled();
        }
    }
}
