package org.workbench.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.api.Progress;

/** log.txt keeps the lines a run printed and each reporter's last status, stamped, and a resume appends. */
class RunLogTest {
    @TempDir
    Path folder;

    @Test
    void keepsMessagesAndLastStatusesAndAppendsOnResume() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);
        List<String> shown = new ArrayList<>();
        ProgressFactory terminal = (label, total) -> new Progress() {
            @Override
            public void update(long done, String status) {
            }

            @Override
            public void message(String line) {
                shown.add(line);
            }

            @Override
            public void close() {
            }
        };
        try (RunLog log = RunLog.open(folder, clock)) {
            log.line("run 1 of d.json");
            try (Progress p = log.tee(terminal).open("training", 10)) {
                p.update(5, "epoch 1/2 batch 5/5");
                p.message("epoch 1/2: train loss 0.5");
                p.update(10, "epoch 2/2 batch 5/5");
            }
        }
        try (RunLog again = RunLog.open(folder, clock)) {
            again.line("resumed run 1\nsecond line");
        }
        assertEquals(List.of("epoch 1/2: train loss 0.5"), shown, "the terminal still sees every line");
        assertEquals(List.of("2026-12-07 08:00:00  run 1 of d.json",
                "2026-12-07 08:00:00  training: epoch 1/2: train loss 0.5",
                "2026-12-07 08:00:00  training: epoch 2/2 batch 5/5",
                "2026-12-07 08:00:00  resumed run 1",
                "2026-12-07 08:00:00  second line"), Files.readAllLines(folder.resolve(RunLog.FILE)));
    }
}
