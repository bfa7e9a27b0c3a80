package org.workbench.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.workbench.api.Progress;
import org.workbench.api.live.ActiveRun;
import org.workbench.api.live.RunObserver;

class ActiveRunsTest {

    /** Records what an observer hears, one line per call. */
    private static final class Heard implements RunObserver {
        final List<String> lines = new ArrayList<>();

        @Override
        public synchronized void progress(String label, long done, long total, String status) {
            lines.add("progress " + label + " " + done + "/" + total + " " + status);
        }

        @Override
        public synchronized void message(String label, String line) {
            lines.add("message " + label + " " + line);
        }

        @Override
        public synchronized void metrics(String label, long step, Map<String, Double> values) {
            lines.add("metrics " + label + " " + step + " " + values);
        }

        @Override
        public synchronized void finished(int status, Path resultJson, String error) {
            lines.add("finished " + status + " " + error);
        }
    }

    @Test
    void aTrackedRunIsListedWithItsLatestProgressUntilUntracked() {
        ActiveRuns runs = new ActiveRuns();
        AtomicInteger cancelled = new AtomicInteger();
        TrackedRun run = runs.track(runs.newId(), "p4", List.of("task.with.epochs=2"), "command line",
                cancelled::incrementAndGet);
        assertEquals(List.of(run), runs.tracked());
        assertNull(run.progress());
        List<String> terminal = new ArrayList<>();
        ProgressFactory inner = (label, total) -> new Progress() {
            @Override
            public void update(long done, String status) {
                terminal.add(label + " " + done);
            }

            @Override
            public void message(String line) {
            }

            @Override
            public void close() {
            }
        };
        try (Progress p = run.watching(inner).open("epoch 1", 10)) {
            p.update(3, "loss 0.5");
        }
        assertEquals(List.of("epoch 1 3"), terminal, "the terminal still hears every report");
        assertEquals(new ActiveRun.Snapshot("epoch 1", 3, 10, "loss 0.5"), run.progress());
        run.named("p4-fashion-mnist-mlp");
        assertEquals("p4-fashion-mnist-mlp", runs.tracked().get(0).name());
        runs.tracked().get(0).cancel();
        assertEquals(1, cancelled.get());
        runs.untrack(run);
        assertEquals(List.of(), runs.tracked());
    }

    @Test
    void anObserverThatJoinsHearsTheRestAndTheEndOnceAndALateOneIsRefused() {
        ActiveRuns runs = new ActiveRuns();
        TrackedRun run = runs.track("a1", "p4", List.of(), "page", () -> { });
        ProgressFactory watched = run.watching(ProgressFactory.SILENT);
        try (Progress p = watched.open("train", 4)) {
            p.update(1, "before");
            Heard heard = new Heard();
            assertTrue(run.observe(heard));
            p.update(2, "after");
            p.message("epoch 1 done");
            p.metrics(1, Map.of("trainLoss", 0.5));
            run.finished(1, null, "cancelled");
            run.finished(1, null, "again");
            assertEquals(List.of("progress train 2/4 after", "message train epoch 1 done", "metrics train 1 {trainLoss=0.5}",
                    "finished 1 cancelled"), heard.lines);
        }
        assertFalse(run.observe(new Heard()), "an ended run takes no more observers");
    }
}
