package org.workbench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes descriptor files for tests. */
final class TestFiles {
    private TestFiles() {
    }

    static Path descriptor(Path folder, String name, String json) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, json);
        return file;
    }
}
