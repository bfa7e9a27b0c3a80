package org.workbench.engine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The result keys a task documents in the experiments' README: the table under
 * {@code ### <task>} inside its {@code ## Result keys} section, as rows of (key, meaning).
 */
final class ResultKeysDoc {
    static final String SECTION = "## Result keys";

    private ResultKeysDoc() {
    }

    /** The rows documented for {@code task}, empty when the file or the task's subsection is absent. */
    static List<String[]> of(Path readme, String task) throws IOException {
        List<String[]> rows = new ArrayList<>();
        if (readme == null || !Files.isRegularFile(readme)) {
            return rows;
        }
        boolean inSection = false;
        boolean inTask = false;
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                inSection = line.strip().equals(SECTION);
                inTask = false;
            } else if (inSection && line.startsWith("### ")) {
                inTask = line.substring(4).strip().equals(task);
            } else if (inTask && line.startsWith("|") && !line.startsWith("|---") && !line.startsWith("| key |")) {
                String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|", 2);
                if (cells.length == 2) {
                    rows.add(new String[] {cells[0].strip().replace("`", ""), cells[1].strip().replace("`", "")});
                }
            }
        }
        return rows;
    }
}
