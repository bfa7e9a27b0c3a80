package org.workbench.engine.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A file of one entry a line at the distribution's root that the {@code ./workbench} script reads before
 * any JVM starts ({@link LightTasks}, {@link ProviderIndex}): rewritten only when its lines change, under
 * a temporary name and renamed, so the script never reads half a file.
 */
final class LineFile {
    private LineFile() {
    }

    /**
     * Writes {@code lines} to {@code file} unless it holds them already.
     *
     * @throws IOException when the file cannot be read or written
     */
    static void writeIfChanged(Path file, List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l).append('\n'));
        try {
            if (Files.readString(file).contentEquals(text)) {
                return;
            }
        } catch (NoSuchFileException e) {
            // written below
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
