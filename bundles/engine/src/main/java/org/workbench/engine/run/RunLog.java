package org.workbench.engine.run;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.workbench.api.Progress;

/**
 * A run's console output kept as {@code log.txt} in its result folder: the notes printed before it
 * started (shadowing, third-party code), every line its progress reporters print (epochs, hot swaps,
 * warnings), each reporter's last status, and how the run ended. Written line by line while the run
 * runs, into the unfinished folder, and flushed at once, so the lines written before a kill survive
 * it; a resumed run appends. Each line starts with its UTC time. Writing never fails a run: a log
 * that cannot be written is given up.
 */
final class RunLog implements AutoCloseable {
    /** The file's name in the result folder. */
    static final String FILE = "log.txt";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private final Clock clock;
    private Writer out;

    private RunLog(Writer out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** Opens (appending to) {@code folder/log.txt}; a log that cannot be opened writes nothing. */
    static RunLog open(Path folder, Clock clock) {
        try {
            Files.createDirectories(folder);
            return new RunLog(Files.newBufferedWriter(folder.resolve(FILE), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND), clock);
        } catch (IOException e) {
            return new RunLog(null, clock);
        }
    }

    /** Writes one line (several when it holds line breaks), stamped with the time, and flushes. */
    synchronized void line(String text) {
        if (out == null) {
            return;
        }
        String stamp = TIME.format(clock.instant()) + "  ";
        try {
            for (String l : text.split("\r?\n", -1)) {
                out.write(stamp);
                out.write(l);
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            giveUp();
        }
    }

    /** {@code progress} whose reporters also write their lines and their last status here. */
    ProgressFactory tee(ProgressFactory progress) {
        return (label, total) -> {
            Progress shown = progress.open(label, total);
            return new Progress() {
                private String last;

                @Override
                public void update(long done, String status) {
                    last = status;
                    shown.update(done, status);
                }

                @Override
                public void message(String text) {
                    line(label + ": " + text);
                    shown.message(text);
                }

                @Override
                public void metrics(long step, Map<String, Double> values) {
                    shown.metrics(step, values);
                }

                @Override
                public void close() {
                    if (last != null && !last.isBlank()) {
                        line(label + ": " + last);
                    }
                    shown.close();
                }
            };
        };
    }

    private void giveUp() {
        try {
            out.close();
        } catch (IOException ignored) {
            // already broken
        }
        out = null;
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            giveUp();
        }
    }
}
