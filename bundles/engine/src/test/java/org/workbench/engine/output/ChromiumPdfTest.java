package org.workbench.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromiumPdfTest {
    @TempDir
    Path dir;

    private Path executable(String folder, String name) throws IOException {
        Path f = Files.createDirectories(dir.resolve(folder)).resolve(name);
        Files.writeString(f, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f;
    }

    @Test
    void findsChromiumOnThePathOrWhereTheEnvironmentSays() throws IOException {
        Path first = executable("a", "chromium");
        executable("b", "google-chrome");
        Path named = executable("c", "my-chrome");
        String path = dir.resolve("empty") + ":" + dir.resolve("b") + ":" + dir.resolve("a");
        assertEquals(Optional.of(first), ChromiumPdf.find(Map.of("PATH", path)).map(ChromiumPdf::executable),
                "chromium is preferred to google-chrome wherever it is on the path");
        assertEquals(Optional.of(named), ChromiumPdf.find(Map.of("PATH", path, ChromiumPdf.ENVIRONMENT, named.toString()))
                .map(ChromiumPdf::executable));
        assertTrue(ChromiumPdf.find(Map.of("PATH", dir.resolve("empty").toString())).isEmpty());
        assertTrue(ChromiumPdf.find(Map.of("PATH", path, ChromiumPdf.ENVIRONMENT, dir.resolve("none").toString())).isEmpty(),
                "a named executable that does not exist is not replaced by another");
    }

    @Test
    void aChromiumThatPrintsNothingIsAFailureNamingIt() throws IOException {
        Path fake = executable("a", "chromium");
        Path html = Files.writeString(dir.resolve("page.html"), "<html><head></head><body>x</body></html>");
        ChromiumPdf chromium = ChromiumPdf.find(Map.of("PATH", dir.resolve("a").toString())).orElseThrow();
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> chromium.print(html, dir.resolve("page.pdf"), ChromiumPdf.Paper.A4));
        assertTrue(e.getMessage().startsWith(fake + " exited with status 0 and printed no PDF of " + html), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("page.pdf")));
    }
}
