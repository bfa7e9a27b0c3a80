package org.workbench.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Every file of a published run folder, by its path inside the folder ({@code points/0/draws.json}),
 * listed for the run page's Files section and written as one zip by {@link RunArchive}.
 */
final class RunFolder {
    /** A file of the run: its path inside the folder, with {@code /} between names, and its size in bytes. */
    record Entry(String path, long size) {
        String readableSize() {
            return RunFolder.readable(size);
        }
    }

    private RunFolder() {
    }

    /** The folder's regular files, sorted by path. */
    static List<Entry> files(Path folder) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> new Entry(relative(root, p), size(p)))
                    .sorted(java.util.Comparator.comparing(Entry::path)).toList();
        }
    }

    /** Writes the folder's files into a zip under {@code prefix/} (the run's id), in the order {@link #files} lists them. */
    static void zip(Path folder, String prefix, OutputStream out) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Entry e : files(root)) {
            ZipEntry entry = new ZipEntry(prefix + "/" + e.path());
            entry.setLastModifiedTime(Files.getLastModifiedTime(root.resolve(e.path())));
            zip.putNextEntry(entry);
            Files.copy(root.resolve(e.path()), zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    static String readable(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        double v = bytes;
        String[] units = { "kB", "MB", "GB" };
        int i = -1;
        while (v >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[i]);
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace(java.io.File.separatorChar, '/');
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
