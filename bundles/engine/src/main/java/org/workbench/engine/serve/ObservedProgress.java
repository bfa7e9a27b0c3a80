package org.workbench.engine.serve;

import java.util.Map;

import org.workbench.api.Progress;
import org.workbench.api.live.RunObserver;
import org.workbench.engine.run.ProgressFactory;

/**
 * Progress that goes to a {@link RunObserver} instead of a terminal. (A cancelled run stops at its
 * next report in the task's own reporter, whatever front end shows it: {@code PointContext.progress}.)
 */
final class ObservedProgress implements ProgressFactory {
    private final RunObserver observer;

    ObservedProgress(RunObserver observer) {
        this.observer = observer;
    }

    @Override
    public Progress open(String label, long total) {
        return new Progress() {
            @Override
            public void update(long done, String status) {
                observer.progress(label, done, total, status);
            }

            @Override
            public void message(String line) {
                observer.message(label, line);
            }

            @Override
            public void metrics(long step, Map<String, Double> values) {
                observer.metrics(label, step, Map.copyOf(values));
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
