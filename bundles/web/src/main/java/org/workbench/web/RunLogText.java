package org.workbench.web;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A run's {@code log.txt} for its page: the whole file, or its last {@value #LIMIT} bytes (from a
 * line start) with a note when it is longer, so that a chatty run never makes a huge page.
 */
final class RunLogText {
    static final String FILE = "log.txt";
    static final int LIMIT = 64 * 1024;

    private RunLogText() {
    }

    /** The log of the run in {@code folder}, if it kept one and it can be read. */
    static Optional<String> of(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            long from = Math.max(0, size - LIMIT);
            byte[] bytes = new byte[(int) (size - from)];
            in.seek(from);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (from > 0) {
                int line = text.indexOf('\n');
                text = "… (the first " + (from + line + 1) + " bytes are left out; the link shows the whole file)\n"
                        + text.substring(line + 1);
            }
            return Optional.of(text);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
