package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The store's files beside an embedded store (docs/run-store.md, "Writes keep the files current"), on the real
 * runtime: once two queries made them, a `tag` and a new `run` patch them as they write, so the next query reads
 * them and makes none again.
 */
class StoreFilesIT {
    @TempDir
    Path work;

    @Test
    void aTagAndARunPatchTheFilesSoTheNextQueryMakesNone() throws Exception {
        Path results = work.resolve("results");
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        String descriptor = WorkbenchRuntimeIT.EXPERIMENTS.resolve("p1-1-posterior.json").toString();
        exit(WorkbenchProcess.start(work, plugins, "run", descriptor, "--out", results.toString(), "--quiet"));
        Path columns = results.resolve(".store/runs.columns");
        for (int i = 0; i < 2; i++) { // the first makes the sort key's column as it ends, the second the rows' file
            assertEquals(1, query(results, plugins).get("total").getAsInt());
        }
        Map<String, byte[]> made = files(columns);
        assertTrue(made.containsKey("rows.bin"), made.keySet().toString());

        String run;
        try (Stream<Path> runs = Files.list(results.resolve("p1-1-posterior"))) {
            run = runs.filter(Files::isDirectory).findFirst().orElseThrow().getFileName().toString();
        }
        exit(WorkbenchProcess.start(work, plugins, "tag", "p1-1-posterior/" + run, "final", "--out", results.toString()));
        Map<String, byte[]> patched = files(columns);
        assertEquals(made.keySet(), patched.keySet());
        for (String name : made.keySet()) {
            assertFalse(java.util.Arrays.equals(made.get(name), patched.get(name)), name + " patched by the tag");
        }
        JsonObject answer = query(results, plugins);
        assertEquals("[\"final\"]", answer.getAsJsonArray("runs").get(0).getAsJsonObject().get("tags").toString());
        assertSame(patched, files(columns), "after the tag");

        exit(WorkbenchProcess.start(work, plugins, "run", descriptor, "--out", results.toString(), "--quiet"));
        Map<String, byte[]> afterRun = files(columns);
        assertEquals(2, query(results, plugins).get("total").getAsInt());
        assertSame(afterRun, files(columns), "after the run");
    }

    private static JsonObject query(Path results, Path plugins) throws Exception {
        WorkbenchProcess runs = WorkbenchProcess.start(results.getParent(), plugins, "runs", "--out", results.toString(),
                "--json", "--where", "data.n >= 1", "--sort", "-data.n");
        exit(runs);
        return JsonParser.parseString(String.join("\n", runs.lines())).getAsJsonObject();
    }

    /** The query read the files and made none again (it would have, as it ended, had it found one stale). */
    private static void assertSame(Map<String, byte[]> before, Map<String, byte[]> after, String when) {
        assertEquals(before.keySet(), after.keySet(), when);
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), after.get(name), when + ": " + name + " made again by the query");
        }
    }

    private static void exit(WorkbenchProcess p) throws Exception {
        try (p) {
            assertEquals(0, p.exit(), p.stderr());
        }
    }

    private static Map<String, byte[]> files(Path folder) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path f : list.toList()) {
                files.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return files;
    }
}
