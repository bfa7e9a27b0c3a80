package org.workbench.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultKeysDocTest {
    @TempDir
    Path folder;

    @Test
    void readsTheTasksTableUnderResultKeysOnly() throws Exception {
        Path readme = folder.resolve("README.md");
        Files.writeString(readme, """
                # Experiments
                ### sum
                | key | meaning |
                |---|---|
                | `wrong` | not in the section |
                ## Result keys
                ### other
                | key | meaning |
                |---|---|
                | `x` | other's |
                ### sum
                | key | meaning |
                |---|---|
                | `sum`, `n` | the sum and the count |
                | `ratio` | a ratio with a | bar |
                ## Later
                | `late` | after the section |
                """);
        List<String[]> rows = ResultKeysDoc.of(readme, "sum");
        assertEquals(2, rows.size());
        assertEquals("sum, n", rows.get(0)[0]);
        assertEquals("the sum and the count", rows.get(0)[1]);
        assertEquals("a ratio with a | bar", rows.get(1)[1]);
        assertEquals(0, ResultKeysDoc.of(readme, "missing").size());
        assertEquals(0, ResultKeysDoc.of(folder.resolve("absent.md"), "sum").size());
    }
}
