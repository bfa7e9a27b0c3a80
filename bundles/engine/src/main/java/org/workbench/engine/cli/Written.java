package org.workbench.engine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.workbench.engine.output.JsonText;

import com.google.gson.JsonObject;

/**
 * JSON files written together: each under a temporary name first, then all renamed, so that a
 * failure while writing leaves none of them changed.
 */
final class Written {
    private Written() {
    }

    static void all(Map<Path, JsonObject> files) throws IOException {
        List<Path> temporary = new ArrayList<>();
        try {
            for (Map.Entry<Path, JsonObject> f : files.entrySet()) {
                Path tmp = f.getKey().resolveSibling(f.getKey().getFileName() + ".tmp");
                temporary.add(tmp);
                try (var w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    JsonText.write(f.getValue(), w);
                    w.write('\n');
                }
            }
        } catch (IOException | RuntimeException e) {
            for (Path tmp : temporary) {
                Files.deleteIfExists(tmp);
            }
            throw e;
        }
        for (Path file : files.keySet()) {
            Files.move(file.resolveSibling(file.getFileName() + ".tmp"), file, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
