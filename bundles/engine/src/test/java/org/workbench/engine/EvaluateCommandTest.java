package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.engine.cli.CommandContext;
import org.workbench.engine.cli.Commands;
import org.workbench.engine.cli.Versions;
import org.workbench.engine.output.XChartRenderer;
import org.workbench.engine.run.ActiveRuns;

/** {@code evaluate RUN}: exit 2 naming what is wrong when RUN, its checkpoint or its task cannot be evaluated. */
class EvaluateCommandTest {
    @TempDir
    Path folder;

    record Outcome(int status, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private Outcome execute(String... args) {
        Commands commands = new Commands(new CommandContext(new FakeProviders(), new XChartRenderer(), Map.of("java", "test"),
                new Versions("1.2.3", "1.1.0", "felix 7"), false, List::of, new ActiveRuns(),
                org.workbench.engine.catalog.BundleJars.NONE, System.out, System.err), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = commands.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void whatCannotBeEvaluatedIsExitTwoWithTheReason() throws Exception {
        Path d = TestFiles.descriptor(folder, "d.json", "{\"format\":1,\"name\":\"exp\",\"seed\":5,"
                + "\"task\":{\"use\":\"sum\"},\"components\":{\"data\":{\"use\":\"values\",\"with\":{\"values\":[1,2,3]}}}}");
        Outcome run = execute("run", d.toString(), "--out", folder.resolve("results").toString(), "--quiet");
        assertEquals(0, run.status(), run.err());
        Path runFolder = Path.of(run.lastLine()).getParent();

        Outcome nowhere = execute("evaluate", folder.resolve("nothing").toString());
        assertEquals(2, nowhere.status());
        assertTrue(nowhere.err().contains("no finished run here"), nowhere.err());

        Outcome noCheckpoint = execute("evaluate", runFolder.toString());
        assertEquals(2, noCheckpoint.status());
        assertTrue(noCheckpoint.err().contains("weights.npz: no such checkpoint in the run's folder"), noCheckpoint.err());

        Outcome badName = execute("evaluate", runFolder.resolve("result.json").toString(), "--checkpoint", "../x.npz");
        assertEquals(2, badName.status());
        assertTrue(badName.err().contains("--checkpoint ../x.npz: expected a file name"), badName.err());

        Files.writeString(runFolder.resolve("weights.npz"), "not read: the task cannot evaluate");
        Outcome badData = execute("evaluate", runFolder.toString(), "--data", "nonsense");
        assertEquals(2, badData.status());
        assertTrue(badData.err().contains("--data nonsense: expected PARAM=VALUE"), badData.err());

        Outcome wrongTask = execute("evaluate", runFolder.toString());
        assertEquals(2, wrongTask.status(), wrongTask.err());
        assertTrue(wrongTask.err().contains("evaluate"), wrongTask.err());
        assertFalse(Files.exists(runFolder.resolve("evaluation.json")), "nothing written");
    }

    @Test
    void aSweepIsEvaluatedPointByPointAndWhatCannotBeIsExitTwo() throws Exception {
        Path d = TestFiles.descriptor(folder, "s.json", "{\"format\":1,\"name\":\"sweep\",\"seed\":5,"
                + "\"task\":{\"use\":\"sum\"},\"components\":{\"data\":{\"use\":\"values\",\"with\":{\"values\":[1,2,3]}}},"
                + "\"sweep\":{\"seed\":[1,2,3]}}");
        Outcome run = execute("run", d.toString(), "--out", folder.resolve("results").toString(), "--quiet");
        assertEquals(0, run.status(), run.err());
        Path runFolder = Path.of(run.lastLine()).getParent();

        Outcome none = execute("evaluate", runFolder.toString());
        assertEquals(2, none.status());
        assertTrue(none.err().contains("no point of this sweep kept weights.npz"), none.err());
        assertTrue(none.err().contains("note: point 2 kept no weights.npz"), none.err());

        Outcome outside = execute("evaluate", runFolder.toString(), "--point", "3");
        assertEquals(2, outside.status());
        assertTrue(outside.err().contains("--point 3: " + runFolder + " has points 0 to 2"), outside.err());

        Files.createDirectories(runFolder.resolve("points/1"));
        Files.writeString(runFolder.resolve("points/1/weights.npz"), "not read: the task cannot evaluate");
        Outcome wrongTask = execute("evaluate", runFolder.toString());
        assertEquals(2, wrongTask.status(), wrongTask.err());
        assertTrue(wrongTask.err().contains("'evaluate'"), wrongTask.err());
        assertFalse(Files.exists(runFolder.resolve("points/1/evaluation.json")), "nothing written");

        Outcome notASweep = execute("evaluate", runFolder.resolve("points/1").toString(), "--point", "1");
        assertEquals(2, notASweep.status());
    }
}
