package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryFilesTest {
    @Test
    void aFolderWrittenAsAPlainPathIsServedAsAFileUrlIsAndAnHttpRepositoryIsNot(@TempDir Path dir) throws Exception {
        Path settings = dir.resolve("workbench-settings.json");
        Path url = dir.resolve("by-url");
        Files.writeString(settings, "{\"repositories\": {\"url\": \"" + url.toUri() + "\", \"plain\": \""
                + dir.resolve("plain") + "\", \"remote\": \"http://127.0.0.1:1/repository/x/\"}}", StandardCharsets.UTF_8);

        Map<String, Path> folders = RepositoryFiles.folders(settings);

        assertEquals(Map.of("url", url, "plain", dir.resolve("plain")), folders);
    }

    @Test
    void noSettingsFileServesNothing(@TempDir Path dir) throws Exception {
        assertEquals(Map.of(), RepositoryFiles.folders(dir.resolve("missing.json")));
    }
}
