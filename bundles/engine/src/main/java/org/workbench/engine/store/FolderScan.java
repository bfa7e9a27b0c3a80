package org.workbench.engine.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run folders under a results folder ({@code <results>/<experiment>/<run-id>/result.json}) with
 * their signatures: the run folder's modification time (tags and notes are written by renaming, which
 * changes it) and {@code result.json}'s time and size (a hand edit changes them). Names starting with
 * a dot (unfinished runs, the store itself) are not runs. Experiments are scanned in parallel: two
 * stat calls per run are the whole cost of a sync where nothing changed.
 */
final class FolderScan {
    private FolderScan() {
    }

    /** {@code experiment/run-id} to the run folder's signature, for every finished run folder under {@code root}. */
    static Map<String, String> scan(Path root) throws IOException {
        Map<String, String> found = new ConcurrentHashMap<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        List<Path> experiments = folders(root, true);
        experiments.parallelStream().forEach(experiment -> {
            try {
                for (Path run : folders(experiment, false)) {
                    String signature = signature(run);
                    if (signature != null) {
                        found.put(experiment.getFileName() + "/" + run.getFileName(), signature);
                    }
                }
            } catch (IOException e) {
                // an experiment folder removed while scanning: its runs are gone
            }
        });
        return found;
    }

    /** The signature of the run folder {@code run}, or {@code null} when it holds no {@code result.json}. */
    static String signature(Path run) throws IOException {
        try {
            BasicFileAttributes folder = Files.readAttributes(run, BasicFileAttributes.class);
            if (!folder.isDirectory()) {
                return null;
            }
            BasicFileAttributes result = Files.readAttributes(run.resolve(ResultFolderReader.RESULT),
                    BasicFileAttributes.class);
            return folder.lastModifiedTime().toMillis() + ":" + result.lastModifiedTime().toMillis() + ":"
                    + result.size();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The entries of {@code parent} not starting with a dot; only folders when {@code check} (else the caller checks). */
    private static List<Path> folders(Path parent, boolean check) throws IOException {
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            for (Path p : entries) {
                if (!p.getFileName().toString().startsWith(".") && (!check || Files.isDirectory(p))) {
                    folders.add(p);
                }
            }
        }
        return folders;
    }
}
