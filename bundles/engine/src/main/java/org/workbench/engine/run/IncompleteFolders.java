package org.workbench.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>Whether a dead run's folder is resumed or removed is decided once, and each side takes the
 * folder by renaming it atomically before it touches it: a resume renames it to a name of its own
 * process ({@link SweepFolder#reopen}), a removal to a {@value #REMOVING} name; whoever renames
 * second finds nothing and goes on without it (a resume then starts afresh), so a resume never
 * reads a folder that is being removed.
 */
public final class IncompleteFolders {
    static final String PREFIX = ".incomplete-";
    static final Duration LEGACY_AGE = Duration.ofHours(1);
    /** The name a folder takes while it is being removed (never resumed, removed by whoever finds it stale). */
    static final String REMOVING = PREFIX + "removing-";
    private static final Pattern PID = Pattern.compile("-pid(\\d+)$");
    /** The unfinished folders that runs of this process are writing now. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    private IncompleteFolders() {
    }

    /** The temporary folder's name for a run of this process. */
    static String name(String runId) {
        return PREFIX + runId + "-pid" + ProcessHandle.current().pid();
    }

    /** Marks {@code folder} as written by a run of this process (before it is created or taken over). */
    static void open(Path folder) {
        OPEN.add(folder.toAbsolutePath().normalize());
    }

    /** The run writing {@code folder} has ended (published, kept or removed it). */
    static void close(Path folder) {
        OPEN.remove(folder.toAbsolutePath().normalize());
    }

    /**
     * Whether a run may take {@code folder} over for a resume: a published partial run, or the
     * unfinished folder of a process that is gone, or one of this process that no run is writing
     * (a run cancelled in the shell); never the folder of a run in progress.
     */
    static boolean claimable(Path folder) {
        String name = folder.getFileName().toString();
        if (name.startsWith(REMOVING) || OPEN.contains(folder.toAbsolutePath().normalize())) {
            return false;
        }
        if (!name.startsWith(PREFIX)) {
            return true;
        }
        Matcher m = PID.matcher(name);
        return stale(folder) || (m.find() && m.group(1).equals(Long.toString(ProcessHandle.current().pid())));
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
                        boolean removing = run.getFileName().toString().startsWith(REMOVING);
                        if (stale(run) && (removing || !SweepFolder.keepsWork(run)) && remove(run, removing)) {
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

    /**
     * Takes {@code folder} by renaming it to a {@value #REMOVING} name of this process, then deletes
     * it; a folder that a resume renamed first is gone from under its old name and left alone.
     */
    private static boolean remove(Path folder, boolean alreadyTaken) {
        Path taken = folder;
        if (!alreadyTaken) {
            taken = folder.resolveSibling(REMOVING + folder.getFileName().toString().substring(PREFIX.length())
                    .replaceAll("-pid\\d+$", "") + "-pid" + ProcessHandle.current().pid());
            try {
                Files.move(folder, taken, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException takenBySomeoneElse) {
                return false;
            }
        }
        return delete(taken);
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
