package org.workbench.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The temporary folders of runs in progress, {@code <out>/<name>/.incomplete-<run-id>-pid<PID>}:
 * the name carries the process that writes it, so that one left by a process that is gone
 * (kill -9, a power cut) is recognised and removed by the next run or {@code report}, while one
 * that a live process is still writing is left alone. A folder in the older form without a
 * process id is stale when untouched for {@link #LEGACY_AGE}. A folder that keeps finished points
 * or units for {@code --resume} is never removed.
 */
public final class IncompleteFolders {
    static final String PREFIX = ".incomplete-";
    static final Duration LEGACY_AGE = Duration.ofHours(1);
    private static final Pattern PID = Pattern.compile("-pid(\\d+)$");

    private IncompleteFolders() {
    }

    /** The temporary folder's name for a run of this process. */
    static String name(String runId) {
        return PREFIX + runId + "-pid" + ProcessHandle.current().pid();
    }

    /**
     * Removes every stale temporary folder under {@code outRoot/<name>/}.
     *
     * @return the folders removed
     */
    public static List<Path> removeStale(Path outRoot) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(outRoot)) {
            return removed;
        }
        try (Stream<Path> experiments = Files.list(outRoot)) {
            for (Path experiment : experiments.filter(Files::isDirectory).toList()) {
                try (Stream<Path> runs = Files.list(experiment)) {
                    for (Path run : runs.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
                        if (stale(run) && !SweepFolder.keepsWork(run) && delete(run)) {
                            removed.add(run);
                        }
                    }
                } catch (IOException unreadable) {
                    // not ours to judge
                }
            }
        } catch (IOException unreadable) {
            // nothing to clean
        }
        return removed;
    }

    static boolean stale(Path folder) {
        Matcher m = PID.matcher(folder.getFileName().toString());
        if (m.find()) {
            long pid;
            try {
                pid = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                return true;
            }
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            return process.isEmpty() || !process.get().isAlive();
        }
        try {
            FileTime modified = Files.getLastModifiedTime(folder);
            return modified.toInstant().isBefore(Instant.now().minus(LEGACY_AGE));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
