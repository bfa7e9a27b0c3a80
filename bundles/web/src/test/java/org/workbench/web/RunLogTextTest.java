package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogTextTest {
    @TempDir
    Path folder;

    @Test
    void aShortLogIsShownWholeAndAMissingOneNotAtAll() throws Exception {
        assertEquals(Optional.empty(), RunLogText.of(folder));
        Files.writeString(folder.resolve("log.txt"), "one\ntwo\n");
        assertEquals(Optional.of("one\ntwo\n"), RunLogText.of(folder));
    }

    @Test
    void aLongLogShowsItsEndFromALineStartAndSaysWhatIsLeftOut() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < 3 * RunLogText.LIMIT; i++) {
            b.append("line ").append(i).append('\n');
        }
        Files.writeString(folder.resolve("log.txt"), b);
        String shown = RunLogText.of(folder).orElseThrow();
        assertTrue(shown.startsWith("… (the first "), shown.substring(0, 80));
        String[] lines = shown.split("\n");
        assertTrue(lines[1].startsWith("line "), lines[1]);
        assertTrue(b.toString().endsWith(shown.substring(shown.indexOf('\n') + 1)));
    }
}
